import { Button, Center, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core'
import { IconBuildingWarehouse } from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../src-renderer/common/error-message'
import { LanguageSwitch } from '../../../src-renderer/shell/LanguageSwitch'
import { useHqApi } from '../hq-api-context'

/** The admin types the admin token; HQ answers with a session cookie the page never sees. */
export function LoginPage({ onLoggedIn }: { onLoggedIn: () => void }) {
  const { t } = useTranslation()
  const hq = useHqApi()
  const [token, setToken] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    setPending(true)
    try {
      await hq.call('admin.login', { token })
      onLoggedIn()
    } catch (e) {
      setError(errorMessage(t, e))
    } finally {
      setPending(false)
    }
  }
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-light)">
      <Paper withBorder shadow="sm" p="xl" w={460} maw="100%">
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="md">
            <Group justify="space-between" wrap="nowrap">
              <Group gap="xs" wrap="nowrap">
                <IconBuildingWarehouse size={26} color="var(--mantine-primary-color-filled)" />
                <Title order={3}>{t('hqConsole.login.title')}</Title>
              </Group>
              <LanguageSwitch testId="language-switch" />
            </Group>
            <Text size="sm" c="dimmed">
              {t('hqConsole.subtitle')}
            </Text>
            <PasswordInput
              label={t('hqConsole.login.token')}
              description={t('hqConsole.login.tokenHint')}
              value={token}
              onChange={(e) => setToken(e.currentTarget.value)}
              error={error}
              autoComplete="current-password"
              data-autofocus
              autoFocus
              data-testid="login-token"
            />
            <Button type="submit" loading={pending} disabled={!token.trim()} data-testid="login-submit">
              {t('hqConsole.login.submit')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('hqConsole.login.session')}
            </Text>
          </Stack>
        </form>
      </Paper>
    </Center>
  )
}
