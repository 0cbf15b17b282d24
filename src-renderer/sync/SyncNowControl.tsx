import { Button, Group, Loader, Progress, Stack, Text } from '@mantine/core'
import { IconPlayerStop, IconRefresh } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../common/error-message'
import type { SyncControl } from './use-sync-progress'

/** "Sync now", and while a sync runs its phase, counts so far and a cancel button. */
export function SyncNowControl({ control }: { control: SyncControl }) {
  const { t } = useTranslation()
  const { progress, error } = control
  const running = progress?.running ?? false
  return (
    <Stack gap="sm">
      <Group gap="sm">
        {/* Running, the button says so in words rather than turning into a bare spinner. */}
        <Button
          leftSection={running ? <Loader size={14} color="gray" /> : <IconRefresh size={16} />}
          disabled={running}
          onClick={() => void control.start()}
          data-testid="sync-now"
        >
          {running ? t('sync.header.running') : t('sync.now')}
        </Button>
        {running ? (
          <Button
            variant="default"
            leftSection={<IconPlayerStop size={16} />}
            disabled={progress?.cancelling}
            onClick={() => void control.cancel()}
            data-testid="sync-cancel"
          >
            {progress?.cancelling ? t('sync.cancelling') : t('sync.cancel')}
          </Button>
        ) : null}
      </Group>
      {running && progress ? (
        <Stack gap={4} maw={520} data-testid="sync-progress" data-phase={progress.phase}>
          <Text size="sm" fw={500}>
            {t(`sync.phase.${progress.phase}`)}
          </Text>
          <Progress
            value={
              progress.phase === 'pushing' && progress.toPush > 0
                ? (100 * progress.pushed) / progress.toPush
                : 100
            }
            animated
            striped={progress.phase !== 'pushing'}
          />
          <Text size="xs" c="dimmed" data-testid="sync-progress-counts">
            {t('sync.progressCounts', {
              pushed: progress.pushed.toLocaleString(),
              toPush: progress.toPush.toLocaleString(),
              pulled: progress.pulled.toLocaleString(),
              applied: progress.applied.toLocaleString(),
            })}
            {progress.photosUp + progress.photosDown > 0
              ? t('sync.progressPhotos', { up: progress.photosUp, down: progress.photosDown })
              : ''}
          </Text>
        </Stack>
      ) : null}
      {error ? (
        <Text size="sm" c="red" data-testid="sync-error">
          {errorMessage(t, error)}
        </Text>
      ) : null}
    </Stack>
  )
}
