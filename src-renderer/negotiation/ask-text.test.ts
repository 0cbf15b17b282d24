import { describe, expect, it } from 'vitest'
import { createI18n } from '../i18n/create-i18n'
import { packWords, quotePackWord } from './ask-text'

const zh = createI18n('zh-CN')
const en = createI18n('en')

describe("a quote's pack word in the ask price and the working", () => {
  it("uses the factory's own word as the quote stores it, in the UI language", () => {
    expect(packWords(zh.t, quotePackWord({ packWord: '瓶', packSpec: [] }, 'zh-CN'))).toEqual({
      pack: '瓶',
      packs: '瓶',
    })
    expect(packWords(en.t, quotePackWord({ packWord: '瓶', packSpec: [] }, 'en'))).toEqual({
      pack: 'bottle',
      packs: 'bottles',
    })
    expect(packWords(en.t, quotePackWord({ packWord: '包', packSpec: [] }, 'en')).packs).toBe('bags')
  })

  it('falls back to the guess from the pack spec when the quote has no word', () => {
    const twoLevels = [
      { count: 24, label: '包' },
      { count: 100, label: '抽' },
    ]
    expect(packWords(zh.t, quotePackWord({ packWord: ' ', packSpec: twoLevels }, 'zh-CN')).pack).toBe('箱')
    expect(packWords(en.t, quotePackWord({ packWord: '', packSpec: twoLevels }, 'en')).packs).toBe('cases')
    expect(packWords(en.t, quotePackWord(undefined, 'en')).pack).toBe('pack')
  })
})
