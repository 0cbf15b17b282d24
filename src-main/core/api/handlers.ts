import { backupHandlers } from '../backup/backup.api'
import { archiveHandlers } from '../archive/archive.api'
import { certificateHandlers } from '../certificates/certificates.api'
import { documentHandlers } from '../documents/documents.api'
import { categoryHandlers } from '../categories/categories.api'
import { demandHandlers } from '../demand/demand.api'
import { demoHandlers } from '../demo/demo.api'
import { exportHandlers } from '../exports/exports.api'
import { factoryHandlers } from '../factories/factories.api'
import { importHandlers } from '../imports/imports.api'
import { photoHandlers } from '../photos/photos.api'
import { phoneUploadHandlers } from '../phone-upload/phone-upload.api'
import { profileHandlers } from '../profile/profile.api'
import { preferenceHandlers } from '../preferences/preferences.api'
import { quoteHandlers } from '../quotes/quotes.api'
import { rateHandlers } from '../rates/rates.api'
import { reportHandlers } from '../reports/reports.api'
import { sampleHandlers } from '../samples/samples.api'
import { sampleRequestHandlers } from '../sample-requests/sample-requests.api'
import { todayHandlers } from '../today/today.api'
import { searchHandlers } from '../search/search.api'
import { skuHandlers } from '../skus/skus.api'
import { heldMessageHandlers } from '../sync/held-messages.api'
import { hqOwnedHandlers } from '../sync/hq-owned.api'
import { syncHandlers } from '../sync/sync.api'
import { targetHandlers } from '../targets/targets.api'
import { systemHandlers } from '../system/system.api'
import type { CoreContext } from './context'
import type { CallMap, InputOf, OutputOf } from './define'
import type { Contract } from './contract'
import { tourHandlers } from '../tours/tours.api'
import { trashHandlers } from '../trash/trash.api'
import { visitHandlers } from '../visits/visits.api'

/** A feature's handler map: one function per call, receiving parsed input and the core context. */
export type HandlersFor<C extends CallMap> = {
  [K in keyof C]: (input: InputOf<C[K]>, ctx: CoreContext) => Promise<OutputOf<C[K]>>
}

export type Handlers = HandlersFor<Contract>

/** Merges the features' handler maps; the type makes a missing or extra handler a compile error. */
export const handlers: Handlers = {
  ...systemHandlers,
  ...factoryHandlers,
  ...skuHandlers,
  ...quoteHandlers,
  ...rateHandlers,
  ...targetHandlers,
  ...exportHandlers,
  ...importHandlers,
  ...photoHandlers,
  ...phoneUploadHandlers,
  ...searchHandlers,
  ...tourHandlers,
  ...visitHandlers,
  ...categoryHandlers,
  ...sampleHandlers,
  ...sampleRequestHandlers,
  ...todayHandlers,
  ...profileHandlers,
  ...preferenceHandlers,
  ...reportHandlers,
  ...syncHandlers,
  ...hqOwnedHandlers,
  ...heldMessageHandlers,
  ...demandHandlers,
  ...demoHandlers,
  ...trashHandlers,
  ...backupHandlers,
  ...archiveHandlers,
  ...documentHandlers,
  ...certificateHandlers,
}
