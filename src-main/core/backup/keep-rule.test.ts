import { describe, expect, it } from 'vitest'
import type { BackupReason } from './backup.contract'
import { backupsToDrop, type KeepCandidate } from './keep-rule'

/** The keep rule the README states, on a laptop's local calendar days. */

const NOW = new Date(2026, 11, 20, 18, 0) // 20 December, 18:00 local time
const at = (daysAgo: number, hour: number, reason: BackupReason = 'auto'): KeepCandidate => {
  const date = new Date(2026, 11, 20 - daysAgo, hour, 0)
  return { name: `${daysAgo}d-${hour}h-${reason}`, createdAt: date.toISOString(), reason }
}

describe('backup keep rule', () => {
  it('keeps the 3 newest of today and drops the rest of today', () => {
    const today = [17, 16, 15, 14, 9].map((h) => at(0, h))
    expect(backupsToDrop(today, NOW)).toEqual(['0d-14h-auto', '0d-9h-auto'])
  })

  it('keeps the newest of each of the 10 days before, nothing older', () => {
    const backups = [at(0, 17)]
    for (let day = 1; day <= 12; day++) backups.push(at(day, 20), at(day, 8, 'quit'))
    const dropped = backupsToDrop(backups, NOW)
    const kept = backups.map((b) => b.name).filter((n) => !dropped.includes(n))
    expect(kept).toEqual(['0d-17h-auto', ...Array.from({ length: 10 }, (_, i) => `${i + 1}d-20h-auto`)])
  })

  it('keeps backups made before a migration, a restore or clearing demo data for 30 days', () => {
    const backups = [
      at(0, 17),
      at(0, 16, 'pre-restore'),
      at(0, 15, 'pre-restore'),
      at(0, 14, 'pre-restore'),
      at(0, 13, 'pre-restore'),
      at(29, 10, 'pre-migration'),
      at(31, 10, 'pre-clear-demo'),
    ]
    expect(backupsToDrop(backups, NOW)).toEqual(['31d-10h-pre-clear-demo'])
  })

  it('always keeps the newest backup, however old', () => {
    expect(backupsToDrop([at(40, 10), at(50, 10, 'pre-migration')], NOW)).toEqual(['50d-10h-pre-migration'])
  })
})
