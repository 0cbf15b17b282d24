import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { formatPhone } from '@core/domain/phone'
import { creditCodeNeedsReason, type Factory } from '@core/factories/factories.contract'
import { useTranslation } from 'react-i18next'
import { formatDateTime, formatPlace } from './format'

function Field({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  const { t } = useTranslation()
  const empty = children === '' || children === null || children === undefined
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
        {empty ? t('common.none') : children}
      </Text>
    </Stack>
  )
}

function Tags({ items }: { items: string[] }) {
  if (items.length === 0) return ''
  return (
    <Group gap={4}>
      {items.map((item) => (
        <Badge key={item} variant="default" radius="sm" size="md" fw={400} tt="none">
          {item}
        </Badge>
      ))}
    </Group>
  )
}

/** Every field of one factory, read-only. */
export function FactoryDetail({ factory }: { factory: Factory }) {
  const { t } = useTranslation()
  const f = (key: string) => t(`factories.fields.${key}`)
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="md">
          <Field label={f('creditCode')} testId="detail-creditCode">
            {factory.creditCode}
            {creditCodeNeedsReason(factory.creditCode) && (
              <Badge
                color="orange"
                variant="light"
                radius="sm"
                tt="none"
                fw={500}
                ml={6}
                style={{ maxWidth: '100%', height: 'auto', whiteSpace: 'normal' }}
                data-testid="detail-creditCode-warning"
              >
                {t('factories.creditCodeWarningReason', { reason: factory.creditCodeNote })}
              </Badge>
            )}
          </Field>
          <Field label={f('shopId')}>{factory.shopId}</Field>
          <Field label={f('industrialBelt')}>{factory.industrialBelt}</Field>
          <Field label={t('factories.detail.location')}>{formatPlace(factory.province, factory.city)}</Field>
          <Field label={f('address')}>{factory.address}</Field>
          <Field label={f('capacity')}>{factory.capacity}</Field>
          <Field label={f('categories')}>
            <Tags items={factory.categories} />
          </Field>
          <Field label={f('oemBrands')}>
            <Tags items={factory.oemBrands} />
          </Field>
          <Field label={f('certifications')}>
            <Tags items={factory.certifications} />
          </Field>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md">
        <Text fw={500} mb="xs">
          {f('contacts')}
        </Text>
        {factory.contacts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('factories.contact.none')}
          </Text>
        ) : (
          <Table striped={false} withRowBorders verticalSpacing={6} fz="sm" data-testid="detail-contacts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('factories.contact.name')}</Table.Th>
                <Table.Th>{t('factories.contact.role')}</Table.Th>
                <Table.Th>{t('factories.contact.phone')}</Table.Th>
                <Table.Th>{t('factories.contact.wechat')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {factory.contacts.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>{c.role || t('common.none')}</Table.Td>
                  <Table.Td>
                    {c.phone ? formatPhone(c.phone, t('factories.contact.extension')) : t('common.none')}
                  </Table.Td>
                  <Table.Td>{c.wechat || t('common.none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Field label={f('notes')}>
          {factory.notes ? <span style={{ whiteSpace: 'pre-wrap' }}>{factory.notes}</span> : ''}
        </Field>
      </Paper>
      <Text size="xs" c="dimmed">
        {t('factories.detail.createdAt')} {formatDateTime(factory.createdAt)} ·{' '}
        {t('factories.detail.updatedAt')} {formatDateTime(factory.updatedAt)}
      </Text>
    </Stack>
  )
}
