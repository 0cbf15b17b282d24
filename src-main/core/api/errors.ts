import type { z } from 'zod'

/** What went wrong, coarse enough for a UI to decide how to show it. */
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'unknown_call'
  | 'bad_request'
  | 'unauthorized'
  | 'payload_too_large'
  | 'internal'

/** One problem with one input field. */
export interface FieldError {
  /** Path into the call's input, e.g. ['contacts', 0, 'phone']. */
  path: (string | number)[]
  /** i18n key of the message, e.g. 'errors.creditCode.checksum'. */
  messageKey: string
  /** Values interpolated into the message (limits, expected types). */
  params?: Record<string, string | number>
}

/** The structured error every API call returns instead of throwing across a host boundary. */
export interface ApiError {
  code: ErrorCode
  /** i18n key of the summary message. */
  messageKey: string
  /** English fallback, for logs and scripts. */
  message: string
  fields: FieldError[]
}

/** Thrown inside the core; the dispatcher turns it into an ApiError. */
export class AppError extends Error {
  override readonly name = 'AppError'
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message)
  }

  toApiError(): ApiError {
    return { code: this.code, messageKey: this.messageKey, message: this.message, fields: this.fields }
  }
}

export function notFound(entity: string, id: string): AppError {
  return new AppError('not_found', 'errors.notFound', `${entity} ${id} not found`, [
    { path: ['id'], messageKey: 'errors.notFound', params: { entity } },
  ])
}

/**
 * Contract schemas carry i18n keys ('errors.…') as their custom messages; zod's own issues are mapped
 * to keys by issue code so that every field error can be shown in the user's language.
 */
export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))
    if (issue.message.startsWith('errors.')) return { path, messageKey: issue.message }
    const params: Record<string, string | number> = {}
    switch (issue.code) {
      case 'too_small':
        params.minimum = Number(issue.minimum)
        return { path, messageKey: `errors.tooSmall.${issue.origin}`, params }
      case 'too_big':
        params.maximum = Number(issue.maximum)
        return { path, messageKey: `errors.tooBig.${issue.origin}`, params }
      case 'invalid_type':
        params.expected = issue.expected
        return { path, messageKey: 'errors.invalidType', params }
      case 'unrecognized_keys':
        params.keys = issue.keys.join(', ')
        return { path, messageKey: 'errors.unknownKeys', params }
      case 'invalid_value':
        params.options = issue.values.map(String).join(', ')
        return { path, messageKey: 'errors.invalidOption', params }
      default:
        return { path, messageKey: 'errors.invalid' }
    }
  })
}

export function validationError(error: z.ZodError): AppError {
  const fields = fieldErrorsFromZod(error)
  const summary = fields.map((f) => `${f.path.join('.') || '(input)'}: ${f.messageKey}`).join('; ')
  return new AppError('validation', 'errors.validation', `invalid input — ${summary}`, fields)
}
