import type { TFunction } from 'i18next'
import { ApiCallError } from '../api/api-call-error'
import { messageText } from '../i18n/message-text'

/** What to tell the user about any failure, in their language. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiCallError) return messageText(t, error.apiError.messageKey)
  return t('errors.internal')
}
