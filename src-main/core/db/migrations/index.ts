import type { Migration } from 'kysely'
import * as m0001 from './0001_change_log'
import * as m0002 from './0002_factories'
import * as m0003 from './0003_skus_quotes'
import * as m0004 from './0004_field_records'
import * as m0005 from './0005_photos'
import * as m0006 from './0006_search'
import * as m0007 from './0007_sync'
import * as m0008 from './0008_demand_signals'
import * as m0009 from './0009_unsent_rows'
import * as m0010 from './0010_held_messages'
import * as m0011 from './0011_factory_contacts'
import * as m0012 from './0012_delete_conflicts'
import * as m0013 from './0013_documents_certificates'
import * as m0014 from './0014_credit_code_note'
import * as m0016 from './0016_quote_links'
import * as m0017 from './0017_sample_requests'
import * as m0019 from './0019_lookup_indexes'
import * as m0020 from './0020_tour_days'

/**
 * Every migration, in order. Names are zero-padded so Kysely's lexical order is the version order;
 * a migration is never edited once released — add the next number instead (numbers may skip: a new
 * one never sorts before one already released).
 */
export const migrations: Record<string, Migration> = {
  '0001_change_log': m0001,
  '0002_factories': m0002,
  '0003_skus_quotes': m0003,
  '0004_field_records': m0004,
  '0005_photos': m0005,
  '0006_search': m0006,
  '0007_sync': m0007,
  '0008_demand_signals': m0008,
  '0009_unsent_rows': m0009,
  '0010_held_messages': m0010,
  '0011_factory_contacts': m0011,
  '0012_delete_conflicts': m0012,
  '0013_documents_certificates': m0013,
  '0014_credit_code_note': m0014,
  '0016_quote_links': m0016,
  '0017_sample_requests': m0017,
  '0019_lookup_indexes': m0019,
  '0020_tour_days': m0020,
}
