import { randomBytes, randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import { PrintCancelledError, type PdfPrinter, type PrintTarget } from './pdf-printer'

/**
 * PDF exports as jobs with progress and cancel. Every file is written beside its destination under a
 * hidden '.part' name and renamed into place only when complete (a folder of PDFs is built the same way
 * and renamed as a whole), so a cancelled or failed export never leaves a half-written file where the
 * user asked for it.
 */

/** One report page to print and the file name it gets in a folder export. */
export interface ExportDocument {
  /** The page. */
  target: PrintTarget
  /** File name inside the folder (a single-file export uses the destination's name). */
  fileName: string
}

/** What an export writes: one PDF, or a folder with one PDF per document. */
export interface ExportPlan {
  /** The suggested file or folder name. */
  name: string
  /** One file (a single document) or a folder of files. */
  folder: boolean
  /** The pages, in order. */
  documents: ExportDocument[]
}

export const JOB_STATES = ['running', 'done', 'failed', 'cancelled'] as const
export type JobState = (typeof JOB_STATES)[number]

/** What the UI polls. */
export interface ExportJobStatus {
  /** Job id. */
  id: string
  /** Where the job is. */
  state: JobState
  /** Share of the work done, 0–1. */
  progress: number
  /** Documents printed so far. */
  documentsDone: number
  /** Documents in all. */
  documents: number
  /** File or folder name. */
  name: string
  /** True for a folder of PDFs. */
  folder: boolean
  /** Where it was written, once done. */
  path: string | null
  /** Why it failed. */
  error: string | null
}

/** Job bookkeeping; finished jobs beyond this many are forgotten (their files stay). */
const KEEP_FINISHED = 20

/** Characters no file system takes in a name, and control characters. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/\s+/g, ' ')
  return cleaned.trim().replace(/^\.+/, '').slice(0, 120) || 'report'
}

/** dest, or 'name (2).pdf', 'name (3).pdf'… when something is there already. */
export function unusedPath(dest: string): string {
  if (!existsSync(dest)) return dest
  const ext = extname(dest)
  const stem = dest.slice(0, dest.length - ext.length)
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${ext}`
    if (!existsSync(candidate)) return candidate
  }
}

function partPath(dest: string): string {
  return join(dirname(dest), `.${basename(dest)}.${randomBytes(4).toString('hex')}.part`)
}

interface Job {
  status: ExportJobStatus
  abort: AbortController
}

/** Export jobs over one host's printer (a fresh printer per job: one browser for its batch). */
export interface ExportJobs {
  /**
   * Starts writing the plan to `dest` (a .pdf path, or a folder path for a folder plan). With
   * `overwrite` a file already at dest is replaced (the user confirmed it in a save dialog); otherwise
   * a free name beside it is used.
   */
  start(plan: ExportPlan, dest: string, options?: { overwrite?: boolean }): ExportJobStatus
  /** The job's status, or null for an unknown id. */
  status(id: string): ExportJobStatus | null
  /** Stops a running job; its partial output is removed. */
  cancel(id: string): ExportJobStatus | null
  /** Resolves when the job has finished (tests, benches). */
  settled(id: string): Promise<ExportJobStatus | null>
}

export function createExportJobs(newPrinter: () => PdfPrinter): ExportJobs {
  const jobs = new Map<string, Job>()
  const running = new Map<string, Promise<void>>()

  const forgetOld = () => {
    const finished = [...jobs.values()].filter((j) => j.status.state !== 'running')
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) {
      jobs.delete(job.status.id)
    }
  }

  const run = async (job: Job, plan: ExportPlan, dest: string, overwrite: boolean) => {
    const { status } = job
    const signal = job.abort.signal
    const printer = newPrinter()
    const part = partPath(dest)
    const total = plan.documents.length
    try {
      const files: { name: string; bytes: Uint8Array }[] = []
      await mkdir(dirname(dest), { recursive: true })
      if (plan.folder) await mkdir(part)
      for (const [index, document] of plan.documents.entries()) {
        const bytes = await printer.print(document.target, {
          signal,
          // Loading a page's reports is most of its work; the last fifth is printing.
          onProgress: (done, of) => {
            status.progress = (index + (of > 0 ? (done / of) * 0.8 : 0)) / total
          },
        })
        if (signal.aborted) throw new PrintCancelledError()
        if (plan.folder) await writeFile(join(part, document.fileName), bytes)
        else files.push({ name: document.fileName, bytes })
        status.documentsDone = index + 1
        status.progress = (index + 1) / total
      }
      if (!plan.folder) await writeFile(part, files[0]?.bytes ?? new Uint8Array())
      if (signal.aborted) throw new PrintCancelledError()
      const final = overwrite && !plan.folder ? dest : unusedPath(dest)
      await rename(part, final)
      status.path = final
      status.name = basename(final)
      status.state = 'done'
    } catch (error) {
      await rm(part, { recursive: true, force: true })
      if (error instanceof PrintCancelledError || signal.aborted) status.state = 'cancelled'
      else {
        status.state = 'failed'
        status.error = error instanceof Error ? error.message : String(error)
      }
    } finally {
      await printer.close().catch(() => undefined)
      running.delete(status.id)
      forgetOld()
    }
  }

  return {
    start(plan, dest, options = {}) {
      const status: ExportJobStatus = {
        id: randomUUID(),
        state: 'running',
        progress: 0,
        documentsDone: 0,
        documents: plan.documents.length,
        name: basename(dest),
        folder: plan.folder,
        path: null,
        error: null,
      }
      const job: Job = { status, abort: new AbortController() }
      jobs.set(status.id, job)
      running.set(status.id, run(job, plan, dest, options.overwrite ?? false))
      return { ...status }
    },
    status(id) {
      const job = jobs.get(id)
      return job ? { ...job.status } : null
    },
    cancel(id) {
      const job = jobs.get(id)
      if (!job) return null
      if (job.status.state === 'running') job.abort.abort()
      return { ...job.status }
    },
    async settled(id) {
      await running.get(id)
      return this.status(id)
    },
  }
}
