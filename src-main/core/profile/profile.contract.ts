import { z } from 'zod'
import { defineCalls } from '../api/define'

/** This laptop's own settings about its user, kept locally (never synced): the name reports are signed with. */

export const Profile = z.object({
  /** The buyer's name as printed on reports ('' until set). */
  buyerName: z.string(),
})
export type Profile = z.infer<typeof Profile>

export const ProfileInput = z.object({ buyerName: z.string().trim().max(40, 'errors.tooLong') }).strict()

export const profileCalls = defineCalls({
  'profile.get': {
    summary: 'Returns this laptop’s local profile (the buyer name printed on reports).',
    input: z.object({}).strict(),
    output: Profile,
  },
  'profile.set': {
    summary: 'Saves the local profile; it stays on this laptop and is not synced.',
    input: ProfileInput,
    output: Profile,
  },
})
