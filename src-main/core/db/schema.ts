import type { FactoriesTable } from '../factories/factories.table'
import type { ChangeLogTable, MetaTable } from '../write/change-log.table'

/** Every table of the local database, for Kysely. */
export interface DB {
  meta: MetaTable
  change_log: ChangeLogTable
  factories: FactoriesTable
}
