import type { Hq } from '../../src-hq/hq'
import { createHqStore, hqCall, startStoreHq, type HqBackendName } from '../../src-hq/testing/test-hq'
import { createTempCore, type TempCore } from '../integration/support/temp-core'
import type { CoreOptions } from '../../src-main/core/app'
import { factoriesTable } from '../../src-main/core/factories/factories.columns'
import { photosRoot } from '../../src-main/core/photos/photo-files'
import { documentsRoot } from '../../src-main/core/documents/document-files'
import { inTransaction, insertRow, updateRow } from '../../src-main/core/write/write-path'
import { createHttpHqClient, HqRequestError, type HqClient } from '../../src-main/core/sync/hq-client'
import { syncNow, type SyncDeps } from '../../src-main/core/sync/sync.service'
import type { SyncReport, SyncStatus } from '../../src-main/core/sync/sync.contract'
import { readSetting, SETTING } from '../../src-main/core/sync/sync.settings'

/**
 * A laptop for sync tests: a real core on its own SQLite file, its own wall clock, enrolled with a real
 * HQ through the public sync.enrol call, and editing factories through the one write path.
 */
export interface SyncDevice {
  core: TempCore
  /** The device id its changes are recorded under. */
  deviceId: string
  /** Moves this laptop's wall clock. */
  setWall(millis: number): void
  createFactory(values?: Partial<Record<string, string>>): Promise<string>
  edit(id: string, values: Record<string, string>): Promise<void>
  /** One sync run, over HTTP or through the given client. */
  sync(client?: HqClient): Promise<SyncReport>
  /** An HTTP client to HQ with this laptop's token. */
  httpClient(baseUrl?: string): Promise<HqClient>
  dispose(): Promise<void>
}

export const FACTORY_DEFAULTS = {
  name: '新工厂',
  shop_id: '',
  credit_code: '',
  credit_code_note: '',
  province: '福建',
  city: '晋江',
  address: '',
  industrial_belt: '',
  categories: '[]',
  oem_brands: '[]',
  certifications: '[]',
  capacity: '',
  contacts: '[]',
  status: 'prospect',
  notes: '',
}

/** What a test needs of HQ, in this process or its own: where it listens and its admin token. */
export type HqAddress = Pick<Hq, 'url' | 'adminToken'>

export async function mintCode(hq: HqAddress): Promise<string> {
  const reply = await hqCall(hq.url, 'admin.codes.create', {}, hq.adminToken)
  return (reply.body.value as { code: string }).code
}

export async function createSyncDevice(
  hq: HqAddress,
  name: string,
  wallStart = Date.now(),
  coreOptions: Partial<CoreOptions> = {},
  /** An enrolment code to use (minted elsewhere, e.g. on another HQ process); by default one from `hq`. */
  code?: string,
): Promise<SyncDevice> {
  let wall = wallStart
  const core = await createTempCore({ wallClock: () => wall, ...coreOptions })
  const enrolled = await core.dispatch('sync.enrol', {
    hqUrl: hq.url,
    code: code ?? (await mintCode(hq)),
    deviceName: name,
  })
  if (!enrolled.ok) throw new Error(`enrol failed: ${enrolled.error.message}`)
  const { context } = core
  const device: SyncDevice = {
    core,
    deviceId: context.write.deviceId,
    setWall: (millis) => {
      wall = millis
    },
    createFactory: (values = {}) =>
      inTransaction(context.db, (trx) =>
        insertRow(trx, context.write, factoriesTable, { ...FACTORY_DEFAULTS, ...values }),
      ),
    edit: async (id, values) => {
      await inTransaction(context.db, (trx) => updateRow(trx, context.write, factoriesTable, id, values))
    },
    sync: (client) => syncNow({ ...syncDepsOf(core), client, pageSize: 200 }),
    httpClient: async (baseUrl) =>
      createHttpHqClient({
        baseUrl: baseUrl ?? (await readSetting(context.db, SETTING.hqUrl))!,
        token: (await readSetting(context.db, SETTING.token))!,
      }),
    dispose: () => core.dispose(),
  }
  return device
}

/** What a sync run of this laptop's core needs, as the app wires it (plain-text token). */
/**
 * The client as an HQ older than snapshots answers it: a first sync pulls the log page by page (for
 * tests of the log's pages; the snapshot path has its own in snapshot.test.ts).
 */
export function withoutSnapshot(client: HqClient): HqClient {
  return {
    ...client,
    snapshot: () => Promise.reject(new HqRequestError('unknown_call', 'this HQ serves no snapshot', 404)),
  }
}

export function syncDepsOf(core: TempCore): SyncDeps {
  const { context } = core
  return {
    db: context.db,
    clock: context.write.clock,
    now: context.write.now,
    correction: context.sync.correction,
    photos: context.photos,
    photosRoot: photosRoot(core.dataDir),
    documentsRoot: documentsRoot(core.dataDir),
  }
}

/** Every synced column of every factory, as one comparable object. */
export function factoriesOf(device: SyncDevice): Record<string, Record<string, unknown>> {
  const rows = device.core.database.sqlite.prepare('SELECT * FROM factories ORDER BY id').all() as Record<
    string,
    unknown
  >[]
  return Object.fromEntries(rows.map((r) => [r.id as string, r]))
}

/** A real HQ on a SQLite store and laptops enrolled with it under the given names. */
export interface SyncFleet {
  hq: Hq
  laptops: SyncDevice[]
  dispose(): Promise<void>
}

export async function startSyncFleet(
  names: string[],
  wallStart = Date.now(),
  backend: HqBackendName = 'sqlite',
): Promise<SyncFleet> {
  const store = await createHqStore(backend)
  const hq = await startStoreHq(store)
  const laptops: SyncDevice[] = []
  for (const name of names) laptops.push(await createSyncDevice(hq, name, wallStart))
  return {
    hq,
    laptops,
    dispose: async () => {
      for (const laptop of laptops) await laptop.dispose()
      await hq.close()
      await store.dispose()
    },
  }
}

/** The laptop's sync.status, as its Sync screen reads it. */
export async function syncStatusOf(device: SyncDevice): Promise<SyncStatus> {
  const status = await device.core.dispatch('sync.status', {})
  if (!status.ok) throw new Error(status.error.message)
  return status.value as SyncStatus
}
