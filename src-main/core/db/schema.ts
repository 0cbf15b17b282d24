import type { CertificatesTable } from '../certificates/certificates.table'
import type { CategoriesTable } from '../categories/categories.table'
import type { DemandSignalsTable } from '../demand/demand.table'
import type { DocumentsTable } from '../documents/documents.table'
import type { FactoriesTable } from '../factories/factories.table'
import type { FactoryContactsTable } from '../factories/factory-contacts.table'
import type { PhotoLinksTable, PhotosTable } from '../photos/photos.table'
import type { QuotesTable } from '../quotes/quotes.table'
import type { CurrencyRatesTable } from '../rates/rates.table'
import type { SampleStatusHistoryTable, SamplesTable } from '../samples/samples.table'
import type { SampleRequestsTable } from '../sample-requests/sample-requests.table'
import type { BenchmarksTable, SkusTable } from '../skus/skus.table'
import type {
  SyncConflictsTable,
  SyncParkedTable,
  SyncQuarantineTable,
  SyncRejectionsTable,
} from '../sync/sync.table'
import type { ToursTable } from '../tours/tours.table'
import type { DeleteConflictsTable, SyncedSavesTable } from '../trash/trash.table'
import type { VisitFollowUpsTable, VisitsTable } from '../visits/visits.table'
import type { ChangeLogTable, MetaTable } from '../write/change-log.table'

/** Every table of the local database, for Kysely. */
export interface DB {
  meta: MetaTable
  change_log: ChangeLogTable
  factories: FactoriesTable
  factory_contacts: FactoryContactsTable
  skus: SkusTable
  benchmarks: BenchmarksTable
  quotes: QuotesTable
  currency_rates: CurrencyRatesTable
  photos: PhotosTable
  photo_links: PhotoLinksTable
  documents: DocumentsTable
  certificates: CertificatesTable
  tours: ToursTable
  visits: VisitsTable
  visit_follow_ups: VisitFollowUpsTable
  samples: SamplesTable
  sample_status_history: SampleStatusHistoryTable
  sample_requests: SampleRequestsTable
  categories: CategoriesTable
  demand_signals: DemandSignalsTable
  sync_conflicts: SyncConflictsTable
  sync_rejections: SyncRejectionsTable
  synced_saves: SyncedSavesTable
  delete_conflicts: DeleteConflictsTable
  sync_quarantine: SyncQuarantineTable
  sync_parked: SyncParkedTable
}
