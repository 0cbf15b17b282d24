import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import { QUIET_ZONE, qrExtent, qrModules, qrPath } from './qr'
import { paginate, PER_SHEET } from './sheet'

/** Reads the drawn path back into dark modules: each 'Mx yhNv1h-Nz' run. */
function modulesOfPath(d: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false))
  for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, w] = [Number(m[1]) - QUIET_ZONE, Number(m[2]) - QUIET_ZONE, Number(m[3])]
    for (let c = x; c < x + w; c++) grid[y]![c] = true
  }
  return grid
}

describe('sample label QR', () => {
  const code = 'S-2026-K7QX-00042'

  it('encodes exactly the code, in the alphanumeric mode a scanner reads back as typed', () => {
    const symbol = QRCode.create(code, { errorCorrectionLevel: 'M' })
    expect(symbol.segments.map((s) => s.data.toString()).join('')).toBe(code)
    expect(symbol.segments.every((s) => s.mode.id === 'Alphanumeric')).toBe(true)
  })

  it('draws every dark module of that symbol and nothing else', () => {
    const modules = qrModules(code)
    const symbol = QRCode.create(code, { errorCorrectionLevel: 'M' })
    expect(modules.length).toBe(symbol.modules.size)
    expect(modulesOfPath(qrPath(modules), modules.length)).toEqual(modules)
    expect(qrExtent(modules)).toBe(symbol.modules.size + 2 * QUIET_ZONE)
    // A different code gives a different drawing: the label cannot show a stale QR.
    expect(qrPath(qrModules('S-2026-K7QX-00043'))).not.toBe(qrPath(modules))
  })
})

describe('label sheets', () => {
  it('puts 24 labels on an A4 sheet and starts after the positions already used', () => {
    const items = Array.from({ length: 30 }, (_, i) => i)
    const sheets = paginate(items, 5)
    expect(sheets.map((s) => s.length)).toEqual([PER_SHEET, 11])
    expect(sheets[0]!.slice(0, 6)).toEqual([null, null, null, null, null, 0])
    expect(sheets[1]!.at(-1)).toBe(29)
  })
})
