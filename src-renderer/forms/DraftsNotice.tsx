import { Anchor, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { draftTimeText, listDrafts } from './draft-store'

const NOTICE_ID = 'unsaved-drafts'
const KINDS = ['visit', 'sample', 'quote', 'factory'] as const

/** The buyer has found a draft in its form: the notice has done its job and would cover the drawer. */
export function hideDraftsNotice(): void {
  notifications.hide(NOTICE_ID)
}

/**
 * At start, after a crash or a reload with a form open, says which drafts are waiting and leads to the
 * page each form was open on; the form itself offers the draft when opened there. Renders nothing.
 */
export function DraftsNotice() {
  const { t } = useTranslation()
  useEffect(() => {
    let drafts
    try {
      drafts = listDrafts(window.localStorage)
    } catch {
      return
    }
    if (drafts.length === 0) return
    notifications.show({
      id: NOTICE_ID,
      title: t('forms.draft.waiting', { count: drafts.length }),
      autoClose: false,
      color: 'blue',
      message: (
        <Stack gap={2} data-testid="drafts-notice">
          <Text size="sm">{t('forms.draft.waitingHint')}</Text>
          {drafts.slice(0, 5).map((draft) => {
            const kind = (KINDS as readonly string[]).includes(draft.kind)
              ? t(`forms.draft.kinds.${draft.kind as (typeof KINDS)[number]}`)
              : draft.kind
            const label = `${kind} · ${draftTimeText(draft.savedAt)}`
            return draft.origin ? (
              <Anchor key={draft.key} size="sm" href={draft.origin} onClick={hideDraftsNotice}>
                {label}
              </Anchor>
            ) : (
              <Text key={draft.key} size="sm">
                {label}
              </Text>
            )
          })}
        </Stack>
      ),
    })
    // Once per start: a draft written later is offered by its own form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  return null
}
