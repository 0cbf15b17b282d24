import QRCode from 'qrcode'

/** White modules around the symbol; the label's own padding adds more. */
export const QUIET_ZONE = 2

/** A QR symbol as rows of dark (true) and light modules. */
export type QrModules = boolean[][]

/**
 * The QR symbol of exactly `text`, at error-correction level M (readable with a scuffed corner). A
 * sample code is upper-case letters, digits and '-', so the encoder picks the compact alphanumeric mode.
 */
export function qrModules(text: string): QrModules {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const rows: QrModules = []
  for (let r = 0; r < modules.size; r++) {
    const row: boolean[] = []
    for (let c = 0; c < modules.size; c++) row.push(modules.get(r, c) !== 0)
    rows.push(row)
  }
  return rows
}

/**
 * One SVG path for the dark modules, one rectangle per horizontal run, in module units offset by the
 * quiet zone; drawn as an element (no innerHTML), so nothing needs a looser CSP.
 */
export function qrPath(modules: QrModules): string {
  const parts: string[] = []
  modules.forEach((row, r) => {
    let c = 0
    while (c < row.length) {
      if (!row[c]) {
        c++
        continue
      }
      const start = c
      while (c < row.length && row[c]) c++
      parts.push(`M${start + QUIET_ZONE} ${r + QUIET_ZONE}h${c - start}v1h-${c - start}z`)
    }
  })
  return parts.join('')
}

/** The symbol's side with its quiet zone, in modules (the SVG viewBox). */
export function qrExtent(modules: QrModules): number {
  return modules.length + 2 * QUIET_ZONE
}
