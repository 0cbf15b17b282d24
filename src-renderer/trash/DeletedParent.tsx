import { Anchor, Badge, Button, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TrashKind } from '@core/trash/trash.contract'
import { useRestore } from './use-restore'

/**
 * The record a child belongs to, by name: a link while it is live; once someone deleted it, its name
 * marked deleted with a restore (never a blank or null).
 */
export function ParentName({
  kind,
  id,
  name,
  deleted,
  href,
  fallback,
}: {
  kind: TrashKind
  id: string
  name: string | null
  deleted: boolean | undefined
  /** Where the live record opens. */
  href: string
  /** Shown when the record never reached this laptop. */
  fallback: string
}) {
  const { t } = useTranslation()
  const { restore, pending } = useRestore()
  if (name === null) return <>{fallback}</>
  if (!deleted) {
    return (
      <Anchor href={href} inherit>
        {name}
      </Anchor>
    )
  }
  return (
    <Group gap={6} component="span" display="inline-flex" wrap="nowrap" data-testid="deleted-parent">
      <span>{name}</span>
      <Badge color="gray" variant="light" size="sm">
        {t('trash.deletedMark')}
      </Badge>
      <Button
        size="compact-xs"
        variant="subtle"
        loading={pending}
        onClick={(event) => {
          event.stopPropagation()
          void restore({ kind, id })
        }}
        data-testid="deleted-parent-restore"
      >
        {t('trash.restore')}
      </Button>
    </Group>
  )
}

/** A list cell's name of a deleted parent: the name and a plain "deleted" mark. */
export function ParentLabel({
  name,
  deleted,
  fallback,
}: {
  name: string | null
  deleted?: boolean
  fallback: string
}) {
  const { t } = useTranslation()
  if (name === null) return <>{fallback}</>
  return deleted ? <>{t('trash.deletedName', { name })}</> : <>{name}</>
}
