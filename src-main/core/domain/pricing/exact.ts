import Decimal from 'decimal.js'
import { strictAssert } from '../../shared/assert'

/**
 * Exact arithmetic for prices. Every value the engine computes is a ratio of two exact decimals, so
 * divisions (by units per pack, by the order's packs, by 1 - margin, by 3 for a one-third target) lose
 * nothing and comparisons at the target's edge are exact. Values leave the engine as decimal strings
 * rounded once, to 40 significant digits.
 */

/** Money and quantities as shown: 40 significant digits, half-up. A clone, so the global Decimal is untouched. */
export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -100,
  toExpPos: 100,
})

// Numerators and denominators: products of a handful of schema-bounded decimals stay far below this,
// so additions and multiplications never round (asserted in `exactly`).
const BIG_PRECISION = 400
const Big = Decimal.clone({
  precision: BIG_PRECISION,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -1000,
  toExpPos: 1000,
})

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/
const FRACTION_TEXT = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*$/

function exactly(value: Decimal): Decimal {
  strictAssert(value.isFinite() && value.sd() < BIG_PRECISION, 'exact arithmetic overflowed its precision')
  return value
}

/** A rational number n/d with exact decimal parts and d > 0. */
export class Exact {
  private constructor(
    /** Numerator. */
    readonly num: Decimal,
    /** Denominator, always > 0. */
    readonly den: Decimal,
  ) {}

  static readonly ZERO = new Exact(new Big(0), new Big(1))
  static readonly ONE = new Exact(new Big(1), new Big(1))

  /** Parses '12.50', '-3', '1/3' or an integer count. Throws on anything else (input is schema-checked). */
  static of(value: string | number): Exact {
    if (typeof value === 'number') {
      strictAssert(Number.isFinite(value), `not a finite number: ${value}`)
      return new Exact(new Big(value), new Big(1))
    }
    const text = value.trim()
    if (DECIMAL_TEXT.test(text)) return new Exact(new Big(text), new Big(1))
    const fraction = FRACTION_TEXT.exec(text)
    strictAssert(fraction, `not a decimal or fraction: ${JSON.stringify(value)}`)
    const den = new Big(fraction[2] as string)
    strictAssert(!den.isZero(), `zero denominator: ${value}`)
    return new Exact(new Big(fraction[1] as string), den)
  }

  plus(other: Exact): Exact {
    if (this.den.eq(other.den)) return new Exact(exactly(this.num.plus(other.num)), this.den)
    return new Exact(
      exactly(this.num.times(other.den).plus(other.num.times(this.den))),
      exactly(this.den.times(other.den)),
    )
  }

  minus(other: Exact): Exact {
    return this.plus(other.negated())
  }

  times(other: Exact): Exact {
    return new Exact(exactly(this.num.times(other.num)), exactly(this.den.times(other.den)))
  }

  dividedBy(other: Exact): Exact {
    strictAssert(!other.num.isZero(), 'division by zero')
    const sign = other.num.isNegative() ? -1 : 1
    return new Exact(
      exactly(this.num.times(other.den).times(sign)),
      exactly(other.num.times(this.den).times(sign)),
    )
  }

  negated(): Exact {
    return new Exact(this.num.negated(), this.den)
  }

  /** -1, 0 or 1, exactly. */
  cmp(other: Exact): -1 | 0 | 1 {
    const left = exactly(this.num.times(other.den))
    const right = exactly(other.num.times(this.den))
    return left.cmp(right) as -1 | 0 | 1
  }

  lte(other: Exact): boolean {
    return this.cmp(other) <= 0
  }

  lt(other: Exact): boolean {
    return this.cmp(other) < 0
  }

  isZero(): boolean {
    return this.num.isZero()
  }

  isPositive(): boolean {
    return this.num.gt(0)
  }

  /** The smallest integer >= this value. */
  ceil(): Exact {
    const quotient = this.num.divToInt(this.den)
    const up = exactly(quotient.times(this.den)).lt(this.num) ? quotient.plus(1) : quotient
    return new Exact(up, new Big(1))
  }

  /** The largest integer <= this value. */
  floor(): Exact {
    return this.negated().ceil().negated()
  }

  /** As a JS number; for integers in the safe range only (pack counts). */
  toSafeInteger(): number | null {
    strictAssert(this.den.eq(1) || this.num.mod(this.den).isZero(), 'not an integer')
    const value = this.num.div(this.den)
    return value.abs().lte(Number.MAX_SAFE_INTEGER) ? value.toNumber() : null
  }

  /** Rounded once to 40 significant digits. */
  toDecimal(): Decimal {
    return new Dec(this.num).div(new Dec(this.den))
  }

  /** Plain decimal text (no exponent), 40 significant digits. */
  toString(): string {
    return this.toDecimal().toFixed()
  }
}

/** The smaller of two exact values (the first on a tie). */
export function minExact(a: Exact, b: Exact): Exact {
  return b.lt(a) ? b : a
}
