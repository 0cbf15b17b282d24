import { SAFETY_REASONS, type BackupReason } from './backup.contract'

/**
 * Which backups to keep (README: "Backups"). Routine backups (automatic, at quit, by hand): the 3
 * newest of today, and the newest of each of the 10 days before. Safety backups (before a migration, a
 * restore, clearing demo data): 30 days. The newest backup is always kept. Days are the laptop's local
 * calendar days, as the buyer counts them.
 */
export const KEEP_TODAY = 3
export const KEEP_DAYS = 10
export const KEEP_SAFETY_DAYS = 30

export interface KeepCandidate {
  name: string
  createdAt: string
  reason: BackupReason
}

const DAY_MS = 86_400_000

function localDay(date: Date): number {
  return Math.floor(new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime() / DAY_MS)
}

/** Names of the backups the rule drops, given every backup and the time now. */
export function backupsToDrop(backups: readonly KeepCandidate[], now: Date): string[] {
  const newestFirst = [...backups].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
  const today = localDay(now)
  const keptPerDay = new Map<number, number>()
  const drop: string[] = []
  for (const [index, backup] of newestFirst.entries()) {
    const created = new Date(backup.createdAt)
    const age = today - localDay(created)
    if (SAFETY_REASONS.includes(backup.reason)) {
      if (index > 0 && now.getTime() - created.getTime() > KEEP_SAFETY_DAYS * DAY_MS) drop.push(backup.name)
      continue
    }
    const day = localDay(created)
    const kept = keptPerDay.get(day) ?? 0
    const allowed = age <= 0 ? KEEP_TODAY : age <= KEEP_DAYS ? 1 : 0
    if (kept < allowed || index === 0) keptPerDay.set(day, kept + 1)
    else drop.push(backup.name)
  }
  return drop
}
