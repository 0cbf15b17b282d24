import type { HandlersFor } from '../api/handlers'
import type { phoneUploadCalls } from './phone-upload.contract'

export const phoneUploadHandlers: HandlersFor<typeof phoneUploadCalls> = {
  'phoneUpload.open': (input, ctx) => ctx.phoneUpload.open(input),
  'phoneUpload.status': async (input, ctx) => ctx.phoneUpload.status(input.sessionId),
  'phoneUpload.close': (input, ctx) => ctx.phoneUpload.close(input.sessionId),
}
