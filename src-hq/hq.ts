import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { createBlobStore } from './blobs/blob-store'
import { createDatabaseBlobStore } from './blobs/database-blob-store'
import { migrateHq, openHqDatabase, type HqDatabase, type HqDatabaseConfig } from './db/connection'
import type { HqDB } from './db/schema'
import { mintEnrolmentCode, noCodeEverMinted } from './enrolment'
import { ensureHqId } from './hq-identity'
import { ensureHqNode } from './owned/hq-clock'
import type { RateLimit } from './rate-limit'
import { startHqServer } from './server'
import { createUpdateFeed } from './updates/update-feed'

export const HQ_DATABASE_FILE = 'hq.sqlite'
export const ADMIN_TOKEN_FILE = 'admin-token'
/**
 * Photo and document originals: with SQLite files, <dataDir>/blobs/<2 hex>/<sha256>; on PostgreSQL rows
 * of the database (every HQ process serves them) and only uploads being checked here, in blobs/incoming.
 */
export const BLOBS_FOLDER = 'blobs'
/** The desktop app's installers and their channel files (updates/update-feed.ts): <dataDir>/updates. */
export const UPDATES_FOLDER = 'updates'

export interface HqOptions {
  /**
   * Holds the admin token (a copy of the database's on PostgreSQL), the update feed and, without
   * `databaseUrl`, the SQLite database and the photo blobs.
   */
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

/**
 * On PostgreSQL every HQ process on the database answers to one admin token, kept in hq_meta: the first
 * process to start puts its data directory's token there, and each process writes the database's token
 * into its own data directory, where the admin finds it whichever process they ask. (Whoever can read
 * the database can read everything the token opens, so it gains nothing from being stored hashed.)
 */
async function sharedAdminToken(db: Kysely<HqDB>, dataDir: string): Promise<string> {
  const local = loadOrCreateAdminToken(dataDir)
  await db
    .insertInto('hq_meta')
    .values({ name: 'admin_token', value: local })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute()
  const { value } = await db
    .selectFrom('hq_meta')
    .select('value')
    .where('name', '=', 'admin_token')
    .executeTakeFirstOrThrow()
  if (value !== local) writeFileSync(join(dataDir, ADMIN_TOKEN_FILE), `${value}\n`, { mode: 0o600 })
  return value
}

export function databaseConfig(options: Pick<HqOptions, 'dataDir' | 'databaseUrl'>): HqDatabaseConfig {
  return options.databaseUrl
    ? { kind: 'postgres', url: options.databaseUrl }
    : { kind: 'sqlite', file: join(options.dataDir, HQ_DATABASE_FILE) }
}

/** Opens (and migrates) HQ's database, then serves the API. */
export async function startHq(options: HqOptions): Promise<Hq> {
  mkdirSync(options.dataDir, { recursive: true })
  const database = openHqDatabase(databaseConfig(options))
  try {
    await migrateHq(database)
    const adminToken =
      database.kind === 'postgres'
        ? await sharedAdminToken(database.db, options.dataDir)
        : loadOrCreateAdminToken(options.dataDir)
    const blobsRoot = join(options.dataDir, BLOBS_FOLDER)
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
        blobs:
          database.kind === 'postgres'
            ? createDatabaseBlobStore(database.db, blobsRoot)
            : createBlobStore(blobsRoot),
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
