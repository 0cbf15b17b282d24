import { Anchor, Button, Divider, Paper, Stack, Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import { Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CallResult } from '@core/api/contract'
import { useCall } from '../api/use-call'
import { ErrorAlert } from '../common/ErrorAlert'
import { formatDateTime } from '../factories/format'
import { tableRecordHash } from '../search/search-route'

type Conflict = CallResult<'sync.conflicts'>['items'][number]
type Rejection = CallResult<'sync.rejections'>['items'][number]
type RejectionGroup = CallResult<'sync.rejections'>['groups'][number]

const PAGE = 20
/** Long values (a whole note) are cut here; the record itself shows the rest. */
const VALUE_CHARS = 80

/** Feature namespaces whose `fields` labels name a table's columns. */
const FIELD_NAMESPACES: Record<string, string> = {
  factories: 'factories',
  skus: 'skus',
  benchmarks: 'benchmarks',
  quotes: 'quotes',
  tours: 'tours',
  visits: 'visits',
  samples: 'samples',
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

/** A column's label: the feature's own field label, a shared one, or the column name itself. */
export function fieldLabel(t: TFunction, kind: string, column: string): string {
  const namespace = FIELD_NAMESPACES[kind]
  const keys = [`sync.fields.${column}`]
  if (namespace) keys.unshift(`${namespace}.fields.${camel(column)}`)
  return t(keys, { defaultValue: column })
}

/** '样品 S-2026-K7QX-00042 竹浆抽纸' */
export function recordTitle(t: TFunction, kind: string, title: string | null): string {
  const kindLabel = t(`sync.kinds.${kind}`, { defaultValue: kind })
  return `${kindLabel} ${title ?? t('sync.conflicts.deleted')}`
}

function shown(t: TFunction, value: string): string {
  if (value === '') return t('sync.conflicts.emptyValue')
  return value.length > VALUE_CHARS ? `${value.slice(0, VALUE_CHARS)}…` : value
}

/** The record's name, opening its page when it has one and still exists. */
function RecordLink({ kind, rowId, title }: { kind: string; rowId: string; title: string | null }) {
  const { t } = useTranslation()
  const text = recordTitle(t, kind, title)
  const href = title === null ? null : tableRecordHash(kind, rowId)
  return href ? (
    <Anchor href={href} inherit>
      {text}
    </Anchor>
  ) : (
    text
  )
}

function ConflictRow({ conflict }: { conflict: Conflict }) {
  const { t } = useTranslation()
  return (
    <Stack gap={2} py={6} data-testid="sync-conflict" data-mine={conflict.winner.mine ? 'won' : 'lost'}>
      <Text size="sm" fw={500}>
        <RecordLink kind={conflict.kind} rowId={conflict.rowId} title={conflict.title} />
        <Text span c="dimmed" size="sm">
          {' · '}
          {fieldLabel(t, conflict.kind, conflict.field)}
        </Text>
      </Text>
      <Text size="sm">
        {t('sync.conflicts.replaced', {
          winner: conflict.winner.device,
          winnerValue: shown(t, conflict.winner.value),
          loser: conflict.loser.device,
          loserValue: shown(t, conflict.loser.value),
        })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('sync.conflicts.times', {
          winnerAt: formatDateTime(conflict.winner.at),
          loserAt: formatDateTime(conflict.loser.at),
        })}
      </Text>
    </Stack>
  )
}

/** A titled panel of the Sync screen. */
function ListPanel({
  title,
  hint,
  testId,
  children,
}: {
  title: string
  hint: string
  testId: string
  children: React.ReactNode
}) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Text fw={500}>{title}</Text>
      <Text size="xs" c="dimmed" mb="sm">
        {hint}
      </Text>
      {children}
    </Paper>
  )
}

/** 'Show N more' under a list that holds `shown` of `total` items; hidden when all are shown. */
function ShowMore({
  shown,
  total,
  loading,
  onMore,
}: {
  shown: number
  total: number
  loading: boolean
  onMore: () => void
}) {
  const { t } = useTranslation()
  const rest = total - shown
  if (rest <= 0) return null
  return (
    <Button variant="subtle" size="xs" mt="xs" loading={loading} onClick={onMore}>
      {t('sync.more', { count: Math.min(rest, PAGE) })}
    </Button>
  )
}

/** Conflicts sync resolved, newest first, each saying whose edit replaced whose. */
export function ConflictList() {
  const { t } = useTranslation()
  const [limit, setLimit] = useState(PAGE)
  const conflicts = useCall('sync.conflicts', { offset: 0, limit })
  const items = conflicts.data?.items ?? []
  return (
    <ListPanel title={t('sync.conflicts.title')} hint={t('sync.conflicts.hint')} testId="sync-conflicts">
      {conflicts.error ? <ErrorAlert error={conflicts.error} /> : null}
      {conflicts.data && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('sync.conflicts.empty')}
        </Text>
      ) : null}
      <Stack gap={0}>
        {items.map((conflict, index) => (
          <Fragment key={conflict.id}>
            {index > 0 ? <Divider /> : null}
            <ConflictRow conflict={conflict} />
          </Fragment>
        ))}
      </Stack>
      <ShowMore
        shown={items.length}
        total={conflicts.data?.total ?? 0}
        loading={conflicts.loading}
        onMore={() => setLimit((n) => n + PAGE)}
      />
    </ListPanel>
  )
}

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
