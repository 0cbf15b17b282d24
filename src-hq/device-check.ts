import type { Kysely } from 'kysely'
import type { HqDB } from './db/schema'
import type { DeviceRow } from './devices.repository'
import type { Rejection, WireMessage } from './hq.contract'

/**
 * The id a device records its changes under, which every message it pushes must name as `device`
 * (receivers name the edit's author by it). Sent at enrolment; a device enrolled before HQ asked has
 * it learned from its first push, once (from the first message stamped under its own node, which a
 * spoofed one is not): the first push to store it wins, later ones are held to it.
 */
export async function localDeviceOf(
  db: Kysely<HqDB>,
  device: DeviceRow,
  messages: readonly WireMessage[],
): Promise<string | null> {
  if (device.local_device !== null) return device.local_device
  const first = messages.find((m) => m.hlc.endsWith(`-${device.node_id}`))?.device
  if (first === undefined) return null
  await db
    .updateTable('devices')
    .set({ local_device: first })
    .where('id', '=', device.id)
    .where('local_device', 'is', null)
    .execute()
  const row = await db
    .selectFrom('devices')
    .select('local_device')
    .where('id', '=', device.id)
    .executeTakeFirst()
  return row?.local_device ?? first
}

/** Why a message naming another device than `expected` may not enter the log, or null when it may. */
export function deviceRefusal(
  message: WireMessage,
  expected: string | null,
): Omit<Rejection, 'index'> | null {
  if (expected === null || message.device === expected) return null
  return {
    code: 'device_mismatch',
    message: `this device records its changes as ${expected}, not ${message.device}`,
  }
}
