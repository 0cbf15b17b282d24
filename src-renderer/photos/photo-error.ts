import { MAX_PHOTO_PIXELS, MAX_PHOTO_UPLOAD_BYTES } from '@core/photos/photos.contract'
import type { TFunction } from 'i18next'
import { ApiCallError } from '../api/api-call-error'
import { messageText } from '../i18n/message-text'

/** What to tell the user about a failed photo upload, with the size limit filled in. */
export function photoErrorText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiCallError)) return t('errors.internal')
  return messageText(t, error.apiError.messageKey, {
    maximumMb: MAX_PHOTO_UPLOAD_BYTES / (1024 * 1024),
    maximumMp: MAX_PHOTO_PIXELS / 1e6,
  })
}
