import { Badge, Button, Divider, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TrashKind } from '@core/trash/trash.contract'
import type { CallResult } from '@core/api/contract'
import { useCall } from '../api/use-call'
import { ErrorAlert } from '../common/ErrorAlert'
import { formatDateTime } from '../factories/format'
import { PAGE, ShowMore } from '../sync/sync-list-parts'
import { useRestore } from './use-restore'

type Item = CallResult<'trash.list'>['items'][number]
const ALL = 'all'

function TrashRow({ item }: { item: Item }) {
  const { t } = useTranslation()
  const { restore, pending } = useRestore()
  const time = formatDateTime(item.deletedAt)
  return (
    <Group justify="space-between" wrap="nowrap" py={8} data-testid="trash-item" data-kind={item.kind}>
      <Stack gap={2}>
        <Text size="sm" fw={500}>
          <Badge variant="light" size="sm" mr={8}>
            {t(`sync.kinds.${item.kind}`)}
          </Badge>
          {item.title || t('trash.untitled')}
        </Text>
        <Text size="xs" c="dimmed">
          {item.deletedBy
            ? t('trash.deletedBy', { device: item.deletedBy.device, time })
            : t('trash.deletedAt', { time })}
        </Text>
      </Stack>
      <Button
        variant="light"
        size="xs"
        loading={pending}
        onClick={() => void restore({ kind: item.kind, id: item.id })}
        data-testid="trash-restore"
      >
        {t('trash.restore')}
      </Button>
    </Group>
  )
}

/** 回收站: what was deleted on any laptop, by whom and when, each with a restore that syncs. */
export function TrashPage() {
  const { t } = useTranslation()
  const [kind, setKind] = useState<string>(ALL)
  const [limit, setLimit] = useState(PAGE)
  const parsedKind = TrashKind.safeParse(kind)
  const list = useCall('trash.list', {
    kind: parsedKind.success ? parsedKind.data : undefined,
    offset: 0,
    limit,
  })
  const items = list.data?.items ?? []
  return (
    <Stack gap="md" maw={900}>
      <Title order={2}>{t('trash.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('trash.intro')}
      </Text>
      <SegmentedControl
        aria-label={t('trash.kindFilter')}
        value={kind}
        onChange={(value) => {
          setKind(value)
          setLimit(PAGE)
        }}
        data={[
          { value: ALL, label: t('trash.allKinds') },
          ...TrashKind.options
            .filter((k) => k !== 'visit_follow_ups' && k !== 'photo_links')
            .map((k) => ({ value: k, label: t(`sync.kinds.${k}`) })),
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <Paper withBorder p="md" data-testid="trash-list">
        {list.error ? <ErrorAlert error={list.error} /> : null}
        {list.data && items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('trash.empty')}
          </Text>
        ) : null}
        <Stack gap={0}>
          {items.map((item, index) => (
            <Fragment key={`${item.kind}:${item.id}`}>
              {index > 0 ? <Divider /> : null}
              <TrashRow item={item} />
            </Fragment>
          ))}
        </Stack>
        <ShowMore
          shown={items.length}
          total={list.data?.total ?? 0}
          loading={list.loading}
          onMore={() => setLimit((n) => n + PAGE)}
        />
      </Paper>
    </Stack>
  )
}
