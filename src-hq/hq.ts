import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createBlobStore } from './blobs/blob-store'
import { migrateHq, openHqDatabase, type HqDatabase, type HqDatabaseConfig } from './db/connection'
import { mintEnrolmentCode, noCodeEverMinted } from './enrolment'
import { ensureHqId } from './hq-identity'
import { ensureHqNode } from './owned/hq-clock'
import type { RateLimit } from './rate-limit'
import { startHqServer } from './server'
import { createUpdateFeed } from './updates/update-feed'

export const HQ_DATABASE_FILE = 'hq.sqlite'
export const ADMIN_TOKEN_FILE = 'admin-token'
/** Photo originals, on disk with either database: <dataDir>/blobs/<2 hex>/<sha256>. */
export const BLOBS_FOLDER = 'blobs'
/** The desktop app's installers and their channel files (updates/update-feed.ts): <dataDir>/updates. */
export const UPDATES_FOLDER = 'updates'

export interface HqOptions {
  /** Holds the admin token, the photo blobs and, without `databaseUrl`, the SQLite database. */
  dataDir: string
  /** postgres://… to keep the log on PostgreSQL instead of the embedded SQLite file. */
  databaseUrl?: string
  host?: string
  port?: number
  version?: string
  /** Injectable clock (tests). */
  now?: () => Date
  maxDriftMs?: number
  rateLimit?: RateLimit
  enrolRateLimit?: RateLimit
  onInternalError?: (error: unknown, call: string) => void
  /** Folder of the built console page; out/hq-console of this checkout by default. */
  consoleDir?: string
}

/** Where `npm run build` puts the HQ console. */
export const DEFAULT_CONSOLE_DIR = join(__dirname, '..', 'out', 'hq-console')

/** A running HQ. */
export interface Hq {
  url: string
  port: number
  adminToken: string
  /** The enrolment code minted on the very first start, shown to the person who started HQ. */
  firstCode?: { code: string; expiresAt: string }
  database: HqDatabase
  close(): Promise<void>
}

function loadOrCreateAdminToken(dataDir: string): string {
  const file = join(dataDir, ADMIN_TOKEN_FILE)
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  const token = randomBytes(32).toString('base64url')
  writeFileSync(file, `${token}\n`, { mode: 0o600 })
  return token
}

export function databaseConfig(options: Pick<HqOptions, 'dataDir' | 'databaseUrl'>): HqDatabaseConfig {
  return options.databaseUrl
    ? { kind: 'postgres', url: options.databaseUrl }
    : { kind: 'sqlite', file: join(options.dataDir, HQ_DATABASE_FILE) }
}

/** Opens (and migrates) HQ's database, then serves the API. */
export async function startHq(options: HqOptions): Promise<Hq> {
  mkdirSync(options.dataDir, { recursive: true })
  const adminToken = loadOrCreateAdminToken(options.dataDir)
  const database = openHqDatabase(databaseConfig(options))
  try {
    await migrateHq(database)
    const now = options.now ?? (() => new Date())
    const firstCode = (await noCodeEverMinted(database.db))
      ? await mintEnrolmentCode(database.db, now())
      : undefined
    const updates = createUpdateFeed(join(options.dataDir, UPDATES_FOLDER), now)
    const server = await startHqServer({
      context: {
        db: database.db,
        databaseKind: database.kind,
        version: options.version ?? '0.1.0',
        now,
        maxDriftMs: options.maxDriftMs,
        blobs: createBlobStore(join(options.dataDir, BLOBS_FOLDER)),
        hqNode: await ensureHqNode(database.db),
        hqId: await ensureHqId(database.db),
        updates,
      },
      adminToken,
      consoleDir: options.consoleDir ?? DEFAULT_CONSOLE_DIR,
      updates,
      host: options.host,
      port: options.port,
      rateLimit: options.rateLimit,
      enrolRateLimit: options.enrolRateLimit,
      onInternalError: options.onInternalError,
    })
    return {
      url: server.url,
      port: server.port,
      adminToken,
      firstCode,
      database,
      close: async () => {
        await server.close()
        await database.close()
      },
    }
  } catch (error) {
    await database.close()
    throw error
  }
}
