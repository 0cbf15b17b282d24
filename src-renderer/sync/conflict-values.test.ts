import { describe, expect, it } from 'vitest'
import { createI18n } from '../i18n/create-i18n'
import { conflictValueText } from './conflict-values'

/** Conflicting values as the Sync screen shows them, from the JSON text sync stored. */

const zh = createI18n('zh-CN').t
const en = createI18n('en').t
const json = (value: unknown) => JSON.stringify(value)
// List columns hold JSON text, stored as a JSON string in the change log.
const listText = (value: unknown) => json(json(value))

describe('conflict values in words', () => {
  it('joins lists the way each language writes them', () => {
    const tags = listText(['生活用纸', '湿厕纸'])
    expect(conflictValueText(zh, 'factories', 'categories', tags)).toBe('生活用纸、湿厕纸')
    expect(conflictValueText(en, 'factories', 'categories', tags)).toBe('生活用纸, 湿厕纸')
    expect(conflictValueText(zh, 'visits', 'attendees', listText([]))).toBe('')
  })

  it('shows a legacy contact list as people, not JSON', () => {
    const contacts = listText([
      { name: '王强', role: '厂长', phone: '13712345678', wechat: '' },
      { name: '李娜', role: '', phone: '', wechat: 'lina88' },
    ])
    expect(conflictValueText(zh, 'factories', 'contacts', contacts)).toBe(
      '王强 · 厂长 · 13712345678、李娜 · lina88',
    )
  })

  it('names codes by their labels, in both languages', () => {
    expect(conflictValueText(zh, 'factories', 'status', json('qualified'))).toBe('合格')
    expect(conflictValueText(en, 'factories', 'status', json('blacklisted'))).toBe('Blacklisted')
    expect(conflictValueText(zh, 'samples', 'status', json('evaluating'))).toBe('评估中')
    expect(conflictValueText(zh, 'quotes', 'vat_basis', json('excluded'))).toBe('不含税')
    // A code this version has no label for is shown as it is, never dropped.
    expect(conflictValueText(zh, 'factories', 'status', json('newer_status'))).toBe('newer_status')
  })

  it('says yes or no, money with ¥, times as times, and what a deletion means', () => {
    expect(conflictValueText(zh, 'visit_follow_ups', 'done', json(1))).toBe('是')
    expect(conflictValueText(en, 'visit_follow_ups', 'done', json(0))).toBe('No')
    expect(conflictValueText(zh, 'benchmarks', 'shelf_price', json('39.90'))).toBe('¥39.90')
    expect(conflictValueText(zh, 'quotes', 'freight', listText({ kind: 'perPack', amount: '0.30' }))).toBe(
      '每件运费 ¥0.30',
    )
    const at = '2026-11-03T08:05:00.000Z'
    expect(conflictValueText(zh, 'factories', 'deleted_at', json(at))).toMatch(
      /^已删除（2026-11-03 \d\d:05）$/,
    )
    expect(conflictValueText(zh, 'factories', 'deleted_at', json(null))).toBe('（未删除）')
    expect(conflictValueText(en, 'factories', 'deleted_at', json(null))).toBe('(not deleted)')
    expect(conflictValueText(zh, 'factories', 'notes', json(''))).toBe('')
    expect(conflictValueText(zh, 'factory_contacts', 'phone', json('13800138000'))).toBe('13800138000')
  })
})
