import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contract } from './contract'
import { API_DOCS_FILE, callJsonSchema, checkApiDocs, renderApiDocs } from './generate-api-docs'

/** The JSON blocks of one call's section, in order: input then output. */
function schemasOf(docs: string, call: string): unknown[] {
  const section = docs.split(`\n### ${call}\n`)[1]?.split('\n### ')[0] ?? ''
  return [...section.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => JSON.parse(m[1] ?? ''))
}

describe('docs/api.md', () => {
  it('is up to date with the contract (run `npm run docs:api` when this fails)', () => {
    expect(checkApiDocs(API_DOCS_FILE)).toMatchObject({ ok: true })
  })

  it('documents every call with its input and output schema', () => {
    const docs = renderApiDocs()
    for (const name of Object.keys(contract)) {
      expect(docs).toContain(`POST /api/${name}`)
      expect(schemasOf(docs, name)).toHaveLength(2)
    }
  })

  it('describes inputs as a client sends them: defaulted fields are optional', () => {
    const [input, output] = schemasOf(renderApiDocs(), 'factories.create') as {
      required: string[]
      properties: Record<string, { type?: string }>
    }[]
    expect(input?.required).toEqual(['name'])
    expect(output?.required).toEqual(expect.arrayContaining(['id', 'name', 'creditCode', 'contacts']))
    // The credit code is upper-cased by a transform; the output still documents it as a string.
    expect(output?.properties.creditCode?.type).toBe('string')
  })

  it('renders the same text every time', () => {
    expect(renderApiDocs()).toBe(renderApiDocs())
  })

  it('reports a stale or missing file with the line and the command that fixes it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'api-docs-'))
    const file = join(dir, 'api.md')
    const expected = renderApiDocs()
    writeFileSync(file, expected.replace('### factories.get', '### factories.fetch'))
    const stale = checkApiDocs(file, expected)
    expect(stale.ok).toBe(false)
    expect(stale.message).toMatch(/is stale: .* from line \d+\. Run `npm run docs:api`/)
    expect(checkApiDocs(join(dir, 'none.md'), expected)).toMatchObject({ ok: false })
  })

  it('shows each schema as plain JSON Schema without a $schema line', () => {
    const schema = callJsonSchema(contract['factories.delete'].input, 'input')
    expect(schema).toEqual({
      type: 'object',
      properties: { id: expect.objectContaining({ type: 'string', format: 'uuid' }) },
      required: ['id'],
      additionalProperties: false,
    })
  })
})
