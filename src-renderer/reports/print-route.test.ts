import { describe, expect, it } from 'vitest'
import { isPrintHash, parsePrintHash, PRINT_KINDS, printHash } from './print-route'

describe('print routes', () => {
  it('round-trips every kind with its language', () => {
    for (const kind of PRINT_KINDS) {
      const hash = printHash({ kind, id: '0190-a/b' }, 'en')
      expect(isPrintHash(hash)).toBe(true)
      expect(parsePrintHash(hash)).toEqual({
        kind,
        id: '0190-a/b',
        language: 'en',
        dialog: false,
        card: false,
      })
    }
  })

  it('leaves app routes and unknown kinds alone', () => {
    expect(isPrintHash('#/samples/1')).toBe(false)
    expect(parsePrintHash('#/samples/1')).toBeNull()
    expect(parsePrintHash('#/print/factory/1')).toBeNull()
    expect(parsePrintHash('#/print/sample/')).toBeNull()
    expect(parsePrintHash('#/print/sample/1')).toEqual({
      kind: 'sample',
      id: '1',
      language: null,
      dialog: false,
      card: false,
    })
    expect(parsePrintHash('#/print/tour/7?lang=zh-CN&dialog=1')?.dialog).toBe(true)
    // The negotiation sheet's phone card.
    expect(parsePrintHash('#/print/negotiation-sku/7?lang=en&card=1')?.card).toBe(true)
  })
})
