import type { Kysely } from 'kysely'
import { DEFAULT_MAX_DRIFT_MS, InvalidHlcError, parseHlc, type Hlc } from '../src-main/core/sync/hlc'
import type { HqDB } from './db/schema'
import { deviceRefusal, localDeviceOf } from './device-check'
import type { DeviceRow } from './devices.repository'
import { HqError } from './hq-error'
import {
  HQ_OWNED_TABLES,
  MAX_MESSAGE_BYTES,
  type LogPlace,
  type Rejection,
  type WireMessage,
} from './hq.contract'
import { appendMessages, type NewMessage } from './messages.repository'
import { checkMessage, SYNC_SCHEMA_VERSION } from '../src-main/core/sync/synced-tables'

/** What a push needs besides its messages. */
export interface PushContext {
  db: Kysely<HqDB>
  device: DeviceRow
  now: Date
  /** How far a message's time may run ahead of HQ's clock. */
  maxDriftMs?: number
}

function parseOrNull(hlc: string): Hlc | null {
  try {
    return parseHlc(hlc)
  } catch (error) {
    if (error instanceof InvalidHlcError) return null
    throw error
  }
}

/** Why one message may not enter the log, or null when it may. */
function rejectionOf(message: WireMessage, device: DeviceRow): Omit<Rejection, 'index'> | null {
  if (Buffer.byteLength(JSON.stringify(message)) > MAX_MESSAGE_BYTES) {
    return { code: 'message_too_large', message: `message exceeds ${MAX_MESSAGE_BYTES} bytes` }
  }
  const hlc = parseOrNull(message.hlc)
  if (!hlc) return { code: 'invalid_value', message: 'the timestamp is malformed' }
  if (hlc.node !== device.node_id) {
    return { code: 'node_mismatch', message: `device pushes as node ${device.node_id}, not ${hlc.node}` }
  }
  if (HQ_OWNED_TABLES.includes(message.table)) {
    return { code: 'hq_owned_table', message: `${message.table} is written by HQ only` }
  }
  // The same check as a local save's (the laptop's registry of synced tables).
  const verdict = checkMessage(message)
  if (verdict.kind === 'unknown') return { code: 'unknown_schema', message: verdict.reason }
  if (verdict.kind === 'invalid') {
    return { code: 'invalid_value', message: `${message.table}.${verdict.field}: ${verdict.reason}` }
  }
  return null
}

// A save is the messages one write stamped with one HLC, for one row of one table.
const saveOf = (m: WireMessage) => `${m.hlc}\u0000${m.table}\u0000${m.row}`

/**
 * Refusals of a batch: each message checked on its own, then every other message of a save with a
 * refused field refused too (a save is stored whole or not at all). A field of a table or column HQ does
 * not know yet does not refuse the rest of its save: the laptop sends it again after HQ's upgrade.
 */
function refusalsOf(
  messages: WireMessage[],
  refusalOf: (message: WireMessage) => Omit<Rejection, 'index'> | null,
): Map<number, Omit<Rejection, 'index'>> {
  const refusals = new Map<number, Omit<Rejection, 'index'>>()
  const refusedSaves = new Map<string, string>()
  messages.forEach((message, index) => {
    const refusal = refusalOf(message)
    if (!refusal) return
    refusals.set(index, refusal)
    if (refusal.code !== 'unknown_schema' && !refusedSaves.has(saveOf(message))) {
      refusedSaves.set(saveOf(message), refusal.message)
    }
  })
  if (refusedSaves.size > 0) {
    messages.forEach((message, index) => {
      const cause = refusedSaves.get(saveOf(message))
      if (cause === undefined || refusals.has(index)) return
      refusals.set(index, {
        code: 'invalid_value',
        message: `another field of the same save was refused (${cause})`,
      })
    })
  }
  return refusals
}

/**
 * Appends a device's batch: each save is checked (a refused one blocks nothing else), and a
 * batch stamped too far in HQ's future is refused whole with 'clock_drift' so nothing from a runaway
 * clock enters the log. The accepted messages commit in one transaction.
 */
export async function pushMessages(
  ctx: PushContext,
  messages: WireMessage[],
  seen = 0,
): Promise<{
  accepted: number
  duplicates: number
  rejected: Rejection[]
  schemaVersion: number
  acked?: LogPlace
}> {
  const maxDrift = ctx.maxDriftMs ?? DEFAULT_MAX_DRIFT_MS
  const rejected: Rejection[] = []
  const rows: NewMessage[] = []
  const receivedAt = ctx.now.toISOString()
  const localDevice = await localDeviceOf(ctx.db, ctx.device, messages)
  const refusals = refusalsOf(
    messages,
    (message) => rejectionOf(message, ctx.device) ?? deviceRefusal(message, localDevice),
  )
  messages.forEach((message, index) => {
    const refusal = refusals.get(index)
    if (refusal) {
      rejected.push({ index, ...refusal })
      return
    }
    const millis = parseHlc(message.hlc).millis
    const drift = millis - ctx.now.getTime()
    if (drift > maxDrift) {
      throw new HqError(
        'clock_drift',
        'errors.sync.clockDrift',
        `message ${index} is ${drift} ms ahead of HQ's clock (allowed ${maxDrift} ms): check the laptop's clock`,
      )
    }
    rows.push({
      hlc: message.hlc,
      table_name: message.table,
      row_id: message.row,
      column_name: message.column,
      value: message.value,
      node_id: ctx.device.node_id,
      origin_device: message.device,
      device_id: ctx.device.id,
      received_at: receivedAt,
    })
  })
  const { accepted, duplicates, last } = await appendMessages(ctx.db, rows, seen)
  return {
    accepted,
    duplicates,
    rejected,
    schemaVersion: SYNC_SCHEMA_VERSION,
    ...(last ? { acked: last } : {}),
  }
}
