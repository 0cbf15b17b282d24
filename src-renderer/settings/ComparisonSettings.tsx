import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { useMutation } from '../api/use-mutation'
import { errorMessage } from '../common/error-message'
import { notifyError, notifySuccess } from '../common/notify'

/** How old a brand benchmark may be, beside a quote, before the comparison flags it (local to this laptop). */
export function ComparisonSettings() {
  const current = useCall('preferences.get', {})
  const saved = current.data?.staleBenchmarkDays
  return saved === undefined ? null : <StaleDaysForm key={saved} saved={saved} />
}

function StaleDaysForm({ saved }: { saved: number }) {
  const { t } = useTranslation()
  const save = useMutation('preferences.set')
  const [days, setDays] = useState<number | string>(saved)
  const valid = typeof days === 'number' && Number.isInteger(days) && days >= 0 && days <= 3650
  const submit = async () => {
    if (!valid) return
    try {
      await save.run({ staleBenchmarkDays: days })
      notifySuccess(t('quoteUi.settings.saved'))
    } catch (error) {
      notifyError(t('errors.title'), errorMessage(t, error))
    }
  }
  return (
    <Paper withBorder p="md" data-testid="comparison-settings">
      <Stack gap="xs">
        <Title order={4}>{t('quoteUi.settings.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('quoteUi.settings.staleHint')}
        </Text>
        <Group gap="sm" align="flex-end">
          <NumberInput
            w={260}
            label={t('quoteUi.settings.staleDays')}
            min={0}
            max={3650}
            allowDecimal={false}
            allowNegative={false}
            rightSection={<Text size="xs">{t('quoteUi.settings.days')}</Text>}
            value={days}
            onChange={setDays}
            error={valid || days === '' ? undefined : t('errors.tooBig.number')}
            data-testid="settings-stale-days"
          />
          <Button
            variant="light"
            loading={save.pending}
            disabled={!valid || days === saved}
            onClick={() => void submit()}
            data-testid="settings-stale-save"
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
