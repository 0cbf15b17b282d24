import type { ApiResult } from '../../src-main/core/api/dispatcher'
import type { SyncDevice } from './sync-device'

/**
 * The buyer's work in the sync simulation, done as the app does it: through each laptop's own
 * dispatcher (so every call is validated and written as a real save), on every kind of record a laptop
 * writes — factories with their lists, tours, visits with scorecards, follow-ups, samples along their
 * workflow, quote rounds, exchange rates — with edits, deletes and restores. A call the app refuses for
 * a reason a buyer would meet (the record was deleted meanwhile, a date outside its tour) is part of the
 * game; an internal error is not.
 */

type Random = () => number

/** Tables the simulation compares between every replica and HQ's log (every synced table). */
export const COMPARED_TABLES = [
  'factories',
  'factory_contacts',
  'tours',
  'visits',
  'visit_follow_ups',
  'samples',
  'sample_status_history',
  'quotes',
  'currency_rates',
  'skus',
  'benchmarks',
  'categories',
  'demand_signals',
] as const

/** What the world did, by kind of call: made, refused for a buyer's reason. */
export interface WorldCounts {
  calls: number
  refused: number
  creates: number
  edits: number
  deletes: number
  restores: number
}

export function emptyWorldCounts(): WorldCounts {
  return { calls: 0, refused: 0, creates: 0, edits: 0, deletes: 0, restores: 0 }
}

/** Which count a write call that the app accepted adds to (reads add to none). */
function kindOf(name: string): 'creates' | 'edits' | 'deletes' | 'restores' | undefined {
  const verb = name.split('.')[1]!
  if (verb === 'create') return 'creates'
  if (verb === 'delete') return 'deletes'
  if (verb === 'restore') return 'restores'
  if (['update', 'revise', 'transition', 'setDone', 'set'].includes(verb)) return 'edits'
  return undefined
}

/** Refusals a buyer meets when another laptop's work arrived in between; anything else is a bug. */
const EXPECTED_REFUSALS = new Set(['not_found', 'validation', 'conflict'])

/** A call through the laptop's dispatcher; refusals a buyer could meet are counted, others thrown. */
async function call<T>(
  device: SyncDevice,
  counts: WorldCounts,
  name: string,
  input: unknown,
): Promise<T | undefined> {
  counts.calls++
  const result = (await device.core.dispatch(name, input)) as ApiResult
  if (result.ok) {
    const kind = kindOf(name)
    if (kind) counts[kind]++
    return result.value as T
  }
  if (EXPECTED_REFUSALS.has(result.error.code)) {
    // SYNC_SIM_DEBUG=1 shows the refusals: a wrong input reads as a buyer's refusal otherwise.
    if (process.env.SYNC_SIM_DEBUG) console.error(`${name} refused: ${JSON.stringify(result.error)}`)
    counts.refused++
    return undefined
  }
  throw new Error(`${name} failed on ${device.deviceId}: ${result.error.code} ${result.error.message}`)
}

function liveIds(device: SyncDevice, table: string, where = ''): string[] {
  const rows = device.core.database.sqlite
    .prepare(`SELECT id FROM ${table} WHERE deleted_at IS NULL ${where} ORDER BY id`)
    .all() as { id: string }[]
  return rows.map((r) => r.id)
}

function deletedIds(device: SyncDevice, table: string): string[] {
  const rows = device.core.database.sqlite
    .prepare(`SELECT id FROM ${table} WHERE deleted_at IS NOT NULL ORDER BY id`)
    .all() as { id: string }[]
  return rows.map((r) => r.id)
}

const BELTS = ['晋江纸品', '保定生活用纸', '广州白云日化', '仙桃无纺布', '茅台镇酱酒']
const CATEGORIES = ['生活用纸', '湿厕纸', '一次性内裤/浴巾', '洗手液', '地板清洁剂']
/** What samples.update replaces (all of a sample's own fields, as its form sends them). */
const SAMPLE_FIELDS = [
  'source',
  'visitId',
  'factoryId',
  'skuId',
  'category',
  'categoryOverride',
  'name',
  'specs',
]
const CURRENCIES = ['USD', 'EUR', 'HKD', 'JPY']

/** One random piece of a buyer's work on one laptop, at the simulated day `today` (YYYY-MM-DD). */
export async function worldStep(
  device: SyncDevice,
  random: Random,
  counts: WorldCounts,
  tag: string,
  today: string,
): Promise<void> {
  const pick = <T>(items: readonly T[]): T | undefined =>
    items.length === 0 ? undefined : items[Math.floor(random() * items.length)]
  const some = <T>(items: readonly T[], max: number): T[] =>
    items.filter(() => random() < max / Math.max(items.length, 1)).slice(0, max)
  // A fifth of the work deletes something or restores it from the Trash.
  if (random() < 0.2) return deleteOrRestore(device, random, counts)
  const factories = liveIds(device, 'factories')
  const roll = random()

  if (roll < 0.1) {
    await call(device, counts, 'factories.create', {
      name: `工厂 ${tag}`,
      industrialBelt: pick(BELTS),
      categories: some(CATEGORIES, 2),
      contacts: [{ name: `联系人 ${tag}`, role: '厂长', phone: '13800138000' }],
    })
  } else if (roll < 0.3) {
    const id = pick(factories)
    if (!id) return
    const factory = await call<Record<string, unknown>>(device, counts, 'factories.get', { id })
    if (!factory) return
    const contacts = (factory.contacts as Record<string, unknown>[]) ?? []
    const change = random()
    const values: Record<string, unknown> = { ...factory }
    for (const key of ['id', 'createdAt', 'updatedAt']) delete values[key]
    // Contacts are rows of their own: an entry with an id edits one, one without adds one, and a
    // contact is removed only by naming it (one left out of the form is kept).
    let removedContactIds: string[] = []
    if (change < 0.25) values.notes = `备注 ${tag}`
    else if (change < 0.4) values.categories = some(CATEGORIES, 3)
    else if (change < 0.6 && contacts.length < 20)
      values.contacts = [...contacts, { name: `新联系人 ${tag}`, role: '业务' }]
    else if (change < 0.7 && contacts.length > 0)
      values.contacts = contacts.map((c, i) => (i === 0 ? { ...c, phone: `139${tag.length}0013900` } : c))
    else if (change < 0.8 && contacts.length > 0) {
      removedContactIds = [pick(contacts)!.id as string]
      values.contacts = contacts.filter((c) => c.id !== removedContactIds[0])
    } else values.capacity = `月产 ${Math.floor(random() * 900) + 100} 吨 (${tag})`
    await call(device, counts, 'factories.update', { id, values, removedContactIds })
  } else if (roll < 0.36) {
    const factory = pick(factories)
    if (!factory) return
    await call(device, counts, 'tours.create', {
      name: `走访 ${tag}`,
      startDate: today,
      endDate: today,
      belts: some(BELTS, 2),
      members: ['王敏'],
      plannedFactoryIds: some(factories, 3),
    })
  } else if (roll < 0.5) {
    const factoryId = pick(factories)
    if (!factoryId) return
    const tourId = random() < 0.5 ? pick(liveIds(device, 'tours', `AND start_date <= '${today}'`)) : undefined
    const tour = tourId
      ? await call<{ startDate: string }>(device, counts, 'tours.get', { id: tourId })
      : undefined
    await call(device, counts, 'visits.create', {
      factoryId,
      tourId: tour ? tourId : null,
      visitDate: tour ? tour.startDate : today,
      attendees: ['王敏', `厂方 ${tag}`],
      scores: { design: { score: 1 + Math.floor(random() * 5) }, capacity: { score: 3, note: tag } },
      notes: `会谈 ${tag}`,
      followUps: random() < 0.5 ? [{ text: `寄样 ${tag}`, dueDate: today }] : [],
    })
  } else if (roll < 0.6) {
    const id = pick(liveIds(device, 'visits'))
    if (!id) return
    const visit = await call<Record<string, unknown>>(device, counts, 'visits.get', { id })
    if (!visit) return
    if (random() < 0.5) {
      await call(device, counts, 'followUps.create', { visitId: id, text: `跟进 ${tag}`, dueDate: null })
    } else {
      const values = {
        factoryId: visit.factoryId,
        tourId: visit.tourId,
        visitDate: visit.visitDate,
        attendees: visit.attendees,
        scores: { ...(visit.scores as object), rnd: { score: 1 + Math.floor(random() * 5), note: tag } },
        notes: `改 ${tag}`,
      }
      await call(device, counts, 'visits.update', { id, values })
    }
  } else if (roll < 0.64) {
    const id = pick(liveIds(device, 'visit_follow_ups'))
    if (id) await call(device, counts, 'followUps.setDone', { id, done: random() < 0.7 })
  } else if (roll < 0.74) {
    const factoryId = pick(factories)
    if (!factoryId) return
    const visitId = pick(liveIds(device, 'visits', `AND factory_id = '${factoryId}'`))
    await call(device, counts, 'samples.create', {
      ...(visitId ? { source: 'visit', visitId } : { source: 'selectionCenter' }),
      factoryId,
      name: `样品 ${tag}`,
    })
  } else if (roll < 0.8) {
    const id = pick(liveIds(device, 'samples'))
    if (!id) return
    const sample = await call<Record<string, unknown>>(device, counts, 'samples.get', { id })
    if (!sample) return
    const next = pick(sample.nextStatuses as string[])
    if (next && random() < 0.5) {
      // Along its workflow, as far as this laptop has seen it (another may have moved it meanwhile).
      await call(device, counts, 'samples.transition', {
        id,
        to: next,
        ...(next === 'rejected' ? { reason: `不合格 ${tag}` } : {}),
      })
    } else {
      await call(device, counts, 'samples.update', {
        id,
        values: {
          ...Object.fromEntries(SAMPLE_FIELDS.map((field) => [field, sample[field]])),
          storageLocation: `货架 ${tag}`,
          notes: `样品备注 ${tag}`,
        },
      })
    }
  } else if (roll < 0.88) {
    const skuId = pick(liveIds(device, 'skus'))
    const factoryId = pick(factories)
    if (!skuId || !factoryId) return
    const existing = pick(liveIds(device, 'quotes', `AND sku_id = '${skuId}'`))
    const values = {
      skuId,
      factoryId,
      quoteDate: today,
      vatBasis: random() < 0.5 ? 'included' : 'excluded',
      tiers: [{ fromPacks: 1000, pricePerPack: (10 + Math.floor(random() * 500) / 100).toFixed(2) }],
      packSpec: [
        { count: 24, label: '包' },
        { count: 100, label: '抽' },
      ],
    }
    if (existing && random() < 0.5) {
      const quote = await call<Record<string, unknown>>(device, counts, 'quotes.get', { id: existing })
      if (quote) await call(device, counts, 'quotes.revise', { id: existing, values: { ...values, skuId } })
    } else await call(device, counts, 'quotes.create', values)
  } else {
    await call(device, counts, 'rates.set', {
      currency: pick(CURRENCIES),
      rate: (1 + Math.floor(random() * 800) / 100).toFixed(2),
    })
  }
}

/** Deletes of every kind a laptop deletes, and restores from the Trash, as calls name them. */
const DELETE_CALLS = {
  factories: 'factories.delete',
  tours: 'tours.delete',
  visits: 'visits.delete',
  visit_follow_ups: 'followUps.delete',
  samples: 'samples.delete',
  quotes: 'quotes.delete',
  currency_rates: 'rates.delete',
} as const
type Deletable = keyof typeof DELETE_CALLS

/** A delete of a live record, or a restore of one this laptop sees deleted, of a random kind. */
async function deleteOrRestore(device: SyncDevice, random: Random, counts: WorldCounts): Promise<void> {
  const kinds = Object.keys(DELETE_CALLS) as Deletable[]
  const pickOf = <T>(items: readonly T[]): T | undefined =>
    items.length === 0 ? undefined : items[Math.floor(random() * items.length)]
  const restorable = kinds.filter((k) => deletedIds(device, k).length > 0)
  if (restorable.length === 0 || random() < 0.5) {
    // Factories less often: deleting one leaves its visits, samples and quotes with a deleted parent.
    const candidates = kinds.filter((k) => liveIds(device, k).length > (k === 'factories' ? 3 : 0))
    const kind = pickOf(candidates)
    if (!kind) return
    const id = pickOf(liveIds(device, kind))!
    if (kind === 'currency_rates') {
      const { currency } = device.core.database.sqlite
        .prepare('SELECT currency FROM currency_rates WHERE id = ?')
        .get(id) as { currency: string }
      await call(device, counts, DELETE_CALLS[kind], { currency })
    } else await call(device, counts, DELETE_CALLS[kind], { id })
    // Now and then the buyer takes it back from the Trash at once (both travel in the next sync).
    if (random() < 0.5 && deletedIds(device, kind).includes(id))
      await call(device, counts, 'trash.restore', { kind, id })
  } else {
    const kind = pickOf(restorable)!
    await call(device, counts, 'trash.restore', { kind, id: pickOf(deletedIds(device, kind)) })
  }
}

/** Every list and get a buyer opens, on one laptop: each must answer (a read never fails on data). */
export async function readEverything(device: SyncDevice, counts: WorldCounts): Promise<void> {
  const must = async (name: string, input: unknown) => {
    counts.calls++
    const result = (await device.core.dispatch(name, input)) as ApiResult
    if (!result.ok && result.error.code !== 'not_found')
      throw new Error(`${name} ${JSON.stringify(input)} failed: ${result.error.code} ${result.error.message}`)
  }
  await must('factories.list', {})
  await must('factories.stats', {})
  await must('tours.list', {})
  await must('visits.list', {})
  await must('samples.list', {})
  await must('followUps.list', {})
  await must('rates.list', {})
  await must('skus.list', {})
  for (const id of liveIds(device, 'factories')) await must('factories.get', { id })
  for (const id of liveIds(device, 'visits')) await must('visits.get', { id })
  for (const id of liveIds(device, 'samples')) await must('samples.get', { id })
  for (const id of liveIds(device, 'tours')) await must('tours.get', { id })
  for (const skuId of liveIds(device, 'skus')) await must('quotes.list', { skuId })
}
