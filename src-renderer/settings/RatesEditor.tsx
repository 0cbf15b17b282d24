import { ActionIcon, Button, Group, Paper, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core'
import { RateInput } from '@core/rates/rates.contract'
import { useForm } from '@mantine/form'
import { IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { ApiCallError } from '../api/api-call-error'
import { useCall } from '../api/use-call'
import { useMutation } from '../api/use-mutation'
import { errorMessage } from '../common/error-message'
import { notifyError, notifySuccess } from '../common/notify'
import { formatDateTime } from '../skus/format'
import { sameValues } from '../forms/draft-store'
import { formErrorsFrom, validateWith } from '../forms/field-errors'
import { useLeaveGuard } from '../forms/use-leave-guard'

interface RateFormValues {
  currency: string
  rate: string
}

/**
 * Manual exchange rates, kept on this device for offline work: CNY per one unit of a currency. Setting
 * an existing currency replaces its rate; quotes in a currency without one show as needing it.
 */
export function RatesEditor() {
  const { t } = useTranslation()
  const rates = useCall('rates.list', {})
  const set = useMutation('rates.set')
  const remove = useMutation('rates.delete')
  const form = useForm<RateFormValues>({
    mode: 'controlled',
    initialValues: { currency: '', rate: '' },
    validate: (values) => validateWith(RateInput, values, { empty: emptyFields(values) }),
  })

  const leaveConfirm = useLeaveGuard(() => !sameValues(form.getValues(), form.getInitialValues()))

  const submit = form.onSubmit(async (values) => {
    try {
      const saved = await set.run(values)
      notifySuccess(t('rates.saved', { currency: saved.currency, rate: saved.rate }))
      form.reset()
    } catch (error) {
      if (error instanceof ApiCallError) form.setErrors(formErrorsFrom(error.apiError.fields))
      else notifyError(t('errors.title'), errorMessage(t, error))
    }
  })
  const del = async (currency: string) => {
    try {
      await remove.run({ currency })
    } catch (error) {
      notifyError(t('errors.title'), errorMessage(t, error))
    }
  }

  return (
    <Paper withBorder p="md" data-testid="rates-editor">
      <Text fw={500}>{t('rates.title')}</Text>
      <Text size="sm" c="dimmed" mb="sm">
        {t('rates.intro')}
      </Text>
      <Stack gap="sm">
        {rates.data && rates.data.length > 0 ? (
          <Table verticalSpacing={4} fz="sm" maw={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('rates.currency')}</Table.Th>
                <Table.Th ta="right">{t('rates.rate')}</Table.Th>
                <Table.Th>{t('rates.updatedAt')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rates.data.map((r) => (
                <Table.Tr key={r.currency} data-testid="rate-row">
                  <Table.Td fw={600}>{r.currency}</Table.Td>
                  <Table.Td ta="right" className="num">
                    {t('rates.rateText', { currency: r.currency, rate: r.rate })}
                  </Table.Td>
                  <Table.Td c="dimmed">{formatDateTime(r.updatedAt)}</Table.Td>
                  <Table.Td ta="right">
                    <Tooltip label={t('common.delete')}>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t('rates.delete', { currency: r.currency })}
                        onClick={() => void del(r.currency)}
                        data-testid={`rate-delete-${r.currency}`}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed">
            {t('rates.empty')}
          </Text>
        )}
        <form onSubmit={submit} noValidate data-testid="rate-form">
          <Group gap="sm" align="flex-start">
            <TextInput
              w={120}
              label={t('rates.currency')}
              placeholder="USD"
              maxLength={3}
              data-testid="rate-currency"
              {...form.getInputProps('currency')}
            />
            <TextInput
              w={200}
              label={t('rates.rate')}
              placeholder="7.10"
              inputMode="decimal"
              leftSection={<Text size="xs">¥</Text>}
              description={t('rates.rateHint')}
              data-testid="rate-value"
              {...form.getInputProps('rate')}
            />
            <Button type="submit" mt={24} loading={set.pending} data-testid="rate-save">
              {t('rates.set')}
            </Button>
          </Group>
        </form>
      </Stack>
      {leaveConfirm}
    </Paper>
  )
}

function emptyFields(values: RateFormValues): string[] {
  return (['currency', 'rate'] as const).filter((f) => values[f].trim() === '')
}
