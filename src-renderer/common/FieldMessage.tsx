import { useTranslation } from 'react-i18next'
import { messageText } from '../i18n/message-text'

/**
 * A field error kept as its message key and rendered at display time, so switching the language
 * re-translates errors that are already on screen.
 */
export function FieldMessage({
  messageKey,
  params,
}: {
  messageKey: string
  params?: Record<string, string | number>
}) {
  const { t } = useTranslation()
  return <>{messageText(t, messageKey, params)}</>
}
