import { join } from 'node:path'
import { version } from '../../package.json'
import { createCore, type Core } from '../core/app'
import { archiveRoutes } from '../core/archive/archive.api'
import { importRoutes } from '../core/imports/imports.api'
import { documentRoutes } from '../core/documents/documents.api'
import { photoRoutes } from '../core/photos/photos.api'
import { plainTokenVault } from '../core/sync/token-vault'
import { createChromiumPrinter, findChromium } from '../host/pdf-chromium'
import { createExportJobs } from '../host/pdf-jobs'
import { printSizePhoto } from '../host/pdf-photos'
import { phoneUploadOptions } from '../host/phone-upload/phone-options'
import type { HostRoutes } from './server'

/** Where the listening host is reached: the PDF printer loads this host's own print pages. */
export interface HostAddress {
  origin: string
  secret: string
}

export interface OpenCoreOptions {
  dataDir: string
  demo: boolean
  syncEverySeconds: number
  address: HostAddress
  /** The built photo worker (out/main/photo-worker.js), named by the entry: this module is a chunk. */
  photoWorkerFile: string
  /** Closes this core and opens another on the same folder: how an opened archive is swapped in. */
  replaceData: () => Promise<void>
}

/**
 * The browser host's core and the routes over it. main.ts loads this module only once the host is
 * listening: it pulls in zod, kysely and every feature, which is most of the start-up time.
 */
export async function openCore(options: OpenCoreOptions): Promise<{ core: Core; routes: HostRoutes }> {
  const onInternalError = (error: unknown, call: string) => console.error(`[api] ${call} failed:`, error)
  const core = await createCore({
    dataDir: options.dataDir,
    host: 'browser',
    version,
    demo: options.demo,
    dispatcher: { onInternalError },
    photoWorkerFile: options.photoWorkerFile,
    // No keychain is reachable from plain Node: the device token stays as text in the data directory.
    tokenVault: plainTokenVault,
    autoSyncEveryMs: options.syncEverySeconds * 1000,
    // Phones reach the laptop on a listener of its own, only while a session is open.
    phoneUpload: phoneUploadOptions(),
  })
  const photos = photoRoutes(core.context, onInternalError)
  const { origin, secret } = options.address
  const jobs = createExportJobs(() =>
    createChromiumPrinter({ origin, secret, printPhoto: (sha256) => printSizePhoto(photos, sha256) }),
  )
  const routes: HostRoutes = {
    dispatch: core.dispatch,
    photos,
    imports: importRoutes(core.context, onInternalError),
    documents: documentRoutes(core.context, onInternalError),
    pdf: {
      dispatch: core.dispatch,
      jobs,
      exportDir: join(options.dataDir, 'exports'),
      canPrint: () => findChromium() !== undefined,
    },
    archive: archiveRoutes(core.context, {
      sqlite: core.database.sqlite,
      replaceData: options.replaceData,
      onInternalError,
    }),
  }
  return { core, routes }
}
