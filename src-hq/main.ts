import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { migrateHq, openHqDatabase } from './db/connection'
import { listDevices, revokeDevice } from './devices.repository'
import { mintEnrolmentCode } from './enrolment'
import { compactLog } from './snapshot/compaction.repository'
import { ADMIN_TOKEN_FILE, databaseConfig, startHq } from './hq'

/**
 * `npm run hq -- [--port N] [--host H] [--data-dir DIR] [--database postgres://...]` starts HQ.
 * Admin commands work on the same data while HQ runs:
 *   npm run hq -- code            mint an enrolment code (valid 10 minutes)
 *   npm run hq -- devices         list enrolled devices
 *   npm run hq -- revoke <id>     revoke a device
 *   npm run hq -- compact [--older-than-days N]
 *                                 remove log entries older than N days (default 30) whose field has a
 *                                 newer value (README: compaction); laptops behind it re-bootstrap
 */

const USAGE =
  'usage: npm run hq -- [code | devices | revoke <device id> | compact [--older-than-days N]] [--port N] [--host H] [--data-dir DIR] [--database postgres://...]'

const DAY_MS = 24 * 60 * 60 * 1000

async function admin(
  command: string,
  args: string[],
  dataDir: string,
  databaseUrl?: string,
  olderThanDays = 30,
): Promise<void> {
  const database = openHqDatabase(databaseConfig({ dataDir, databaseUrl }))
  try {
    await migrateHq(database)
    if (command === 'code') {
      const { code, expiresAt } = await mintEnrolmentCode(database.db, new Date())
      console.log(`Enrolment code: ${code} (valid until ${expiresAt})`)
    } else if (command === 'devices') {
      const devices = await listDevices(database.db)
      if (devices.length === 0) console.log('No devices enrolled yet.')
      for (const d of devices) {
        console.log(
          `${d.id}  ${d.name}  node ${d.node_id}  ${d.revoked_at ? `revoked ${d.revoked_at}` : 'active'}`,
        )
      }
    } else if (command === 'revoke' && args[0]) {
      const revoked = await revokeDevice(database.db, args[0], new Date().toISOString())
      console.log(revoked ? `Revoked ${args[0]}.` : `No active device ${args[0]}.`)
      if (!revoked) process.exitCode = 1
    } else if (command === 'compact') {
      if (!Number.isFinite(olderThanDays) || olderThanDays < 1) {
        console.error(`--older-than-days must be a number of days, at least 1 (${USAGE})`)
        process.exitCode = 2
        return
      }
      const result = await compactLog(database.db, new Date(Date.now() - olderThanDays * DAY_MS))
      console.log(
        `Removed ${result.removed} superseded log entries older than ${olderThanDays} days; ` +
          `${result.kept} remain. Laptops whose cursor is at or below ${result.compactedThrough} ` +
          'download a snapshot at their next sync.',
      )
    } else {
      console.error(USAGE)
      process.exitCode = 2
    }
  } finally {
    await database.close()
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      database: { type: 'string' },
      'older-than-days': { type: 'string' },
    },
  })
  const dataDir = resolve(values['data-dir'] ?? 'hq-data')
  const databaseUrl = values.database
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new Error(`--database must be postgres://… (${USAGE})`)
  const [command, ...rest] = positionals
  const olderThanDays = values['older-than-days'] === undefined ? 30 : Number(values['older-than-days'])
  if (command) return admin(command, rest, dataDir, databaseUrl, olderThanDays)
  const port = values.port === undefined ? 8787 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0..65535 (${USAGE})`)
  const hq = await startHq({
    dataDir,
    databaseUrl,
    port,
    host: values.host,
    onInternalError: (error, call) => console.error(`internal error in ${call}:`, error),
  })
  const where = hq.database.kind === 'postgres' ? 'PostgreSQL' : `SQLite in ${dataDir}`
  console.log(`HQ listening on ${hq.url} (data: ${where})`)
  console.log(`HQ console: ${hq.url}/ (log in with the admin token in ${resolve(dataDir, ADMIN_TOKEN_FILE)})`)
  if (hq.firstCode) {
    console.log(`First enrolment code: ${hq.firstCode.code} (valid until ${hq.firstCode.expiresAt})`)
  }
  console.log(
    'More codes: npm run hq -- code; devices: npm run hq -- devices; revoke: npm run hq -- revoke <id>',
  )
  const stop = () => {
    hq.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
