import type { Hq } from '../../../../src-hq/hq'
import { hqCall } from '../../../../src-hq/testing/test-hq'
import { createTempCore, type TempCore } from '../../../../test/integration/support/temp-core'
import { factoriesTable } from '../../factories/factories.service'
import { inTransaction, insertRow, updateRow } from '../../write/write-path'
import { createHttpHqClient, type HqClient } from '../hq-client'
import { syncNow } from '../sync.service'
import type { SyncReport } from '../sync.contract'
import { readSetting, SETTING } from '../sync.settings'

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
): Promise<SyncDevice> {
  let wall = wallStart
  const core = await createTempCore({ wallClock: () => wall })
  const enrolled = await core.dispatch('sync.enrol', {
    hqUrl: hq.url,
    code: await mintCode(hq),
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
    sync: (client) =>
      syncNow({ db: context.db, clock: context.write.clock, now: context.write.now, client, pageSize: 200 }),
    httpClient: async (baseUrl) =>
      createHttpHqClient({
        baseUrl: baseUrl ?? (await readSetting(context.db, SETTING.hqUrl))!,
        token: (await readSetting(context.db, SETTING.token))!,
      }),
    dispose: () => core.dispose(),
  }
  return device
}

/** Every synced column of every factory, as one comparable object. */
export function factoriesOf(device: SyncDevice): Record<string, Record<string, unknown>> {
  const rows = device.core.database.sqlite.prepare('SELECT * FROM factories ORDER BY id').all() as Record<
    string,
    unknown
  >[]
  return Object.fromEntries(rows.map((r) => [r.id as string, r]))
}
