import { Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiCallError } from '../api/api-call-error'
import { useMutation } from '../api/use-mutation'
import { FieldMessage } from '../common/FieldMessage'

/**
 * Asked once, before the first export: the buyer's name for the reports' header, saved to the local
 * profile (Settings can change it later), so no report goes out signed by a placeholder.
 */
export function BuyerNamePrompt({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [error, setError] = useState<{ messageKey: string; params?: Record<string, string | number> }>()
  const save = useMutation('profile.set')
  const submit = async () => {
    if (!name.trim()) {
      setError({ messageKey: 'buyerName.required' })
      return
    }
    try {
      await save.run({ buyerName: name })
      onSaved()
    } catch (caught) {
      const field = caught instanceof ApiCallError ? caught.apiError.fields[0] : undefined
      setError(field ?? { messageKey: 'errors.internal' })
    }
  }
  return (
    <Stack gap="sm" data-testid="buyer-name-prompt">
      <Text size="sm" fw={500}>
        {t('buyerName.title')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('buyerName.hint')}
      </Text>
      <TextInput
        label={t('buyerName.label')}
        value={name}
        data-autofocus
        onChange={(e) => {
          setName(e.currentTarget.value)
          setError(undefined)
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void submit()
        }}
        error={error ? <FieldMessage messageKey={error.messageKey} params={error.params} /> : undefined}
        data-testid="buyer-name-input"
      />
      <Group justify="flex-end">
        <Button loading={save.pending} onClick={() => void submit()} data-testid="buyer-name-save">
          {t('buyerName.save')}
        </Button>
      </Group>
    </Stack>
  )
}
