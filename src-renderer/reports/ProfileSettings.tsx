import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { useMutation } from '../api/use-mutation'
import { ApiCallError } from '../api/api-call-error'
import { FieldMessage } from '../common/FieldMessage'

/** The buyer name printed on reports, kept on this computer only. */
export function ProfileSettings() {
  const profile = useCall('profile.get', {})
  // The form starts from the saved name; it mounts once that has loaded.
  return profile.data ? <ProfileForm saved={profile.data.buyerName} /> : null
}

function ProfileForm({ saved: initial }: { saved: string }) {
  const { t } = useTranslation()
  const [name, setName] = useState(initial)
  const [saved, setSaved] = useState(false)
  const [error, setError] = useState<{ messageKey: string; params?: Record<string, string | number> }>()
  const save = useMutation('profile.set')
  const submit = async () => {
    setSaved(false)
    setError(undefined)
    try {
      await save.run({ buyerName: name })
      setSaved(true)
    } catch (caught) {
      const field = caught instanceof ApiCallError ? caught.apiError.fields[0] : undefined
      setError(field ?? { messageKey: 'errors.internal' })
    }
  }
  return (
    <Paper withBorder p="md">
      <Text fw={500} mb="sm">
        {t('profile.title')}
      </Text>
      <Stack gap={6}>
        <Group gap="sm" align="flex-end">
          <TextInput
            w={260}
            label={t('profile.buyerName')}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value)
              setSaved(false)
            }}
            error={error ? <FieldMessage messageKey={error.messageKey} params={error.params} /> : undefined}
            data-testid="profile-buyer-name"
          />
          <Button
            variant="default"
            loading={save.pending}
            onClick={() => void submit()}
            data-testid="profile-save"
          >
            {t('common.save')}
          </Button>
          {saved ? (
            <Text size="sm" c="teal">
              {t('profile.saved')}
            </Text>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          {t('profile.buyerNameHint')}
        </Text>
      </Stack>
    </Paper>
  )
}
