import { describe, expect, it } from 'vitest'
import { parseLaunchOptions, pickLaunchArgs } from './cli-options'

describe('--sync-every', () => {
  it('checks HQ every 60 s unless told otherwise; 0 turns automatic sync off', () => {
    expect(parseLaunchOptions([], {}).syncEverySeconds).toBe(60)
    expect(parseLaunchOptions(['--sync-every', '15'], {}).syncEverySeconds).toBe(15)
    expect(parseLaunchOptions(['--sync-every=0'], {}).syncEverySeconds).toBe(0)
  })

  it('refuses a value that is not a number of seconds', () => {
    expect(() => parseLaunchOptions(['--sync-every', 'often'], {})).toThrow(/--sync-every/)
    expect(() => parseLaunchOptions(['--sync-every', '-5'], {})).toThrow(/--sync-every/)
  })

  it('is kept from an Electron argv among the runtime’s own flags', () => {
    expect(pickLaunchArgs(['--inspect', '--sync-every', '30', '--no-sandbox'])).toEqual([
      '--sync-every',
      '30',
    ])
  })
})
