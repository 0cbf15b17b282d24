import { Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { CategoryPolicyEditor } from '../../../src-renderer/categories/CategoryPolicyEditor'
import { PageHeader } from './PageHeader'

/** The category policy, edited with the app's own policy editor. */
export function CategoriesPage() {
  const { t } = useTranslation()
  return (
    <Stack gap="md" maw={1000}>
      <PageHeader title={t('hqConsole.nav.categories')} hint={t('hqConsole.syncNote')} />
      <CategoryPolicyEditor />
    </Stack>
  )
}
