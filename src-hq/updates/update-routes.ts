import { createReadStream } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { pipeline } from 'node:stream/promises'
import { HqError } from '../hq-error'
import { MAX_INSTALLER_BYTES, UpdateRefused, type StoredUpdate, type UpdateFeed } from './update-feed'

/**
 * /updates/<file>: the desktop app's update feed (update-feed.ts). PUT uploads an installer build (the
 * admin's token or console session; `?version=1.2.3` for an installer), GET and HEAD serve the channel
 * files and installers to enrolled laptops (their device token), with single byte ranges (206) for
 * electron-updater's differential download. The server has checked the token before this runs.
 */
export const UPDATES_ROUTE = '/updates/'

/** PUT answers the value of a JSON reply for the server to send; GET and HEAD stream the file. */
export async function serveUpdates(
  req: IncomingMessage,
  res: ServerResponse,
  feed: UpdateFeed,
  fileName: string,
  search: URLSearchParams,
): Promise<StoredUpdate | undefined> {
  if (req.method === 'PUT') return receive(req, res, feed, fileName, search.get('version'))
  if (req.method === 'GET' || req.method === 'HEAD') return send(req, res, feed, fileName)
  throw new HqError('bad_request', 'errors.badRequest', 'updates take PUT, GET or HEAD')
}

async function receive(
  req: IncomingMessage,
  res: ServerResponse,
  feed: UpdateFeed,
  fileName: string,
  version: string | null,
): Promise<StoredUpdate> {
  try {
    if (Number(req.headers['content-length'] ?? 0) > MAX_INSTALLER_BYTES) {
      throw new UpdateRefused('too_large', `an update is at most ${MAX_INSTALLER_BYTES} bytes`)
    }
    const stored = await feed.receive(req, fileName, version)
    res.removeHeader('connection')
    return stored
  } catch (error) {
    if (!(error instanceof UpdateRefused)) {
      if (!req.complete) throw new HqError('bad_request', 'errors.badRequest', 'the upload was cut off')
      throw error
    }
    switch (error.reason) {
      case 'too_large':
        throw new HqError('payload_too_large', 'errors.hq.updateTooLarge', error.message)
      case 'bad_name':
        throw new HqError('bad_request', 'errors.hq.updateBadName', error.message)
      case 'bad_version':
        throw new HqError('bad_request', 'errors.hq.updateBadVersion', error.message)
      default: {
        const never: never = error.reason
        throw new Error(`unknown refusal ${String(never)}`)
      }
    }
  }
}

/** The one range of a `bytes=a-b`, `bytes=a-` or `bytes=-n` header; null when absent or not one range. */
export function singleRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  if (!header) return null
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!match || (match[1] === '' && match[2] === '')) return null
  let start: number
  let end: number
  if (match[1] === '') {
    const suffix = Number(match[2])
    if (suffix === 0) return 'unsatisfiable'
    start = Math.max(0, size - suffix)
    end = size - 1
  } else {
    start = Number(match[1])
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)
  }
  if (start >= size || start > end) return 'unsatisfiable'
  return { start, end }
}

async function send(
  req: IncomingMessage,
  res: ServerResponse,
  feed: UpdateFeed,
  fileName: string,
): Promise<undefined> {
  const found = await feed.find(fileName)
  if (!found) throw new HqError('not_found', 'errors.notFound', `HQ has no update file ${fileName}`)
  const isChannel = fileName.endsWith('.yml')
  const common = {
    'accept-ranges': 'bytes',
    'content-type': isChannel ? 'text/yaml; charset=utf-8' : 'application/octet-stream',
    // A channel file changes with each upload; an installer's name carries its version.
    'cache-control': isChannel ? 'no-cache' : 'private, max-age=3600',
  }
  // Several ranges in one request (multipart/byteranges) are answered with the whole file, as HTTP
  // allows; the laptop's updater asks for one range at a time (useMultipleRangeRequest: false).
  const range = singleRange(req.headers.range, found.size)
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...common, 'content-range': `bytes */${found.size}` })
    res.end()
    return undefined
  }
  if (range) {
    res.writeHead(206, {
      ...common,
      'content-length': range.end - range.start + 1,
      'content-range': `bytes ${range.start}-${range.end}/${found.size}`,
    })
  } else res.writeHead(200, { ...common, 'content-length': found.size })
  if (req.method === 'HEAD') {
    res.end()
    return undefined
  }
  await pipeline(createReadStream(found.path, range ?? {}), res)
  return undefined
}
