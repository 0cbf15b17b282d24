import { Alert, Checkbox, Stack, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconAlertTriangle, IconStar } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'

/**
 * What HQ's category policy says about the category being typed: a note for a focus category, and for
 * an excluded one a clear warning with the explicit "register anyway" tick and its reason.
 */
export function CategoryPolicyNotice({
  category,
  override,
  reason,
  onOverride,
  onReason,
  reasonError,
}: {
  category: string
  /** Whether "register anyway" is ticked. */
  override: boolean
  /** The reason typed for the override. */
  reason: string
  onOverride: (override: boolean) => void
  onReason: (reason: string) => void
  reasonError?: React.ReactNode
}) {
  const { t } = useTranslation()
  const [query] = useDebouncedValue(category.trim(), 200)
  const policy = useCall('categories.policy', { category: query }, query !== '').data
  if (!policy || query === '' || policy.category !== query) return null

  if (policy.status === 'focus') {
    return (
      <Alert color="teal" variant="light" icon={<IconStar size={18} />} py={8} data-testid="category-focus">
        <Text size="sm">
          {t('categories.focusNotice', { category: policy.category })}
          {policy.note ? ` ${policy.note}` : ''}
        </Text>
      </Alert>
    )
  }
  if (policy.status !== 'excluded') return null
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={t('categories.excludedTitle', { category: policy.category })}
      data-testid="category-excluded"
    >
      <Stack gap="xs">
        <Text size="sm">{policy.note || t('categories.excludedBody')}</Text>
        <Checkbox
          label={t('categories.overrideLabel')}
          checked={override}
          onChange={(e) => onOverride(e.currentTarget.checked)}
          data-testid="category-override"
        />
        {override ? (
          <TextInput
            label={t('categories.overrideReason')}
            withAsterisk
            value={reason}
            onChange={(e) => onReason(e.currentTarget.value)}
            error={reasonError}
            data-testid="category-override-reason"
          />
        ) : null}
      </Stack>
    </Alert>
  )
}
