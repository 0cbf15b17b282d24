import { Button, Group, Paper, Stack, Table, Text } from '@mantine/core'
import { IconDatabaseExport, IconRestore } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { BackupSummary } from '@core/backup/backup.contract'
import { useCall } from '../api/use-call'
import { useMutation } from '../api/use-mutation'
import { ConfirmDeleteButton } from '../common/ConfirmDeleteButton'
import { errorMessage } from '../common/error-message'
import { notifyError, notifySuccess } from '../common/notify'
import { formatDateTime } from '../factories/format'

/**
 * Settings → backups: the automatic backups with their time, reason and contents, a backup by hand,
 * and restoring one (the core saves the current state as a backup first).
 */
export function BackupSettings() {
  const { t } = useTranslation()
  const list = useCall('backup.list', {})
  const create = useMutation('backup.create')
  const restore = useMutation('backup.restore')
  const backups = list.data?.backups ?? []

  const backUpNow = async () => {
    try {
      await create.run({})
      notifySuccess(t('backup.created'))
    } catch (error) {
      notifyError(t('errors.title'), errorMessage(t, error))
    }
  }

  const contents = (b: BackupSummary) => {
    const counts = t('backup.counts', {
      factories: b.counts.factories,
      samples: b.counts.samples,
      quotes: b.counts.quotes,
      unsent: b.counts.unsentChanges,
    })
    const photos = t('backup.photos', { count: b.photos })
    const missing = b.missingPhotos > 0 ? t('backup.missingPhotos', { count: b.missingPhotos }) : ''
    return { counts, photos: `${photos}${missing}` }
  }

  return (
    <Paper withBorder p="md" data-testid="backup-settings">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Text fw={500}>{t('backup.title')}</Text>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconDatabaseExport size={16} />}
            loading={create.pending}
            onClick={() => void backUpNow()}
            data-testid="backup-now"
          >
            {t('backup.now')}
          </Button>
        </Group>
        <Text size="sm">{t('backup.intro')}</Text>
        <Text size="xs" c="dimmed">
          {t('backup.keepRule')}
        </Text>
        {list.data && (
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }} data-testid="backup-folder">
            {t('backup.folder', { folder: list.data.folder })}
          </Text>
        )}
        {list.data && backups.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('backup.none')}
          </Text>
        )}
        {backups.length > 0 && (
          <Table striped withTableBorder data-testid="backup-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backup.time')}</Table.Th>
                <Table.Th>{t('backup.reason')}</Table.Th>
                <Table.Th>{t('backup.contents')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {backups.map((b) => {
                const time = formatDateTime(b.createdAt)
                const shown = contents(b)
                return (
                  <Table.Tr key={b.name} data-testid="backup-row">
                    <Table.Td className="num">{time}</Table.Td>
                    <Table.Td>{t(`backup.reasons.${b.reason}`)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{shown.counts}</Text>
                      <Text size="xs" c="dimmed">
                        {shown.photos}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <ConfirmDeleteButton
                        title={t('backup.confirmTitle', { time })}
                        body={t('backup.confirmBody')}
                        label={t('backup.restore')}
                        confirmLabel={t('backup.restore')}
                        icon={<IconRestore size={16} />}
                        size="xs"
                        pending={restore.pending}
                        testId={`backup-restore-${b.name}`}
                        onConfirm={async () => {
                          await restore.run({ name: b.name })
                          notifySuccess(t('backup.restored', { time }))
                        }}
                      />
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  )
}
