/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character
 * alphabet (no I, O, S, V, Z); the last is a check character computed from the first 17.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export type CreditCodeProblem = 'length' | 'character' | 'checksum'

/** The check character for the first 17 characters, or null if one is outside the alphabet. */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i] ?? '')
    if (value < 0) return null
    sum += value * (WEIGHTS[i] ?? 0)
  }
  return ALPHABET[(31 - (sum % 31)) % 31] ?? null
}

/** Why a code is invalid, or null when it is valid. Input is compared upper-cased. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  const upper = code.toUpperCase()
  if (upper.length !== 18) return 'length'
  for (const ch of upper) if (!ALPHABET.includes(ch)) return 'character'
  return creditCodeCheckChar(upper.slice(0, 17)) === upper[17] ? null : 'checksum'
}
