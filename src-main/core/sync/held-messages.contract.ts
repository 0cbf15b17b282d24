import { z } from 'zod'
import { defineCalls } from '../api/define'

/** A message sync received and did not apply because its value (or its save) is not valid here. */
export const QuarantinedMessage = z.object({
  id: z.number().int(),
  /** The record's table, e.g. 'factories'. */
  kind: z.string(),
  rowId: z.string(),
  /** What the record is called here; null when this laptop has no such record. */
  title: z.string().nullable(),
  /** The field the reason concerns ('id' for a bad record id); the screen maps it to a label. */
  field: z.string(),
  /** Why it was refused, e.g. 'Invalid option: expected one of …'. */
  reason: z.string(),
  /** The refused value as text, cut to 200 characters. */
  value: z.string(),
  /** Which device made the change (its name, or a short node id HQ's directory does not know). */
  device: z.string(),
  /** When the change was made (from its timestamp). */
  at: z.string(),
  recordedAt: z.string(),
})
export type QuarantinedMessage = z.infer<typeof QuarantinedMessage>

export const heldMessageCalls = defineCalls({
  'sync.quarantine': {
    summary:
      'Changes from other devices that sync refused to apply (a value no save here could write), newest first; parked changes of a newer version are counted.',
    input: z
      .object({
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(20),
      })
      .strict(),
    output: z.object({
      total: z.number().int(),
      items: z.array(QuarantinedMessage),
      /** Changes for tables or fields this version does not know, applied after an upgrade. */
      parked: z.number().int(),
    }),
  },
})
