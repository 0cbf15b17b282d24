import { join } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/**
 * The runtime boundaries live in eslint.config.mjs; these cases prove the rules fire, so a config edit
 * cannot silently switch them off.
 */
const root = join(__dirname, '..', '..')
const eslint = new ESLint({ cwd: root })

async function restrictedImportMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message)
}

describe('architecture lint', () => {
  it.each([
    ["import { app } from 'electron'\nexport const x = app\n", 'no Electron'],
    ["import { useState } from 'react'\nexport const x = useState\n", 'no UI'],
    ["import { Button } from '@mantine/core'\nexport const x = Button\n", 'no UI'],
    ["import { x } from '../../electron/main'\nexport const y = x\n", 'must not depend on a host'],
    ['export const title = document.title\n', 'document'],
    [
      "import { hqCalls } from '../../../src-hq/hq.contract'\nexport const x = hqCalls\n",
      'must not import HQ',
    ],
  ])('core/ rejects %s', async (code, expected) => {
    const messages = await restrictedImportMessages('src-main/core/factories/example.ts', code)
    expect(messages.join(' ')).toContain(expected)
  })

  it.each([
    ["import { readFileSync } from 'node:fs'\nexport const x = readFileSync\n", 'no Node modules'],
    ["import Database from 'better-sqlite3'\nexport const x = Database\n", 'only through the API client'],
    ["import { ipcRenderer } from 'electron'\nexport const x = ipcRenderer\n", 'only through the API client'],
    [
      "import { listFactories } from '@core/factories/factories.service'\nexport const x = listFactories\n",
      'only contracts',
    ],
  ])('the renderer rejects %s', async (code, expected) => {
    const messages = await restrictedImportMessages('src-renderer/factories/example.ts', code)
    expect(messages.join(' ')).toContain(expected)
  })

  it('the renderer may import the contract', async () => {
    const code =
      "import { FactoryInput } from '@core/factories/factories.contract'\nexport const x = FactoryInput\n"
    expect(await restrictedImportMessages('src-renderer/factories/example.ts', code)).toEqual([])
  })

  it('code shared with the renderer stays pure', async () => {
    const code = "import { createHash } from 'node:crypto'\nexport const x = createHash\n"
    const messages = await restrictedImportMessages('src-main/core/factories/factories.contract.ts', code)
    expect(messages.join(' ')).toContain('pure code only')
  })
})
