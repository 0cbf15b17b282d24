import { z } from 'zod'
import { defineCalls } from '../api/define'

/** One refused field of a quarantined save: its value and why no save here could write it. */
export const QuarantinedField = z.object({
  /** The field the message changes ('id' problems name the record id); the screen maps it to a label. */
  column: z.string(),
  /** The field the reason concerns: the column itself, or 'id' for a bad record id. */
  field: z.string(),
  /** The refused value as text, cut to 200 characters. */
  value: z.string(),
  /** Why, in words (English, as HQ says it), e.g. 'Invalid option: expected one of …'. */
  reason: z.string(),
  /** The same as an i18n key and its parameters, as a form's field error ('errors.invalidOption'). */
  problem: z.object({
    messageKey: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }),
})
export type QuarantinedField = z.infer<typeof QuarantinedField>

/**
 * A save from another device that sync refused to apply, kept whole: a save is refused whole when one
 * of its fields is invalid (its other fields alone would make a record nobody saved).
 */
export const QuarantinedSave = z.object({
  /** The newest held message of the save (a stable key). */
  id: z.number().int(),
  /** The record's table, e.g. 'factories'. */
  kind: z.string(),
  rowId: z.string(),
  /** What the record is called here, or else the name the refused save gives it; null when neither. */
  title: z.string().nullable(),
  /** True when this laptop has no such record (the save would have created it). */
  unknownRecord: z.boolean(),
  /** The fields that broke the rules. */
  problems: z.array(QuarantinedField),
  /** Fields of the save in all (the valid ones were not applied either). */
  changes: z.number().int(),
  /** Which device made the change (its name, or a short node id HQ's directory does not know). */
  device: z.string(),
  /** When the change was made (from its timestamp). */
  at: z.string(),
  recordedAt: z.string(),
})
export type QuarantinedSave = z.infer<typeof QuarantinedSave>

export const heldMessageCalls = defineCalls({
  'sync.quarantine': {
    summary:
      'Saves from other devices that sync refused to apply (a value no save here could write), one entry per save, newest first; parked changes of a newer version are counted.',
    input: z
      .object({
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(20),
      })
      .strict(),
    output: z.object({
      total: z.number().int(),
      items: z.array(QuarantinedSave),
      /** Changes for tables or fields this version does not know, applied after an upgrade. */
      parked: z.number().int(),
    }),
  },
})
