import { Anchor, Button, Paper, Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { tableRecordHash } from '../search/search-route'

/** What the Sync screen's lists (conflicts, refused changes) share: names, labels, the panel, paging. */

/** Rows a list adds with each 'show more'. */
export const PAGE = 20

/** Feature namespaces whose `fields` labels name a table's columns. */
const FIELD_NAMESPACES: Record<string, string> = {
  factories: 'factories',
  skus: 'skus',
  benchmarks: 'benchmarks',
  quotes: 'quotes',
  tours: 'tours',
  visits: 'visits',
  samples: 'samples',
  sample_requests: 'sampleRequests',
}

/** Namespaces whose labels name a table's columns directly (not under `fields`). */
const LABEL_NAMESPACES: Record<string, string> = {
  factory_contacts: 'factories.contact',
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

/** A column's label: the feature's own field label, a shared one, or the column name itself. */
export function fieldLabel(t: TFunction, kind: string, column: string): string {
  const namespace = FIELD_NAMESPACES[kind]
  const keys = [`sync.fields.${column}`]
  if (namespace) keys.unshift(`${namespace}.fields.${camel(column)}`)
  if (LABEL_NAMESPACES[kind]) keys.unshift(`${LABEL_NAMESPACES[kind]}.${camel(column)}`)
  return t(keys, { defaultValue: column })
}

/** '样品 S-2026-K7QX-00042 竹浆抽纸' */
export function recordTitle(t: TFunction, kind: string, title: string | null): string {
  const kindLabel = t(`sync.kinds.${kind}`, { defaultValue: kind })
  return `${kindLabel} ${title ?? t('sync.conflicts.deleted')}`
}

/** The record's name, opening its page when it has one and still exists. */
export function RecordLink({ kind, rowId, title }: { kind: string; rowId: string; title: string | null }) {
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

/** A titled panel of the Sync screen. */
export function ListPanel({
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
export function ShowMore({
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
