import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto'
import { AppError } from '../api/errors'
import type { Photo, PhotoOwnerTable } from '../photos/photos.contract'
import { isLoopback, lanAddresses, type LanAddress } from './lan-addresses'
import {
  MAX_PHONE_PHOTOS,
  PHONE_SESSION_MS,
  type PhoneSession,
  type PhoneUploadItem,
} from './phone-upload.contract'

/**
 * The rules of phone uploads, in memory only: a session belongs to one record, its token (256 random
 * bits, in the QR link's fragment) opens nothing else, it ends after PHONE_SESSION_MS or when the buyer
 * closes it, and the LAN listener runs only while some session is open. Nothing here is persisted: a
 * restart closes every session.
 */

/** The listening HTTP server of phone uploads (host/phone-upload), as the sessions drive it. */
export interface PhoneListener {
  /** The port it listens on. */
  port: number
  /** The address it is bound to: 0.0.0.0 on a laptop, 127.0.0.1 in tests. */
  host: string
  /** Stops listening and drops open connections. */
  close(): Promise<void>
}

/** Starts a listener whose requests go through `door`. */
export type StartPhoneListener = (door: PhoneDoor) => Promise<PhoneListener>

/** A refusal of a phone request: the HTTP status and the envelope's error. */
export class PhoneRefusal extends AppError {
  constructor(
    /** HTTP status to answer with. */
    readonly status: number,
    code: AppError['code'],
    messageKey: string,
    message: string,
  ) {
    super(code, messageKey, message)
  }
}

/** What the phone page learns about its session: nothing about the record but that it is open. */
export interface PhoneTicket {
  /** The same four digits the laptop's dialog shows. */
  code: string
  /** ISO time the session ends. */
  expiresAt: string
  /** Milliseconds left, by the laptop's clock (the phone's may be off). */
  remainingMs: number
  /** Photos this session has taken so far. */
  uploaded: number
}

/** One photo on its way in, as the listener reports it. */
export interface PhoneArrival {
  /** Bytes received so far (the laptop's dialog shows them). */
  progress(received: number): void
  /** The whole body arrived: stores and attaches it, or refuses it (the session closed meanwhile). */
  finish(bytes: Uint8Array): Promise<Photo>
  /** The upload broke off or was refused before it was stored. */
  fail(error: AppError): void
}

/** The only things a phone's request can do: upload-only, one record per token. */
export interface PhoneDoor {
  /** The session of `token`, which must be open and name exactly this record; throws PhoneRefusal. */
  enter(token: string, ownerTable: string, ownerId: string): PhoneTicket
  /** Starts receiving one photo on an open session; throws PhoneRefusal (closed, too many). */
  arrive(token: string, ownerTable: string, ownerId: string, name: string, total: number | null): PhoneArrival
  /** `host:port` values a request's Host header may carry (DNS rebinding guard). */
  allowedHosts(): Set<string>
}

export interface PhoneUploadSessions {
  open(owner: { ownerTable: PhotoOwnerTable; ownerId: string }): Promise<PhoneSession>
  status(sessionId: string): PhoneSession
  close(sessionId: string): Promise<PhoneSession>
  /** Closes every session and stops the listener (the core is closing). */
  closeAll(): Promise<void>
  /** The door the listener calls (exposed for tests that drive it without HTTP). */
  door: PhoneDoor
}

export interface PhoneUploadOptions {
  /** Starts the LAN listener; absent in hosts that serve no phones (tests of other features). */
  listen?: StartPhoneListener
  /** Stores and attaches a received photo through the photo service (same checks, worker, storage). */
  receive(bytes: Uint8Array, owner: { ownerTable: PhotoOwnerTable; ownerId: string }): Promise<Photo>
  /** Throws not_found unless the record is live (checked when a session opens). */
  requireOwner(owner: { ownerTable: PhotoOwnerTable; ownerId: string }): Promise<void>
  /** Session length; PHONE_SESSION_MS unless a test shortens it. */
  ttlMs?: number
  now?: () => number
  /** The laptop's addresses (injectable for tests). */
  addresses?: () => LanAddress[]
}

/** Photos of one session being received at once; the page sends one at a time. */
const MAX_IN_FLIGHT = 3
/** Ended sessions remembered, so a reused link is told "closed" rather than "unknown". */
const REMEMBERED_ENDED = 100

interface Session {
  id: string
  tokenHash: string
  token: string
  ownerTable: PhotoOwnerTable
  ownerId: string
  code: string
  expiresAt: number
  state: PhoneSession['state']
  uploads: PhoneUploadItem[]
  inFlight: number
  timer: ReturnType<typeof setTimeout>
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

function refuse(status: number, code: AppError['code'], key: string, message: string): PhoneRefusal {
  return new PhoneRefusal(status, code, `errors.phoneUpload.${key}`, message)
}

export function createPhoneUploadSessions(options: PhoneUploadOptions): PhoneUploadSessions {
  const ttlMs = options.ttlMs ?? PHONE_SESSION_MS
  const now = options.now ?? Date.now
  const addresses = options.addresses ?? (() => lanAddresses())
  const byId = new Map<string, Session>()
  const byToken = new Map<string, Session>()
  let listener: Promise<PhoneListener> | null = null
  // Starts and stops run one after another, so an open racing the last close never loses its listener.
  let lifecycle: Promise<unknown> = Promise.resolve()

  const anyOpen = () => [...byId.values()].some((s) => s.state === 'open' && now() < s.expiresAt)

  const settleListener = (): Promise<void> => {
    const step = lifecycle.then(async () => {
      if (anyOpen()) {
        if (!listener && options.listen) {
          listener = options.listen(door)
          // A listener that failed to start is not kept: the next open tries again.
          await listener.catch(() => (listener = null))
        }
      } else if (listener) {
        const stopping = listener
        listener = null
        await stopping.then((l) => l.close()).catch(() => {})
      }
    })
    lifecycle = step.catch(() => {})
    return step
  }

  const end = (session: Session, state: 'expired' | 'closed') => {
    if (session.state !== 'open') return
    session.state = state
    clearTimeout(session.timer)
    const ended = [...byId.values()].filter((s) => s.state !== 'open')
    for (const old of ended.slice(0, Math.max(0, ended.length - REMEMBERED_ENDED))) {
      byId.delete(old.id)
      byToken.delete(old.tokenHash)
    }
    void settleListener()
  }

  /** Marks a session expired once its time is up (the timer may lag behind an injected clock). */
  const current = (session: Session): Session => {
    if (session.state === 'open' && now() >= session.expiresAt) end(session, 'expired')
    return session
  }

  const view = async (session: Session): Promise<PhoneSession> => {
    const running = listener ? await listener.catch(() => null) : null
    const port = running?.port ?? 0
    const bound = running?.host ?? '0.0.0.0'
    let offered: LanAddress[] =
      bound === '0.0.0.0' ? addresses() : [{ address: bound, interface: isLoopback(bound) ? 'lo' : '' }]
    if (offered.length === 0) offered = [{ address: '127.0.0.1', interface: 'lo' }]
    return viewWith(session, port, offered)
  }

  const viewWith = (session: Session, port: number, offered: LanAddress[]): PhoneSession => ({
    sessionId: session.id,
    ownerTable: session.ownerTable,
    ownerId: session.ownerId,
    state: current(session).state,
    expiresAt: new Date(session.expiresAt).toISOString(),
    remainingMs: session.state === 'open' ? Math.max(0, session.expiresAt - now()) : 0,
    code: session.code,
    addresses:
      session.state === 'open'
        ? offered.map((a) => ({
            ...a,
            url: `http://${a.address}:${port}/phone/${session.ownerTable}/${session.ownerId}#${session.token}`,
          }))
        : [],
    loopbackOnly: offered.every((a) => isLoopback(a.address)),
    uploads: session.uploads.map((u) => ({ ...u })),
  })

  let lastView: { port: number; offered: LanAddress[] } = { port: 0, offered: [] }
  const find = (sessionId: string): Session => {
    const session = byId.get(sessionId)
    if (!session) throw new AppError('not_found', 'errors.phoneUpload.noSession', `no session ${sessionId}`)
    return current(session)
  }

  /** The open session of a token for exactly this record; every other case is a clear refusal. */
  const admit = (token: string, ownerTable: string, ownerId: string): Session => {
    const session = /^[A-Za-z0-9_-]{43}$/.test(token) ? byToken.get(hashToken(token)) : undefined
    if (!session) throw refuse(401, 'unauthorized', 'badToken', 'unknown or missing phone upload token')
    current(session)
    if (session.state === 'expired') throw refuse(410, 'unauthorized', 'expired', 'this link has expired')
    if (session.state === 'closed') throw refuse(410, 'unauthorized', 'closed', 'this link was closed')
    if (session.ownerTable !== ownerTable || session.ownerId !== ownerId) {
      throw refuse(403, 'unauthorized', 'wrongRecord', 'this link is for another record')
    }
    return session
  }

  const door: PhoneDoor = {
    enter(token, ownerTable, ownerId) {
      const session = admit(token, ownerTable, ownerId)
      return {
        code: session.code,
        expiresAt: new Date(session.expiresAt).toISOString(),
        remainingMs: Math.max(0, session.expiresAt - now()),
        uploaded: session.uploads.filter((u) => u.state === 'done').length,
      }
    },
    arrive(token, ownerTable, ownerId, name, total) {
      const session = admit(token, ownerTable, ownerId)
      if (session.uploads.filter((u) => u.state !== 'failed').length >= MAX_PHONE_PHOTOS) {
        throw refuse(429, 'bad_request', 'tooMany', `a session takes at most ${MAX_PHONE_PHOTOS} photos`)
      }
      if (session.inFlight >= MAX_IN_FLIGHT) {
        throw refuse(429, 'bad_request', 'busy', 'too many photos at once; send them one after another')
      }
      const item: PhoneUploadItem = {
        id: randomUUID(),
        name: name.slice(0, 200),
        total,
        received: 0,
        state: 'receiving',
        sha256: null,
        error: null,
      }
      session.uploads.push(item)
      session.inFlight++
      let settled = false
      const settle = () => {
        if (!settled) session.inFlight--
        settled = true
      }
      const fail = (error: AppError) => {
        settle()
        item.state = 'failed'
        item.error = { messageKey: error.messageKey, message: error.message }
      }
      return {
        progress: (received) => {
          item.received = received
        },
        fail,
        async finish(bytes) {
          item.received = bytes.byteLength
          try {
            // Closed or expired while the bytes were on their way: nothing is added.
            current(session)
            if (session.state !== 'open') {
              throw refuse(410, 'unauthorized', session.state, `this link was ${session.state}`)
            }
            item.state = 'processing'
            const photo = await options.receive(bytes, session)
            settle()
            item.state = 'done'
            item.sha256 = photo.sha256
            return photo
          } catch (error) {
            if (error instanceof AppError) fail(error)
            else fail(new AppError('internal', 'errors.internal', 'internal error'))
            throw error
          }
        },
      }
    },
    allowedHosts() {
      const hosts = new Set<string>()
      const { port, offered } = lastView
      for (const a of [...offered, ...addresses(), { address: '127.0.0.1' }])
        hosts.add(`${a.address}:${port}`)
      hosts.add(`localhost:${port}`)
      return hosts
    },
  }

  const remember = async (session: Session): Promise<PhoneSession> => {
    const shown = await view(session)
    const running = listener ? await listener.catch(() => null) : null
    if (running) lastView = { port: running.port, offered: shown.addresses.map((a) => ({ ...a })) }
    return shown
  }

  return {
    door,
    async open(owner) {
      if (!options.listen) {
        throw new AppError('bad_request', 'errors.phoneUpload.unavailable', 'this host serves no phones')
      }
      await options.requireOwner(owner)
      const token = randomBytes(32).toString('base64url')
      const session: Session = {
        id: randomUUID(),
        token,
        tokenHash: hashToken(token),
        ...owner,
        code: String(randomInt(0, 10_000)).padStart(4, '0'),
        expiresAt: now() + ttlMs,
        state: 'open',
        uploads: [],
        inFlight: 0,
        timer: setTimeout(() => end(session, 'expired'), ttlMs),
      }
      session.timer.unref?.()
      byId.set(session.id, session)
      byToken.set(session.tokenHash, session)
      try {
        await settleListener()
        if (!listener) throw new Error('listener did not start')
      } catch (error) {
        end(session, 'closed')
        throw new AppError('internal', 'errors.phoneUpload.listenFailed', `cannot listen: ${String(error)}`)
      }
      return remember(session)
    },
    status: (sessionId) => {
      const session = find(sessionId)
      return viewWith(session, lastView.port, lastView.offered)
    },
    async close(sessionId) {
      const session = find(sessionId)
      end(session, 'closed')
      await settleListener()
      return viewWith(session, lastView.port, lastView.offered)
    },
    async closeAll() {
      for (const session of byId.values()) end(session, 'closed')
      await settleListener()
    },
  }
}
