import { z } from 'zod'
import { defineCalls } from '../api/define'

/**
 * The Trash (回收站): records of every kind a laptop writes that someone deleted, who and when, and the
 * restore that brings them back on every laptop; and the deletes that met an edit made without seeing
 * them (shown on the Sync screen with a restore). Tables HQ owns are not here: a laptop cannot restore
 * them.
 */

/** Kinds of record a laptop deletes and can restore (their table names). */
export const TrashKind = z.enum([
  'factories',
  'tours',
  'visits',
  'visit_follow_ups',
  'samples',
  'sample_requests',
  'quotes',
  'currency_rates',
  'photo_links',
  'documents',
  'certificates',
])
export type TrashKind = z.infer<typeof TrashKind>

/** Who made a change and when. */
export const TrashAuthor = z.object({
  /** The device's name, or a short node id when HQ's directory does not know it. */
  device: z.string(),
  /** Made on this laptop. */
  mine: z.boolean(),
  /** When (ISO time). */
  at: z.string(),
})
export type TrashAuthor = z.infer<typeof TrashAuthor>

export const TrashItem = z.object({
  kind: TrashKind,
  id: z.string(),
  /** How the buyer knows the record ('' when it has no name). */
  title: z.string(),
  /** Who deleted it and when (null: the delete is older than this laptop's change log). */
  deletedBy: TrashAuthor.nullable(),
  /** When it was deleted (the record's tombstone). */
  deletedAt: z.string(),
})
export type TrashItem = z.infer<typeof TrashItem>

/** One record brought back by a restore. */
export const RestoredRecord = z.object({ kind: TrashKind, id: z.string(), title: z.string() })
export type RestoredRecord = z.infer<typeof RestoredRecord>

/** A field of an edit the deleter had not seen, with the value kept in the deleted record. */
export const KeptField = z.object({ field: z.string(), value: z.string() })

export const DeleteConflict = z.object({
  id: z.number().int(),
  kind: TrashKind,
  rowId: z.string(),
  title: z.string(),
  /** The delete. */
  deleted: TrashAuthor,
  /** The edit made without seeing the delete (or not seen by it); its values are kept. */
  edited: TrashAuthor,
  /** The fields that edit changed and the values it wrote (kept in the record). */
  fields: z.array(KeptField),
  /** The record is live again (someone restored it). */
  restored: z.boolean(),
})
export type DeleteConflict = z.infer<typeof DeleteConflict>

const Page = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
}

export const trashCalls = defineCalls({
  'trash.list': {
    summary: 'Deleted records, newest delete first, optionally of one kind: what, who deleted it and when.',
    input: z.object({ kind: TrashKind.optional(), ...Page }).strict(),
    output: z.object({ total: z.number().int(), items: z.array(TrashItem) }),
  },
  'trash.restore': {
    summary:
      'Restores a deleted record (it syncs): also the deleted records it belongs to (a visit’s factory and tour …) and what was deleted with it (a visit’s follow-ups).',
    input: z.object({ kind: TrashKind, id: z.string().min(1).max(128) }).strict(),
    output: z.object({ restored: z.array(RestoredRecord) }),
  },
  'trash.conflicts': {
    summary:
      'Deletes that met an edit made without seeing each other, newest first: the record stays deleted, the edit is kept in it.',
    input: z.object(Page).strict(),
    output: z.object({ total: z.number().int(), items: z.array(DeleteConflict) }),
  },
})
