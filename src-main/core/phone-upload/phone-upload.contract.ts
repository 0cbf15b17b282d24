import { z } from 'zod'
import { defineCalls } from '../api/define'
import { PhotoOwnerTable } from '../photos/photos.contract'

/**
 * Photos from the phone (手机传图): the buyer opens a session on one record, the laptop starts a small
 * HTTP listener on the LAN for as long as a session is open, and a phone that scans the QR code uploads
 * photos into that record through the same photo service as the laptop's own uploads. These calls are
 * the laptop's side; the phone's routes are in docs/api.md ("Photos from the phone").
 */

/** How long a session stays open unless the buyer closes it first. */
export const PHONE_SESSION_MS = 10 * 60 * 1000

/** Photos one session accepts: a factory tour's worth, not a way to fill the disk. */
export const MAX_PHONE_PHOTOS = 200

const id = z.uuid('errors.id.invalid')
const sessionId = z.string().regex(/^[0-9a-f-]{36}$/, 'errors.id.invalid')

/** One address of this laptop a phone on the same network can reach, with its QR link. */
export const PhoneAddress = z.object({
  /** IPv4 address, e.g. 192.168.1.23. */
  address: z.string(),
  /** The network interface it belongs to (wlan0, en0, 以太网 …), to help the buyer choose. */
  interface: z.string(),
  /** The link the QR code carries: address, port, record, and the token in the fragment. */
  url: z.string(),
})
export type PhoneAddress = z.infer<typeof PhoneAddress>

/** One photo the phone sends, as the laptop's dialog shows it arrive. */
export const PhoneUploadItem = z.object({
  id: z.string(),
  /** The file name the phone gave (shown only; never used as a path). */
  name: z.string(),
  /** Bytes announced by the phone, or null when it sent no length. */
  total: z.number().int().nullable(),
  /** Bytes received so far. */
  received: z.number().int(),
  state: z.enum(['receiving', 'processing', 'done', 'failed']),
  /** The stored photo's hash once it is done. */
  sha256: z.string().nullable(),
  /** Why it failed: an i18n key and an English fallback. */
  error: z.object({ messageKey: z.string(), message: z.string() }).nullable(),
})
export type PhoneUploadItem = z.infer<typeof PhoneUploadItem>

export const PhoneSession = z.object({
  sessionId: z.string(),
  ownerTable: PhotoOwnerTable,
  ownerId: z.string(),
  state: z.enum(['open', 'expired', 'closed']),
  /** ISO time the session closes by itself. */
  expiresAt: z.string(),
  /** Milliseconds until then, for a countdown that does not depend on the screen's clock. */
  remainingMs: z.number().int(),
  /** Four digits the phone page shows too, so the buyer sees the phone reached this laptop. */
  code: z.string(),
  /** Where a phone can reach the laptop; the first is the likeliest. */
  addresses: z.array(PhoneAddress),
  /** True when no LAN address was found and only 127.0.0.1 is offered (the phone cannot reach it). */
  loopbackOnly: z.boolean(),
  uploads: z.array(PhoneUploadItem),
})
export type PhoneSession = z.infer<typeof PhoneSession>

const owner = z.object({ ownerTable: PhotoOwnerTable, ownerId: id }).strict()

export const phoneUploadCalls = defineCalls({
  'phoneUpload.open': {
    summary:
      'Opens a phone upload session on one factory, visit or sample: starts the LAN listener if none ' +
      'runs, mints a one-time token and returns the addresses and QR links; closes after 10 minutes.',
    input: owner,
    output: PhoneSession,
  },
  'phoneUpload.status': {
    summary: 'A phone upload session as it is now: open, expired or closed, and every photo arriving.',
    input: z.object({ sessionId }).strict(),
    output: PhoneSession,
  },
  'phoneUpload.close': {
    summary:
      'Closes a phone upload session: its token is refused from now on, and the listener stops when no ' +
      'session is left open.',
    input: z.object({ sessionId }).strict(),
    output: PhoneSession,
  },
})
