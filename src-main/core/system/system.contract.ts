import { z } from 'zod'
import { defineCalls } from '../api/define'

export const AppInfo = z.object({
  version: z.string(),
  host: z.enum(['electron', 'browser', 'test']),
  dataDir: z.string(),
  deviceId: z.string(),
  /** Records with changes made here that HQ has not accepted yet. */
  unsentRecords: z.number().int(),
})
export type AppInfo = z.infer<typeof AppInfo>

export const systemCalls = defineCalls({
  'app.info': {
    summary: 'Version, host kind, data directory, device id and the number of records with unsent changes.',
    input: z.object({}).strict(),
    output: AppInfo,
  },
})
