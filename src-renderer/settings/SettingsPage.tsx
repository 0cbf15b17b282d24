import { Paper, SegmentedControl, Stack, Text, Title, useMantineColorScheme } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { CategoryPolicyEditor } from '../categories/CategoryPolicyEditor'
import { LanguageSwitch } from '../shell/LanguageSwitch'
import { AppInfoFacts } from '../system/AppInfoFacts'
import { RatesEditor } from './RatesEditor'
import { ComparisonSettings } from './ComparisonSettings'
import { ProfileSettings } from '../reports/ProfileSettings'
import { HqSettings } from '../sync/HqSettings'
import { DemoDataSettings } from '../demo/DemoDataSettings'
import { BackupSettings } from './BackupSettings'
import { ArchiveSettings } from './ArchiveSettings'

export function SettingsPage() {
  const { t } = useTranslation()
  const { colorScheme, setColorScheme } = useMantineColorScheme()
  return (
    <Stack gap="md" maw={900}>
      <Title order={2}>{t('settings.title')}</Title>
      <Paper withBorder p="md">
        <Stack gap="md">
          <Stack gap={6} align="flex-start">
            <Text fw={500}>{t('settings.language')}</Text>
            <LanguageSwitch />
          </Stack>
          <Stack gap={6} align="flex-start">
            <Text fw={500}>{t('settings.theme')}</Text>
            <SegmentedControl
              size="xs"
              value={colorScheme === 'dark' ? 'dark' : 'light'}
              onChange={(value) => setColorScheme(value === 'dark' ? 'dark' : 'light')}
              data={[
                { value: 'light', label: t('theme.light') },
                { value: 'dark', label: t('theme.dark') },
              ]}
            />
          </Stack>
        </Stack>
      </Paper>
      <ProfileSettings />
      <HqSettings />
      <RatesEditor />
      <ComparisonSettings />
      <CategoryPolicyEditor />
      <DemoDataSettings />
      <BackupSettings />
      <ArchiveSettings />
      <Paper withBorder p="md">
        <Text fw={500} mb="sm">
          {t('settings.about')}
        </Text>
        <AppInfoFacts />
      </Paper>
    </Stack>
  )
}
