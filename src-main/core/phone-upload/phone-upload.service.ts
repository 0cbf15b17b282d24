import type { CoreContext } from '../api/context'
import { attachPhoto, uploadPhoto } from '../photos/photos.service'
import { inTransaction, requireLiveReference } from '../write/write-path'
import {
  createPhoneUploadSessions,
  type PhoneUploadSessions,
  type StartPhoneListener,
} from './phone-upload-sessions'

/** What a host gives the core to serve phones: its listener and, for tests, a shorter session. */
export interface PhoneUploadHostOptions {
  /** Starts the LAN listener (host/phone-upload). */
  listen: StartPhoneListener
  /** Session length in ms (tests); 10 minutes otherwise. */
  ttlMs?: number
}

/**
 * Phone sessions over the core: a received photo goes through the same uploadPhoto (size and
 * signature checks, the worker, content-addressed files, the synced photos row) and attachPhoto (the
 * synced link, at the end of the gallery) as the laptop's own uploads.
 */
export function createPhoneUploads(
  ctx: () => CoreContext,
  host: PhoneUploadHostOptions | undefined,
): PhoneUploadSessions {
  return createPhoneUploadSessions({
    listen: host?.listen,
    ttlMs: host?.ttlMs,
    now: () => ctx().write.now().getTime(),
    requireOwner: (owner) =>
      inTransaction(ctx().db, (trx) =>
        requireLiveReference(trx, owner.ownerTable, owner.ownerId, ['ownerId']),
      ),
    async receive(bytes, owner) {
      const photo = await uploadPhoto(ctx(), bytes)
      await attachPhoto(ctx(), { sha256: photo.sha256, ...owner, caption: '' })
      return photo
    },
  })
}
