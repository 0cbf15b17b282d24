import { readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { z } from 'zod'
import { BINARY_ROUTES, type BinaryRoute } from './binary-routes'
import { contract } from './contract'
import type { CallSpec } from './define'
import type { ErrorCode } from './errors'
import { HTTP_STATUS_BY_CODE, MAX_BODY_BYTES } from './transport'
import { PHONE_UPLOAD_DOCS } from '../phone-upload/phone-upload-docs'
import { MAX_DOCUMENT_BYTES } from './upload-limits'

/**
 * Writes docs/api.md from the contract, so the reference can never drift from what the dispatcher
 * accepts. `--check` compares instead of writing and fails when the committed file is stale.
 * Usage: `npm run docs:api` / `npm run docs:api:check`.
 */

export const API_DOCS_FILE = join(__dirname, '..', '..', '..', 'docs', 'api.md')

/** When each error code is returned; keyed by ErrorCode so a new code cannot be left undocumented. */
const ERROR_CODES: Record<ErrorCode, { when: string }> = {
  validation: { when: 'The input breaks the call’s input schema; `fields` says where and why.' },
  bad_request: { when: 'Not a POST, or the body is not JSON.' },
  not_found: { when: 'The record (by id) does not exist or is deleted.' },
  conflict: { when: 'The write conflicts with the current state of the record.' },
  unknown_call: { when: 'No call of that name in the contract.' },
  unauthorized: { when: 'Missing or wrong `x-workbench-secret` (checked before any routing).' },
  payload_too_large: { when: `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB.` },
  internal: { when: 'A bug; details go to the host’s log, never to the client.' },
}

/**
 * JSON Schema of one side of a call. Output schemas may contain transforms (a credit code is
 * upper-cased), which JSON Schema cannot express: those are documented by the type they accept, which
 * for our transforms is also the type they produce.
 */
export function callJsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    override: (ctx) => {
      const def = ctx.zodSchema._zod.def
      if (io !== 'output' || def.type !== 'pipe') return
      const pipe = def as z.core.$ZodPipeDef
      if (pipe.out._zod.def.type !== 'transform') return
      for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key]
      const { $schema: _ignored, ...accepted } = z.toJSONSchema(pipe.in, {
        io: 'input',
        unrepresentable: 'any',
      })
      Object.assign(ctx.jsonSchema, accepted)
    },
  }) as Record<string, unknown>
  delete json.$schema
  return json
}

function jsonBlock(value: unknown): string {
  return ['```json', JSON.stringify(value, null, 2), '```'].join('\n')
}

const HEADER = `# Sourcing Workbench API

<!-- Generated from src-main/core/api/contract.ts by \`npm run docs:api\`. Do not edit by hand:
     \`npm run docs:api:check\` (part of the checks) fails when this file is stale. -->

Every capability of the app is one call in a single contract (\`src-main/core/api/contract.ts\`): a name,
a zod schema for its input and one for its output. Both hosts route every call through the same
dispatcher, which validates the input against the contract before the handler runs, so what is written
below is exactly what is accepted.

## Transport

**Browser host** (\`npm start -- --browser\`, or \`node out/main/browser-host.js\`): an HTTP server on
127.0.0.1 only. It prints \`Open: http://127.0.0.1:PORT/#secret=SECRET\`; the secret is new on every
launch and travels in the URL fragment, so it is never sent to the server by the page load or logged.

\`\`\`http
POST /api/<call name>
content-type: application/json
x-workbench-secret: SECRET

<the call's input as JSON; an empty body means {}>
\`\`\`

- The secret is checked before any routing: any request under \`/api/\` without it gets 401, whatever
  the path.
- Bodies over ${MAX_BODY_BYTES / 1024 / 1024} MiB get 413 without being parsed; a body that is not JSON gets 400.
- Example: \`curl -s -X POST -H "x-workbench-secret: $SECRET" -d '{"search":"晋江"}' http://127.0.0.1:$PORT/api/factories.list\`

**Electron host**: the preload exposes one function and nothing else,
\`window.workbench.call(name, input)\`, which returns a promise of the same envelope.

### Document files (binary routes, behind the same secret)

Documents' bytes do not travel as JSON. Upload first, then attach the stored file with \`documents.attach\`:

\`\`\`http
POST /upload/document?name=<file name>&sha256=<lower-case hex SHA-256 the sender computed>
content-type: application/octet-stream
x-workbench-secret: SECRET

<the file's raw bytes, at most ${MAX_DOCUMENT_BYTES / 2 ** 20} MiB>
\`\`\`

- Answers the envelope with \`{ sha256, mime, type, bytes, fileName }\`. Refused (400) when the content
  is not what the name says (\`errors.document.typeMismatch\`: a PNG named .xlsx), is none of PDF,
  .xlsx, .xls, CSV or an image (\`errors.document.unreadable\`), or does not hash to \`sha256\`
  (\`errors.document.hashMismatch\`); 413 over the limit (\`errors.document.tooLarge\`).
- \`GET /documents/<document id>\` answers the file itself (its stored type, \`content-disposition:
  attachment\` with the buyer's file name), or the envelope with \`not_found\`.
- Electron: \`window.workbench.uploadDocument(bytes, fileName, sha256)\` and
  \`window.workbench.readDocument(id)\` (envelope with \`{ bytes, mime, fileName }\`).

## Envelope

Every call answers with one JSON object, never a bare value and never a thrown error:

\`\`\`json
{ "ok": true, "value": "<the call's output>" }
\`\`\`

\`\`\`json
{
  "ok": false,
  "error": {
    "code": "validation",
    "messageKey": "errors.validation",
    "message": "invalid input — creditCode: errors.creditCode.checksum",
    "fields": [{ "path": ["creditCode"], "messageKey": "errors.creditCode.checksum" }]
  }
}
\`\`\`

\`messageKey\` and each field's \`messageKey\` are i18n keys the UI shows in the user's language
(\`params\` holds values such as limits); \`message\` is an English fallback for logs and scripts;
\`fields[].path\` points into the call's input.

## Error codes

| code | HTTP status | when |
|---|---|---|
`

/** The routes outside /api/ (uploads, photos, PDFs, archives), each with its body and answer. */
function renderBinaryRoutes(routes: readonly BinaryRoute[]): string {
  const sections = routes.map((route) =>
    [
      `### ${route.method} ${route.path}`,
      '',
      route.summary,
      '',
      `- **Authorisation:** ${route.secret ? 'the `x-workbench-secret` header, as for `/api/`' : 'the photo cookie (see above)'}`,
      `- **Body:** ${route.body}`,
      `- **Answer:** ${route.answer}`,
      ...(route.output ? ['', jsonBlock(callJsonSchema(route.output, 'output'))] : []),
      '',
    ].join('\n'),
  )
  return [
    '## Binary routes',
    '',
    'Files travel outside the JSON calls, on these routes of the browser host (the Electron host offers the',
    'same through its preload: `uploadImport`, `uploadPhoto`, a `workbench-photo:` protocol and its own',
    'PDF and archive dialogs). Uploads take the raw bytes as the body, not JSON, and answer the same',
    'envelope as a call.',
    '',
    ...routes.map((r) => `- \`${r.method} ${r.path}\` — ${r.summary.split('. ')[0]?.replace(/\.$/, '')}.`),
    '',
    ...sections,
  ].join('\n')
}

/** The whole of docs/api.md for the current contract; deterministic (contract order, stable JSON). */
export function renderApiDocs(
  calls: Record<string, CallSpec> = contract,
  routes: readonly BinaryRoute[] = BINARY_ROUTES,
): string {
  const names = Object.keys(calls)
  const errorRows = Object.entries(ERROR_CODES).map(
    ([code, { when }]) => `| \`${code}\` | ${HTTP_STATUS_BY_CODE[code as ErrorCode]} | ${when} |`,
  )
  const index = names.map((name) => `- [\`${name}\`](#${name.replace(/\./g, '')}) — ${calls[name]?.summary}`)
  const sections = names.map((name) => {
    const spec = calls[name] as CallSpec
    return [
      `### ${name}`,
      '',
      spec.summary,
      '',
      `\`POST /api/${name}\``,
      '',
      '**Input** (JSON Schema; properties with a `default` may be omitted):',
      '',
      jsonBlock(callJsonSchema(spec.input, 'input')),
      '',
      '**Output** (the `value` of a successful reply):',
      '',
      jsonBlock(callJsonSchema(spec.output, 'output')),
      '',
    ].join('\n')
  })
  return [
    HEADER + errorRows.join('\n'),
    '',
    renderBinaryRoutes(routes),
    PHONE_UPLOAD_DOCS,
    '## Calls',
    '',
    ...index,
    '',
    ...sections,
  ].join('\n')
}

/** Line number (1-based) of the first difference, for a stale-docs message a person can act on. */
function firstDifference(a: string, b: string): number {
  const left = a.split('\n')
  const right = b.split('\n')
  for (let i = 0; i < Math.max(left.length, right.length); i++) if (left[i] !== right[i]) return i + 1
  return 0
}

/** Compares a docs file with what the contract generates; the message says what to do when stale. */
export function checkApiDocs(
  file: string,
  expected: string = renderApiDocs(),
): { ok: boolean; message: string } {
  const shown = relative(process.cwd(), file)
  let current: string
  try {
    current = readFileSync(file, 'utf8')
  } catch {
    return { ok: false, message: `${shown} is missing: run \`npm run docs:api\` and commit it.` }
  }
  if (current === expected) return { ok: true, message: `${shown} is up to date` }
  return {
    ok: false,
    message:
      `${shown} is stale: it differs from the contract from line ${firstDifference(current, expected)}. ` +
      'Run `npm run docs:api` and commit the result.',
  }
}

function main(argv: string[]): number {
  if (argv.includes('--check')) {
    const result = checkApiDocs(API_DOCS_FILE)
    if (result.ok) console.log(result.message)
    else console.error(result.message)
    return result.ok ? 0 : 1
  }
  writeFileSync(API_DOCS_FILE, renderApiDocs())
  console.log(`wrote ${relative(process.cwd(), API_DOCS_FILE)} (${Object.keys(contract).length} calls)`)
  return 0
}

if (require.main === module) process.exitCode = main(process.argv.slice(2))
