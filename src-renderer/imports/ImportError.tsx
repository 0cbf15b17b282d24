import { Alert } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { ApiCallError } from '../api/api-call-error'
import { messageText } from '../i18n/message-text'
import { errorParams } from './import-api'

/** An import failure in the user's language, with the row or count it names. */
export function ImportError({ error }: { error: unknown }) {
  const { t } = useTranslation()
  const text =
    error instanceof ApiCallError
      ? messageText(t, error.apiError.messageKey, errorParams(error))
      : t('errors.internal')
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="import-error">
      {text}
    </Alert>
  )
}
