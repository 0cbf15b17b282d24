import { Alert, Checkbox, Stack, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconAlertTriangle, IconStar } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { UseFormReturnType } from '@mantine/form'
import { useCall } from '../api/use-call'

/** The fields a form with a category keeps for the policy: the category, "register anyway" and why. */
export interface CategoryFormFields {
  category: string
  override: boolean
  overrideReason: string
}

/**
 * What HQ's category policy says about the category being typed: a note for a focus category, and for
 * an excluded one a clear warning with the explicit "register anyway" tick and its reason.
 */
export function CategoryPolicyNotice<V extends CategoryFormFields>({
  form: anyForm,
}: {
  form: UseFormReturnType<V>
}) {
  // V has these fields; TypeScript cannot resolve Mantine's path types on a generic V.
  const form = anyForm as unknown as UseFormReturnType<CategoryFormFields>
  const { category, override, overrideReason: reason } = form.getValues()
  const onOverride = (ticked: boolean) => form.setFieldValue('override', ticked)
  const onReason = (text: string) => form.setFieldValue('overrideReason', text)
  const reasonError = form.errors.overrideReason
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
