import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rememberedPort, rememberPort } from './remembered-port'

describe('the browser host remembers its port per data folder', () => {
  let dataDir: string
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'workbench-port-'))
  })
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

  it('gives back the port the last launch kept, and any free port (0) on a new folder', () => {
    expect(rememberedPort(dataDir)).toBe(0)
    rememberPort(dataDir, 41_234)
    expect(rememberedPort(dataDir)).toBe(41_234)
  })

  it('ignores a file that does not hold a usable port', () => {
    for (const text of ['', 'abc', '80', '70000', '12.5']) {
      writeFileSync(join(dataDir, 'host-port'), text)
      expect(rememberedPort(dataDir)).toBe(0)
    }
  })
})
