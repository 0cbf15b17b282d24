import type { Migration } from 'kysely'
import * as m0001 from './0001_hq'
import * as m0002 from './0002_hq_meta'
import * as m0003 from './0003_seen_seq'
import * as m0004 from './0004_wire'
import * as m0005 from './0005_shared_state'
import * as m0006 from './0006_field_values'

/** Every HQ migration, in order; the same files run on SQLite and PostgreSQL. Never edit a released one. */
export const hqMigrations: Record<string, Migration> = {
  '0001_hq': m0001,
  '0002_hq_meta': m0002,
  '0003_seen_seq': m0003,
  '0004_wire': m0004,
  '0005_shared_state': m0005,
  '0006_field_values': m0006,
}
