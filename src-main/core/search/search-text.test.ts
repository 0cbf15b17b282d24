import { describe, expect, it } from 'vitest'
import { fold, ftsExpression, normalizeCode, queryTerms, snippet } from './search-text'

describe('search text', () => {
  it('splits a query into distinct folded terms; full-width input becomes ASCII', () => {
    expect(queryTerms('  纸巾  Kirkland 纸巾\t')).toEqual(['纸巾', 'kirkland'])
    expect(queryTerms('Ｓ－２０２６－００４２')).toEqual(['s-2026-0042'])
    expect(normalizeCode(' s-2026-k7qx-00042 ')).toBe('S-2026-K7QX-00042')
    expect(queryTerms('\u0001')).toEqual([])
  })

  it('folds case without changing positions', () => {
    expect(fold('ABC纸İ')).toBe('abc纸İ')
    expect(fold('İx').length).toBe('İx'.length)
  })

  it('quotes every term, so FTS5 operators in the input are plain text', () => {
    expect(ftsExpression(['a"b', 'near(x'])).toBe('"a""b" AND "near(x"')
    expect(ftsExpression(['纸巾三'], ['code', 'title'])).toBe('{code title} : "纸巾三"')
  })

  it('cuts a snippet around the first match and marks every match', () => {
    const text = `${'甲'.repeat(50)}家庭用纸巾三层纸巾${'乙'.repeat(50)}`
    const parts = snippet(text, ['纸巾'], 30)
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['纸巾', '纸巾'])
    expect(parts.map((p) => p.text).join('')).toBe(`…${'甲'.repeat(7)}家庭用纸巾三层纸巾${'乙'.repeat(14)}…`)
    expect(snippet('Kirkland', ['kirk'])).toEqual([
      { text: 'Kirk', hit: true },
      { text: 'land', hit: false },
    ])
    expect(snippet('无关', ['纸巾'])).toEqual([])
  })
})
