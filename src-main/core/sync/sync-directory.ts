import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { DB } from '../db/schema'
import { readSetting, SETTING, writeSetting } from './sync.settings'

/** One enrolled device as HQ's directory names it. */
export interface DirectoryEntry {
  id: string
  name: string
  nodeId: string
}

const Directory = z.array(z.object({ id: z.string(), name: z.string(), nodeId: z.string() }))

/** Replaces the cached directory (kept in meta: never synced, refreshed at each sync). */
export async function storeDirectory(db: Kysely<DB>, devices: readonly DirectoryEntry[]): Promise<void> {
  const entries = devices.map(({ id, name, nodeId }) => ({ id, name, nodeId }))
  await writeSetting(db, SETTING.directory, JSON.stringify(entries))
}

/** The node id an edit was made on: the HLC's last 16 hex characters. */
export function nodeOfHlc(hlc: string): string {
  return hlc.slice(-16)
}

/** Who made an edit, by its HLC. */
export interface EditAuthor {
  /** The device's name, or a short node id when the directory does not know it. */
  name: string
  /** Made on this laptop. */
  mine: boolean
}

/**
 * Names edits by their HLC's node: this laptop by the name it enrolled under, others by HQ's cached
 * directory, and a node nobody has named (a device enrolled after the last sync) by its first 8 hex.
 */
export async function loadAuthorNames(db: Kysely<DB>, ownNode: string): Promise<(hlc: string) => EditAuthor> {
  const [cached, ownName] = await Promise.all([
    readSetting(db, SETTING.directory),
    readSetting(db, SETTING.deviceName),
  ])
  const parsed = Directory.safeParse(cached ? (JSON.parse(cached) as unknown) : [])
  const names = new Map((parsed.success ? parsed.data : []).map((d) => [d.nodeId, d.name]))
  if (ownName) names.set(ownNode, ownName)
  return (hlc) => {
    const node = nodeOfHlc(hlc)
    return { name: names.get(node) ?? node.slice(0, 8), mine: node === ownNode }
  }
}
