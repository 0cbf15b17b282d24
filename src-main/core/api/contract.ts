import type { z } from 'zod'
import { backupCalls } from '../backup/backup.contract'
import { archiveCalls } from '../archive/archive.contract'
import { certificateCalls } from '../certificates/certificates.contract'
import { documentCalls } from '../documents/documents.contract'
import { categoryCalls } from '../categories/categories.contract'
import { exportCalls } from '../exports/exports.contract'
import { demandCalls } from '../demand/demand.contract'
import { demoCalls } from '../demo/demo.contract'
import { factoryCalls } from '../factories/factories.contract'
import { importCalls } from '../imports/imports.contract'
import { photoCalls } from '../photos/photos.contract'
import { phoneUploadCalls } from '../phone-upload/phone-upload.contract'
import { profileCalls } from '../profile/profile.contract'
import { preferenceCalls } from '../preferences/preferences.contract'
import { quoteCalls } from '../quotes/quotes.contract'
import { rateCalls } from '../rates/rates.contract'
import { reportCalls } from '../reports/reports.contract'
import { sampleCalls } from '../samples/samples.contract'
import { sampleRequestCalls } from '../sample-requests/sample-requests.contract'
import { todayCalls } from '../today/today.contract'
import { searchCalls } from '../search/search.contract'
import { skuCalls } from '../skus/skus.contract'
import { heldMessageCalls } from '../sync/held-messages.contract'
import { hqOwnedCalls } from '../sync/hq-owned.contract'
import { syncCalls } from '../sync/sync.contract'
import { targetCalls } from '../targets/targets.contract'
import { systemCalls } from '../system/system.contract'
import { mergeCalls, type InputOf, type ResultOf } from './define'
import { tourCalls } from '../tours/tours.contract'
import { trashCalls } from '../trash/trash.contract'
import { visitCalls } from '../visits/visits.contract'

/**
 * The one API contract: every call's name, input and output schema. Shared by the dispatcher (both
 * hosts), the renderer's typed client and docs/api.md. Imports only zod and pure domain code.
 */
export const contract = mergeCalls(
  systemCalls,
  factoryCalls,
  skuCalls,
  quoteCalls,
  rateCalls,
  targetCalls,
  exportCalls,
  importCalls,
  photoCalls,
  phoneUploadCalls,
  searchCalls,
  tourCalls,
  visitCalls,
  categoryCalls,
  sampleCalls,
  sampleRequestCalls,
  todayCalls,
  profileCalls,
  preferenceCalls,
  reportCalls,
  syncCalls,
  hqOwnedCalls,
  heldMessageCalls,
  demandCalls,
  demoCalls,
  trashCalls,
  backupCalls,
  archiveCalls,
  documentCalls,
  certificateCalls,
)

export type Contract = typeof contract
export type CallName = keyof Contract & string
/** Input a client sends (defaults may be omitted). */
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>
/** Parsed input a handler receives. */
export type HandlerInput<K extends CallName> = InputOf<Contract[K]>
/** What the client receives. */
export type CallResult<K extends CallName> = ResultOf<Contract[K]>
