import type { CoreContext } from '../api/context'
import type { ApiResult } from '../api/dispatcher'
import type { HandlersFor } from '../api/handlers'
import { routeEnvelope } from '../api/route-envelope'
import type { documentCalls } from './documents.contract'
import {
  attachDocument,
  deleteDocument,
  documentFileOf,
  getDocument,
  listDocuments,
  updateDocument,
  uploadDocument,
} from './documents.service'

export const documentHandlers: HandlersFor<typeof documentCalls> = {
  'documents.list': async (input, ctx) => ({ items: await listDocuments(ctx, input) }),
  'documents.get': (input, ctx) => getDocument(ctx, input.id),
  'documents.attach': (input, ctx) => attachDocument(ctx, input),
  'documents.update': (input, ctx) => updateDocument(ctx, input),
  'documents.delete': async (input, ctx) => {
    await deleteDocument(ctx, input.id)
    return { id: input.id }
  },
}

/** A document's file as the hosts serve it. */
export interface DocumentFile {
  path: string
  mime: string
  /** The name the buyer gave it, offered when it is saved. */
  fileName: string
  bytes: number
}

/** What the hosts' binary document routes call (HTTP POST /upload/document, GET /documents/<id>; IPC). */
export interface DocumentRoutes {
  /** Stores uploaded bytes; the API envelope, value a StoredDocumentFile. `sha256`: the sender's hash. */
  upload(bytes: Uint8Array, fileName: string, sha256?: string): Promise<ApiResult>
  /** The file of a live document, or null when there is none to serve. */
  file(id: string): Promise<DocumentFile | null>
}

export function documentRoutes(
  ctx: CoreContext,
  onInternalError?: (error: unknown, call: string) => void,
): DocumentRoutes {
  return {
    upload: (bytes, fileName, sha256) =>
      routeEnvelope(
        'uploadDocument',
        () => uploadDocument(ctx, bytes, { fileName, sha256 }),
        onInternalError,
      ),
    file: (id) => documentFileOf(ctx, id),
  }
}
