import { Paper, Stack, Text } from '@mantine/core'
import { IconEraser } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { useMutation } from '../api/use-mutation'
import { ConfirmDeleteButton } from '../common/ConfirmDeleteButton'
import { notifySuccess } from '../common/notify'

/** The kinds a buyer recognizes, in the app's order; sub-records (photo links, status history) go unnamed. */
const SHOWN_KINDS = [
  'factories',
  'tours',
  'visits',
  'samples',
  'skus',
  'benchmarks',
  'quotes',
  'demand_signals',
  'categories',
  'photos',
  'currency_rates',
]

/**
 * Settings → demo data: what the first start seeded and is still here, and clearing it before real
 * work. Hidden once there is none.
 */
export function DemoDataSettings() {
  const { t } = useTranslation()
  const demo = useCall('demo.get', {})
  const clear = useMutation('demo.clear')
  if (!demo.data || demo.data.records === 0) return null
  const kinds = SHOWN_KINDS.flatMap((kind) => demo.data!.kinds.filter((k) => k.kind === kind))
    .map((k) =>
      t('demo.kind', { kind: t(`sync.kinds.${k.kind}`, { defaultValue: k.kind }), count: k.records }),
    )
    .join(t('demo.separator'))
  return (
    <Paper withBorder p="md" data-testid="demo-settings">
      <Stack gap="sm" align="flex-start">
        <Text fw={500}>{t('demo.title')}</Text>
        <Text size="sm">{t('demo.body', { count: demo.data.records })}</Text>
        <Text size="xs" c="dimmed">
          {kinds}
        </Text>
        <ConfirmDeleteButton
          title={t('demo.confirmTitle')}
          body={t('demo.confirmBody', { count: demo.data.records })}
          label={t('demo.clear')}
          confirmLabel={t('demo.clear')}
          icon={<IconEraser size={16} />}
          pending={clear.pending}
          testId="demo-clear"
          onConfirm={async () => {
            await clear.run({})
            notifySuccess(t('demo.cleared'))
          }}
        />
      </Stack>
    </Paper>
  )
}
