import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** Says that the demo records stay on this laptop; nothing when there are none. */
export function LocalOnlyNote({ records }: { records: number }) {
  const { t } = useTranslation()
  if (records === 0) return null
  return (
    <Text size="xs" c="dimmed" data-testid="sync-local-only">
      {t('hq.localOnly', { count: records })}
    </Text>
  )
}
