import type { HqErrorCode } from './hq.contract'

/** A refused request; the server turns it into the error envelope with the code's HTTP status. */
export class HqError extends Error {
  override readonly name = 'HqError'
  /** With 'unauthorized': when HQ revoked the token's device, for the laptop to show. */
  revokedAt?: string
  constructor(
    readonly code: HqErrorCode,
    readonly messageKey: string,
    message: string,
    readonly fields: {
      path: (string | number)[]
      messageKey: string
      params?: Record<string, string | number>
    }[] = [],
  ) {
    super(message)
  }
}
