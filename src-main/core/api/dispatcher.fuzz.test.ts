import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTempCore, writeCounts, type TempCore } from '../../../test/integration/support/temp-core'
import { contract } from './contract'
import type { ApiResult } from './dispatcher'
import type { ErrorCode } from './errors'

/**
 * Every call of the contract gets malformed payloads: arbitrary values (including the ones IPC can carry
 * and JSON cannot), valid inputs with one field broken, huge strings, deep nesting and prototype-pollution
 * keys. The dispatcher must never throw, must answer with a valid result or a structured error, must never
 * fail with 'internal' (that would be a crash in a handler), and a failed call must write nothing.
 */

const ERROR_CODES = [
  'validation',
  'not_found',
  'conflict',
  'unknown_call',
  'bad_request',
  'unauthorized',
  'payload_too_large',
  'internal',
] as const satisfies readonly ErrorCode[]
// Fails to compile when ErrorCode gains a member this list lacks.
const everyCodeListed: Exclude<ErrorCode, (typeof ERROR_CODES)[number]> extends never ? true : false = true

const RUNS = Number(process.env.FUZZ_RUNS ?? 150)

function nested(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = wrap(value)
  return value
}

/** Values that break a field: wrong types, edge numbers, huge or odd strings, deep nesting. */
const badValue = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    undefined,
    true,
    0,
    -1,
    1e308,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '',
    ' ',
    '\u0000',
    '\ud800',
    '<script>alert(1)</script>',
    "'; DROP TABLE factories; --",
    '%',
    [],
    {},
    [null],
    { toString: 'x' },
  ),
  fc.constant('纸'.repeat(300_000)),
  fc.constant(nested(5000, (inner) => [inner])),
  fc.constant(nested(2000, (inner) => ({ a: inner }))),
  fc.integer({ min: 1, max: 60 }).map((n) => 'x'.repeat(n * 1000)),
  fc.anything({ maxDepth: 3 }),
)

/** Own keys that attempt prototype pollution, as JSON.parse produces them. */
const POLLUTION = [
  '{"__proto__": {"polluted": "yes"}}',
  '{"constructor": {"prototype": {"polluted": "yes"}}}',
  '{"prototype": {"polluted": "yes"}}',
].map((text) => JSON.parse(text) as Record<string, unknown>)

/** Arbitrary payloads, including IPC-only values (Map, Date, typed arrays, BigInt, null prototypes). */
const anyPayload = fc.anything({
  maxDepth: 4,
  key: fc.oneof(
    fc.string(),
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'name', 'id', 'values'),
  ),
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
})

type Json = Record<string, unknown>

/** Paths to every value inside a sample input (objects and arrays walked). */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const here = prefix.length > 0 ? [prefix] : []
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))]
  if (value && typeof value === 'object')
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))]
  return here
}

function withValueAt(sample: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(sample) as Json
  let target: Json = copy
  for (const key of path.slice(0, -1)) target = target[key] as Json
  target[path[path.length - 1]!] = replacement
  return copy
}

/** Breaks a valid sample: one field replaced, a key added, or pollution keys merged in. */
function mutations(sample: Json): fc.Arbitrary<unknown> {
  const paths = pathsOf(sample)
  const replaceOne =
    paths.length > 0
      ? fc.tuple(fc.constantFrom(...paths), badValue).map(([path, bad]) => withValueAt(sample, path, bad))
      : badValue
  return fc.oneof(
    replaceOne,
    fc.tuple(fc.string({ minLength: 1 }), badValue).map(([key, bad]) => ({ ...sample, [key]: bad })),
    fc.constantFrom(...POLLUTION).map((pollution) => Object.assign(structuredClone(sample), pollution)),
    fc.constantFrom(...POLLUTION),
    fc.constant([sample]),
  )
}

describe('dispatcher fuzz: every call, malformed payloads', () => {
  let core: TempCore
  let existingId: string

  beforeAll(async () => {
    core = await createTempCore()
    const created = await core.dispatch('factories.create', {
      name: '佛山洁净日化',
      creditCode: '91350100M000100Y43',
      contacts: [{ name: '刘', phone: '0757-8888 1234' }],
      categories: ['洁厕剂'],
    })
    if (!created.ok) throw new Error('could not create the fixture factory')
    existingId = (created.value as { id: string }).id
  })
  afterAll(async () => {
    await core?.dispose()
  })

  /** A valid input per call, to break one piece at a time; calls without one still get arbitrary input. */
  const samples = (): Record<string, Json> => ({
    'app.info': {},
    'factories.list': { search: '纸', statuses: ['qualified'], sort: 'name', direction: 'asc' },
    'factories.get': { id: existingId },
    'factories.delete': { id: existingId },
    'factories.create': {
      name: '泉州新厂',
      creditCode: '91110000802100433B',
      categories: ['湿厕纸'],
      contacts: [{ name: '陈', role: '厂长', phone: '13900001111', wechat: 'chen' }],
      status: 'prospect',
    },
    'factories.update': {
      id: existingId,
      values: { name: '佛山洁净日化', contacts: [{ name: '刘', phone: '0757-8888 1234' }], status: 'paused' },
    },
    'tours.create': {
      name: '广州/佛山 日化',
      startDate: '2026-04-01',
      endDate: '2026-04-03',
      belts: ['佛山日化'],
      plannedFactoryIds: [existingId],
    },
    'visits.create': {
      factoryId: existingId,
      visitDate: '2026-04-02',
      attendees: ['刘'],
      scores: { design: { score: 4, note: '好' }, capacity: { score: 2 } },
      followUps: [{ text: '寄样', dueDate: '2026-04-10' }],
    },
    'samples.create': {
      source: 'selectionCenter',
      factoryId: existingId,
      name: '洁厕液',
      category: '家庭清洁',
      specs: [{ key: '容量', value: '500ml' }],
      categoryOverride: { override: true, reason: '试单' },
    },
    'categories.create': { name: '宠物主粮', status: 'excluded', note: '放弃' },
  })

  async function checkCall(call: string, input: unknown): Promise<void> {
    const before = writeCounts(core)
    let result: ApiResult
    try {
      result = await core.dispatch(call, input)
    } catch (error) {
      throw new Error(`dispatch threw for ${call}: ${String(error)}`)
    }
    expect(typeof result.ok).toBe('boolean')
    if (result.ok) return
    const { error } = result
    expect(ERROR_CODES).toContain(error.code)
    expect(error.code, `${call} crashed: ${error.message}`).not.toBe('internal')
    expect(error.messageKey).toMatch(/^errors\./)
    expect(typeof error.message).toBe('string')
    expect(Array.isArray(error.fields)).toBe(true)
    for (const field of error.fields) {
      expect(field.messageKey).toMatch(/^errors\./)
      expect(Array.isArray(field.path)).toBe(true)
    }
    expect(writeCounts(core), `${call} failed but wrote`).toEqual(before)
  }

  it('knows every call it fuzzes', () => {
    expect(everyCodeListed).toBe(true)
    expect(Object.keys(contract).length).toBeGreaterThan(0)
  })

  it.each(Object.keys(contract))('%s survives arbitrary and broken inputs', async (call) => {
    const sample = samples()[call]
    const payload = sample ? fc.oneof(anyPayload, mutations(sample)) : anyPayload
    await fc.assert(
      fc.asyncProperty(payload, (input) => checkCall(call, input)),
      { numRuns: RUNS },
    )
    for (const input of [undefined, null, [], '', 0, 'x'.repeat(2_000_000), ...POLLUTION])
      await checkCall(call, input)
    expect(({} as Json).polluted).toBeUndefined()
  })

  it('answers unknown call names with unknown_call', async () => {
    const names = [
      '',
      'factories',
      'factories.drop',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      '../app.info',
    ]
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...names), fc.string()), anyPayload, async (call, input) => {
        fc.pre(!Object.hasOwn(contract, call))
        const before = writeCounts(core)
        const result = await core.dispatch(call, input)
        expect(result).toMatchObject({
          ok: false,
          error: { code: 'unknown_call', messageKey: 'errors.unknownCall' },
        })
        expect(writeCounts(core)).toEqual(before)
      }),
      { numRuns: RUNS },
    )
  })
})
