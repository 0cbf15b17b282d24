import type { Kysely } from 'kysely'
import { DEFAULT_MAX_DRIFT_MS, InvalidHlcError, parseHlc, type Hlc } from '../src-main/core/sync/hlc'
import type { HqDB } from './db/schema'
import { deviceRefusal, localDeviceOf } from './device-check'
import type { DeviceRow } from './devices.repository'
import { HqError } from './hq-error'
import { HQ_OWNED_TABLES, MAX_MESSAGE_BYTES, type Rejection, type WireMessage } from './hq.contract'
import { appendMessages, type NewMessage } from './messages.repository'

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

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** Why one message may not enter the log, or null when it may. */
function rejectionOf(message: WireMessage, device: DeviceRow): Omit<Rejection, 'index'> | null {
  if (Buffer.byteLength(JSON.stringify(message)) > MAX_MESSAGE_BYTES) {
    return { code: 'message_too_large', message: `message exceeds ${MAX_MESSAGE_BYTES} bytes` }
  }
  const hlc = parseOrNull(message.hlc)
  if (!hlc || !isJson(message.value)) {
    return { code: 'invalid_value', message: 'timestamp or value is malformed' }
  }
  if (hlc.node !== device.node_id) {
    return { code: 'node_mismatch', message: `device pushes as node ${device.node_id}, not ${hlc.node}` }
  }
  if (HQ_OWNED_TABLES.includes(message.table)) {
    return { code: 'hq_owned_table', message: `${message.table} is written by HQ only` }
  }
  return null
}

/**
 * Appends a device's batch: each message is checked on its own (a refused one blocks nothing), and a
 * batch stamped too far in HQ's future is refused whole with 'clock_drift' so nothing from a runaway
 * clock enters the log. The accepted messages commit in one transaction.
 */
export async function pushMessages(
  ctx: PushContext,
  messages: WireMessage[],
  seen = 0,
): Promise<{ accepted: number; duplicates: number; rejected: Rejection[] }> {
  const maxDrift = ctx.maxDriftMs ?? DEFAULT_MAX_DRIFT_MS
  const rejected: Rejection[] = []
  const rows: NewMessage[] = []
  const receivedAt = ctx.now.toISOString()
  const localDevice = await localDeviceOf(ctx.db, ctx.device, messages)
  messages.forEach((message, index) => {
    const refusal = rejectionOf(message, ctx.device) ?? deviceRefusal(message, localDevice)
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
  const { accepted, duplicates } = await appendMessages(ctx.db, rows, seen)
  return { accepted, duplicates, rejected }
}
