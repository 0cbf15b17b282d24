import type { TFunction } from 'i18next'

/**
 * Text of a core message key ('errors.creditCode.checksum') in the current language, with its params.
 * A key this build does not know (a newer core) still shows something true: the generic 'invalid'.
 */
export function messageText(
  t: TFunction,
  messageKey: string,
  params?: Record<string, string | number>,
): string {
  return t(messageKey, { ...params, defaultValue: t('errors.invalid') })
}
