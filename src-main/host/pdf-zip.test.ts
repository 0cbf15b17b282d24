import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { zipStored } from './pdf-zip'

const hasUnzip = (() => {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

describe('zipStored', () => {
  it.skipIf(!hasUnzip)('writes an archive unzip extracts byte for byte, Chinese names included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-test-'))
    try {
      const files = [
        { name: 'S-2026-K7QX-00001 竹浆抽纸.pdf', bytes: new Uint8Array([37, 80, 68, 70, 1, 2, 3]) },
        { name: '00 行程汇总.pdf', bytes: new Uint8Array(70_000).map((_, i) => i % 251) },
      ]
      writeFileSync(join(dir, 'a.zip'), zipStored(files))
      execFileSync('unzip', ['-q', join(dir, 'a.zip'), '-d', join(dir, 'out')])
      for (const file of files) {
        expect(new Uint8Array(readFileSync(join(dir, 'out', file.name)))).toEqual(file.bytes)
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
