import Decimal from 'decimal.js'
import { strictAssert } from '../../shared/assert'
import { BoundedMemo } from './memo'

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

// Shared instance: a denominator identical to it is 1, which lets the hot paths skip multiplications.
const BIG_ONE = new Big(1)

// Quotes repeat the same few texts (prices, rates, units) on every what-if recomputation; parsed
// values are immutable, so they are memoized (bounded, so a long session cannot grow it forever).
const PARSED = new BoundedMemo<Exact>(10_000)

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

  static readonly ZERO = new Exact(new Big(0), BIG_ONE)
  static readonly ONE = new Exact(BIG_ONE, BIG_ONE)

  /** Parses '12.50', '-3', '1/3' or an integer count. Throws on anything else (input is schema-checked). */
  static of(value: string | number): Exact {
    if (typeof value === 'number') {
      strictAssert(Number.isFinite(value), `not a finite number: ${value}`)
      return new Exact(new Big(value), BIG_ONE)
    }
    return PARSED.get(value, () => Exact.parse(value))
  }

  private static parse(text: string): Exact {
    const trimmed = text.trim()
    if (DECIMAL_TEXT.test(trimmed)) return new Exact(new Big(trimmed), BIG_ONE)
    const fraction = FRACTION_TEXT.exec(trimmed)
    strictAssert(fraction, `not a decimal or fraction: ${JSON.stringify(text)}`)
    const den = new Big(fraction[2] as string)
    strictAssert(!den.isZero(), `zero denominator: ${text}`)
    return new Exact(new Big(fraction[1] as string), den.eq(1) ? BIG_ONE : den)
  }

  plus(other: Exact): Exact {
    if (this.den === other.den) return new Exact(exactly(this.num.plus(other.num)), this.den)
    if (other.den === BIG_ONE) return new Exact(exactly(this.num.plus(other.num.times(this.den))), this.den)
    if (this.den === BIG_ONE) return new Exact(exactly(this.num.times(other.den).plus(other.num)), other.den)
    return new Exact(
      exactly(this.num.times(other.den).plus(other.num.times(this.den))),
      exactly(this.den.times(other.den)),
    )
  }

  minus(other: Exact): Exact {
    return this.plus(other.negated())
  }

  times(other: Exact): Exact {
    return new Exact(exactly(this.num.times(other.num)), timesDen(this.den, other.den))
  }

  dividedBy(other: Exact): Exact {
    strictAssert(!other.num.isZero(), 'division by zero')
    const num = other.den === BIG_ONE ? this.num : exactly(this.num.times(other.den))
    const den = this.den === BIG_ONE ? other.num : exactly(other.num.times(this.den))
    return den.isNegative() ? new Exact(num.negated(), den.negated()) : new Exact(num, den)
  }

  negated(): Exact {
    return new Exact(this.num.negated(), this.den)
  }

  /** -1, 0 or 1, exactly. */
  cmp(other: Exact): -1 | 0 | 1 {
    const left = other.den === BIG_ONE ? this.num : exactly(this.num.times(other.den))
    const right = this.den === BIG_ONE ? other.num : exactly(other.num.times(this.den))
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
    return new Exact(up, BIG_ONE)
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

  /** The exact value as text ('n/d', unreduced), for memo keys: equal keys mean equal values. */
  key(): string {
    return this.den === BIG_ONE ? this.num.toFixed() : `${this.num.toFixed()}/${this.den.toFixed()}`
  }

  /** Rounded once to 40 significant digits. */
  toDecimal(): Decimal {
    const num = new Dec(this.num)
    return this.den === BIG_ONE ? num.toSignificantDigits(40) : num.div(new Dec(this.den))
  }

  /** Plain decimal text (no exponent), 40 significant digits. */
  toString(): string {
    return this.toDecimal().toFixed()
  }
}

function timesDen(a: Decimal, b: Decimal): Decimal {
  if (a === BIG_ONE) return b
  if (b === BIG_ONE) return a
  return exactly(a.times(b))
}

/** The smaller of two exact values (the first on a tie). */
export function minExact(a: Exact, b: Exact): Exact {
  return b.lt(a) ? b : a
}
