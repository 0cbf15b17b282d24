import { Alert } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from './error-message'

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation()
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={title ?? t('errors.title')}
    >
      {errorMessage(t, error)}
    </Alert>
  )
}
