import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { IconHistory } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { draftTimeText } from './draft-store'
import type { FormDraft } from './use-form-draft'

/** 「有未保存的草稿（11:42）— 恢复 / 丢弃」 at the top of a form that has one; nothing otherwise. */
export function DraftOffer<V>({ draft }: { draft: FormDraft<V> }) {
  const { t } = useTranslation()
  const { offer } = draft
  if (!offer) return null
  const time = draftTimeText(offer.savedAt)
  return (
    <Alert
      color={draft.stale ? 'orange' : 'blue'}
      variant="light"
      icon={<IconHistory size={18} />}
      title={t('forms.draft.found', { time })}
      data-testid="draft-offer"
    >
      <Stack gap="xs">
        <Text size="sm">{draft.stale ? t('forms.draft.stale', { time }) : t('forms.draft.hint')}</Text>
        {offer.dropped.length > 0 ? <Text size="sm">{t('forms.draft.dropped')}</Text> : null}
        <Group gap="xs">
          <Button size="xs" onClick={draft.restore} data-testid="draft-restore">
            {t('forms.draft.restore')}
          </Button>
          <Button size="xs" variant="default" onClick={draft.discard} data-testid="draft-discard">
            {t('forms.draft.discard')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  )
}
