import type { Kysely, Transaction } from 'kysely'
import { HQ_OWNED_TABLES } from './wire/sync-wire.contract'
import { AppError } from '../api/errors'
import type { DB } from '../db/schema'
import type { SyncedTableName } from '../write/write-path'
import { readSetting, SETTING } from './sync.settings'

/**
 * HQ-owned tables (SKU briefs, benchmarks, demand signals, category policy) are HQ's to write: HQ
 * refuses a device's messages for them, so a laptop enrolled with HQ refuses local writes to them too
 * rather than keep edits that would never reach anyone. Rows HQ sends still arrive (sync writes them
 * with writeRemoteRows, which this guard does not see). A standalone laptop edits them freely.
 */

/** Whether HQ maintains this table (and refuses devices' messages for it). */
export function isHqOwnedTable(table: string): boolean {
  return HQ_OWNED_TABLES.includes(table)
}

/** Whether this laptop is enrolled with HQ: it holds HQ's address and a device token. */
export async function isEnrolled(db: Kysely<DB> | Transaction<DB>): Promise<boolean> {
  const [hqUrl, token] = await Promise.all([readSetting(db, SETTING.hqUrl), readSetting(db, SETTING.token)])
  return Boolean(hqUrl && token)
}

/** Refuses a local write to an HQ-owned table while enrolled; called by every local write of the write path. */
export async function refuseHqOwnedWrite(trx: Transaction<DB>, table: SyncedTableName): Promise<void> {
  if (!isHqOwnedTable(table) || !(await isEnrolled(trx))) return
  throw new AppError(
    'conflict',
    'errors.sync.hqOwned',
    `${table} is maintained by HQ; it is read-only on an enrolled laptop`,
  )
}
