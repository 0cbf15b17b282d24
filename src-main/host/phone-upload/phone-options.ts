import type { PhoneUploadHostOptions } from '../../core/phone-upload/phone-upload.service'
import { phoneListener } from './phone-server'

/**
 * How both hosts serve phones: on every LAN interface (0.0.0.0) for 10-minute sessions. Tests bind
 * loopback and shorten the session through the environment:
 * WORKBENCH_PHONE_HOST=127.0.0.1, WORKBENCH_PHONE_SESSION_SECONDS=5.
 */
export function phoneUploadOptions(env: NodeJS.ProcessEnv = process.env): PhoneUploadHostOptions {
  const seconds = Number(env.WORKBENCH_PHONE_SESSION_SECONDS)
  return {
    listen: phoneListener(env.WORKBENCH_PHONE_HOST || '0.0.0.0'),
    ttlMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined,
  }
}
