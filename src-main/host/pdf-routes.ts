import { readdir, readFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { z } from 'zod'
import type { Dispatch } from '../core/api/dispatcher'
import type { ApiError, ErrorCode } from '../core/api/errors'
import { HTTP_STATUS_BY_CODE, MAX_BODY_BYTES } from '../core/api/transport'
import type { ExportJobs } from './pdf-jobs'
import { JOB_PATH } from './pdf-paths'
import { ExportRequestError, planExport } from './pdf-plan'
import { PRINT_LANGUAGES } from './pdf-printer'
import { zipStored } from './pdf-zip'

/**
 * The browser host's PDF routes (behind the same secret check as /api/):
 *   POST /pdf/export {kind, id, mode, language}  → the job's status (envelope)
 *   GET  /pdf/jobs/<id>                          → its status (envelope), polled for progress
 *   POST /pdf/jobs/<id>/cancel                   → its status (envelope)
 *   GET  /pdf/jobs/<id>/file                     → the PDF (application/pdf) or, for a folder, a .zip
 * Files are written under <data dir>/exports/, so they also stay on disk where the UI says.
 */

export const ExportRequestSchema = z
  .object({
    kind: z.enum(['sample', 'visit', 'tour', 'sku', 'negotiation-sku', 'negotiation-factory']),
    id: z.uuid(),
    mode: z.enum(['one', 'each', 'summary', 'itinerary']).default('one'),
    /** itinerary: the tour day to print ('YYYY-MM-DD'); every day when absent. */
    day: z.iso.date().optional(),
    language: z.enum(PRINT_LANGUAGES).default('zh-CN'),
    /** png: the negotiation sheet as a phone card. */
    format: z.enum(['pdf', 'png']).default('pdf'),
  })
  .strict()
  .refine((r) => r.mode !== 'itinerary' || r.kind === 'tour', {
    message: 'an itinerary is printed for a tour only',
    path: ['mode'],
  })
  .refine((r) => r.format === 'pdf' || r.kind.startsWith('negotiation-'), {
    message: 'a PNG card is made of the negotiation sheet only',
    path: ['format'],
  })

export interface PdfRoutesOptions {
  dispatch: Dispatch
  jobs: ExportJobs
  /** Where exports are written: <data dir>/exports. */
  exportDir: string
  /** False when no Chromium can be found; the UI then offers the browser's own print dialog. */
  canPrint(): boolean
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  res.end(text)
}

function refuse(res: ServerResponse, code: ErrorCode, messageKey: string, message: string): void {
  const error: ApiError = { code, messageKey, message, fields: [] }
  send(res, HTTP_STATUS_BY_CODE[code], { ok: false, error })
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) throw new Error('too large')
    chunks.push(chunk)
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')
}

/** RFC 5987 file name, so Chinese names survive the download. */
function disposition(name: string): string {
  return `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

/** Answers one /pdf/… request (the caller has checked the secret). */
export async function handlePdfRoute(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  options: PdfRoutesOptions,
): Promise<void> {
  if (pathname === '/pdf/export') {
    if (req.method !== 'POST') return refuse(res, 'bad_request', 'errors.badRequest', 'use POST')
    let body: unknown
    try {
      body = await readJson(req)
    } catch {
      return refuse(res, 'bad_request', 'errors.notJson', 'request body is not valid JSON')
    }
    const parsed = ExportRequestSchema.safeParse(body)
    if (!parsed.success) return refuse(res, 'validation', 'errors.validation', parsed.error.message)
    if (!options.canPrint()) {
      return refuse(res, 'not_found', 'errors.pdf.noChromium', 'no Chromium found to print with')
    }
    try {
      const plan = await planExport(options.dispatch, parsed.data)
      const status = options.jobs.start(plan, join(options.exportDir, plan.name))
      return send(res, 200, { ok: true, value: status })
    } catch (error) {
      if (error instanceof ExportRequestError && error.code === 'not_found') {
        return refuse(res, 'not_found', 'errors.notFound', error.message)
      }
      throw error
    }
  }
  const [, id = '', action] = JOB_PATH.exec(pathname) ?? []
  const status = action === '/cancel' ? options.jobs.cancel(id) : options.jobs.status(id)
  if (!status) return refuse(res, 'not_found', 'errors.notFound', 'no such export')
  if (action === '/cancel') {
    if (req.method !== 'POST') return refuse(res, 'bad_request', 'errors.badRequest', 'use POST')
    return send(res, 200, { ok: true, value: status })
  }
  if (req.method !== 'GET') return refuse(res, 'bad_request', 'errors.badRequest', 'use GET')
  if (!action) return send(res, 200, { ok: true, value: status })
  if (status.state !== 'done' || !status.path) {
    return refuse(res, 'conflict', 'errors.pdf.notReady', 'the export has not finished')
  }
  const folder = status.path
  const bytes = status.folder
    ? zipStored(
        await Promise.all(
          (await readdir(folder))
            .sort()
            .map(async (name) => ({ name, bytes: await readFile(join(folder, name)) })),
        ),
      )
    : await readFile(status.path)
  res.writeHead(200, {
    'content-type': status.folder
      ? 'application/zip'
      : status.name.endsWith('.png')
        ? 'image/png'
        : 'application/pdf',
    'content-length': bytes.length,
    'content-disposition': disposition(status.folder ? `${status.name}.zip` : status.name),
    'cache-control': 'no-store',
  })
  res.end(bytes)
}
