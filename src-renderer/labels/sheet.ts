/** A4 label sheet: 3 columns × 8 rows of 70 × 37.125 mm (the common 24-up self-adhesive sheet). */
export const SHEET_COLUMNS = 3
export const SHEET_ROWS = 8
export const PER_SHEET = SHEET_COLUMNS * SHEET_ROWS

/**
 * Splits labels into sheets, leaving the first `skip` positions of the first sheet empty (a sheet that
 * was partly used before).
 */
export function paginate<T>(items: readonly T[], skip: number): (T | null)[][] {
  const cells: (T | null)[] = [...Array<null>(skip).fill(null), ...items]
  const sheets: (T | null)[][] = []
  for (let i = 0; i < cells.length; i += PER_SHEET) sheets.push(cells.slice(i, i + PER_SHEET))
  return sheets
}
