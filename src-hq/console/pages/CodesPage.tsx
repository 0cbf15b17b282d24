import { Badge, Button, CopyButton, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { IconCopy, IconKey } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../src-renderer/common/ErrorAlert'
import { errorMessage } from '../../../src-renderer/common/error-message'
import { notifyError } from '../../../src-renderer/common/notify'
import { formatDateTime } from '../../../src-renderer/factories/format'
import type { CodeState } from '../../admin.contract'
import { useHqCall, useHqMutation } from '../hq-api-context'
import type { HqResult } from '../hq-api'
import { PageHeader } from './PageHeader'

const STATE_COLORS: Record<CodeState, string> = {
  open: 'teal',
  used: 'blue',
  expired: 'gray',
  exhausted: 'red',
}

/** The code just minted, big enough to read out over the phone. */
function MintedCode({ minted }: { minted: HqResult<'admin.codes.create'> }) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="lg" bg="var(--mantine-primary-color-light)" data-testid="minted-code">
      <Group justify="space-between" align="center">
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('hqConsole.codes.minted')}
          </Text>
          <Text
            ff="monospace"
            fw={700}
            fz={40}
            lh={1.1}
            style={{ letterSpacing: '0.08em' }}
            data-testid="code-value"
          >
            {minted.code}
          </Text>
          <Text size="sm">
            {t('hqConsole.codes.validUntil', { time: formatDateTime(minted.expiresAt) })} ·{' '}
            {t('hqConsole.codes.oneTime')}
          </Text>
        </Stack>
        <CopyButton value={minted.code}>
          {({ copied, copy }) => (
            <Button variant="default" leftSection={<IconCopy size={16} />} onClick={copy}>
              {copied ? t('hqConsole.codes.copied') : t('hqConsole.codes.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Paper>
  )
}

/** Mint an enrolment code and see what became of the recent ones. */
export function CodesPage() {
  const { t } = useTranslation()
  const codes = useHqCall('admin.codes.list', {})
  const mint = useHqMutation('admin.codes.create')
  const [minted, setMinted] = useState<HqResult<'admin.codes.create'> | null>(null)
  const create = () =>
    mint.run({}).then(setMinted, (error: unknown) => notifyError(t('errors.title'), errorMessage(t, error)))
  return (
    <Stack gap="md">
      <PageHeader
        title={t('hqConsole.codes.title')}
        hint={t('hqConsole.codes.hint')}
        action={
          <Button
            leftSection={<IconKey size={16} />}
            loading={mint.pending}
            onClick={() => void create()}
            data-testid="code-mint"
          >
            {t('hqConsole.codes.mint')}
          </Button>
        }
      />
      {minted ? <MintedCode minted={minted} /> : null}
      <Title order={4}>{t('hqConsole.codes.recent')}</Title>
      {codes.error ? <ErrorAlert error={codes.error} /> : null}
      {codes.data && codes.data.codes.length === 0 ? (
        <Text c="dimmed">{t('hqConsole.codes.empty')}</Text>
      ) : (
        <Table striped withTableBorder data-testid="codes-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('hqConsole.codes.prefix')}</Table.Th>
              <Table.Th>{t('hqConsole.codes.state')}</Table.Th>
              <Table.Th>{t('hqConsole.codes.created')}</Table.Th>
              <Table.Th>{t('hqConsole.codes.expires')}</Table.Th>
              <Table.Th ta="right">{t('hqConsole.codes.attempts')}</Table.Th>
              <Table.Th>{t('hqConsole.codes.device')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(codes.data?.codes ?? []).map((code) => (
              <Table.Tr key={`${code.prefix}-${code.createdAt}`} data-testid="code-row">
                <Table.Td ff="monospace">{code.prefix}-····-····</Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLORS[code.state]} variant="light" tt="none">
                    {t(`hqConsole.codes.states.${code.state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatDateTime(code.createdAt)}</Table.Td>
                <Table.Td>{formatDateTime(code.expiresAt)}</Table.Td>
                <Table.Td ta="right">{code.attempts}</Table.Td>
                <Table.Td>{code.deviceName ?? t('common.none')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
