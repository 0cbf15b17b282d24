import { Divider, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CallResult } from '@core/api/contract'
import { useCall } from '../api/use-call'
import { fieldLabel, ListPanel, PAGE, RecordLink, ShowMore } from './sync-list-parts'

type Rejection = CallResult<'sync.rejections'>['items'][number]
type RejectionGroup = CallResult<'sync.rejections'>['groups'][number]

/** Refused fields shown by name before the rest is summed up. */
const FIELDS_SHOWN = 4

function RejectionRow({ rejection }: { rejection: Rejection }) {
  const { t } = useTranslation()
  // A record HQ owns is refused whole: its fields say nothing more.
  const labels =
    rejection.code === 'hq_owned_table'
      ? []
      : rejection.fields.map((field) => fieldLabel(t, rejection.kind, field))
  const fields =
    labels.length > FIELDS_SHOWN
      ? t('sync.rejections.fieldsMore', {
          fields: labels.slice(0, FIELDS_SHOWN).join(t('sync.rejections.fieldSeparator')),
          count: labels.length,
        })
      : labels.join(t('sync.rejections.fieldSeparator'))
  return (
    <Text size="sm" py={4} data-testid="sync-rejection">
      <RecordLink kind={rejection.kind} rowId={rejection.rowId} title={rejection.title} />
      <Text span c="dimmed" size="sm">
        {fields ? ` · ${fields}` : ''}
        {' — '}
        {t(`sync.rejections.reason.${rejection.code}`, { defaultValue: rejection.code })}
        {t('sync.rejections.changes', { count: rejection.changes })}
      </Text>
    </Text>
  )
}

/** '品类 9 条、SKU 3 条 — 总部维护的数据，本机不能修改', one line per reason. */
function RejectionSummary({ groups }: { groups: RejectionGroup[] }) {
  const { t } = useTranslation()
  const byReason = new Map<string, RejectionGroup[]>()
  for (const group of groups) byReason.set(group.code, [...(byReason.get(group.code) ?? []), group])
  return (
    <Stack gap={2} mb="xs" data-testid="sync-rejection-summary">
      {[...byReason].map(([code, kinds]) => (
        <Text key={code} size="sm">
          {kinds
            .map((group) =>
              t('sync.rejections.records', {
                kind: t(`sync.kinds.${group.kind}`, { defaultValue: group.kind }),
                count: group.records,
              }),
            )
            .join(t('sync.rejections.fieldSeparator'))}
          <Text span c="dimmed" size="sm">
            {' — '}
            {t(`sync.rejections.reason.${code}`, { defaultValue: code })}
          </Text>
        </Text>
      ))}
    </Stack>
  )
}

/** Records first shown; 'show more' adds a page at a time. */
const REJECTIONS_SHOWN = 5

/** Local changes HQ refused for good: counted per kind, then record by record; hidden when there are none. */
export function RejectionList() {
  const { t } = useTranslation()
  const [limit, setLimit] = useState(REJECTIONS_SHOWN)
  const rejections = useCall('sync.rejections', { offset: 0, limit })
  const items = rejections.data?.items ?? []
  if (items.length === 0) return null
  return (
    <ListPanel title={t('sync.rejections.title')} hint={t('sync.rejections.hint')} testId="sync-rejections">
      <RejectionSummary groups={rejections.data?.groups ?? []} />
      <Divider mb={4} />
      {items.map((rejection) => (
        <RejectionRow key={`${rejection.kind}/${rejection.rowId}/${rejection.code}`} rejection={rejection} />
      ))}
      <ShowMore
        shown={items.length}
        total={rejections.data?.total ?? 0}
        loading={rejections.loading}
        onMore={() => setLimit((n) => n + PAGE)}
      />
    </ListPanel>
  )
}
