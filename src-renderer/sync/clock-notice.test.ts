import { describe, expect, it } from 'vitest'
import { createI18n } from '../i18n/create-i18n'
import { clockNotice } from './clock-notice'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const measuredAt = '2026-06-01T02:00:00.000Z'

describe('the clock notice', () => {
  const zh = createI18n('zh-CN').t
  const en = createI18n('en').t

  it('says how far the clock is fast or slow, in days, hours and minutes, in both languages', () => {
    const fast = { offsetMs: -(8 * HOUR + 2 * MINUTE + 10_000), measuredAt }
    expect(clockNotice(zh, fast)).toEqual({
      sentence: '本机时钟快了 8 小时 2 分，已按总部时间校正',
      short: '时钟快了 8 小时 2 分',
    })
    expect(clockNotice(en, fast)?.sentence).toBe('This laptop’s clock is 8 h 2 min fast; saves use HQ’s time')
    const slow = { offsetMs: 24 * HOUR + 1000, measuredAt }
    expect(clockNotice(zh, slow)?.sentence).toBe('本机时钟慢了 1 天，已按总部时间校正')
    expect(clockNotice(en, slow)?.short).toBe('Clock 1 d slow')
    expect(clockNotice(zh, { offsetMs: 3 * MINUTE, measuredAt })?.short).toBe('时钟慢了 3 分')
  })

  it('says nothing within a minute of HQ, or before the clock was ever measured', () => {
    expect(clockNotice(zh, { offsetMs: -59_000, measuredAt })).toBeNull()
    expect(clockNotice(zh, { offsetMs: 0, measuredAt })).toBeNull()
    expect(clockNotice(zh, null)).toBeNull()
  })
})
