import { Button, Group } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useGuardedCancel } from './form-guard'

/** The Cancel / Save bar at the foot of every editor form. */
export function FormActions({
  onCancel,
  pending,
  testId,
  submitLabel,
  sticky = true,
  extra,
  onSubmitClick,
}: {
  /** Closes the editor without saving (in a form dialog, after asking when there are changes). */
  onCancel: () => void
  /** A save is under way: the submit button shows a spinner. */
  pending: boolean
  /** data-testid of the submit button. */
  testId: string
  /** The submit button's text; 'Save' when left out. */
  submitLabel?: ReactNode
  /** Sticks to the bottom of a scrolling drawer; a short form in a modal sets false. */
  sticky?: boolean
  /** Another action after Save (e.g. a second submit button, "save and add another"). */
  extra?: ReactNode
  /** Called as the Save button is pressed (also by Enter in a field), before the form submits. */
  onSubmitClick?: () => void
}) {
  const { t } = useTranslation()
  const cancel = useGuardedCancel(onCancel)
  const buttons = (
    <>
      <Button variant="default" onClick={cancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={pending} onClick={onSubmitClick} data-testid={testId}>
        {submitLabel ?? t('common.save')}
      </Button>
      {/* After Save: the first submit button is the one Enter in a field presses. */}
      {extra}
    </>
  )
  if (!sticky) {
    return (
      <Group justify="flex-end" gap="sm" pt="sm">
        {buttons}
      </Group>
    )
  }
  // Sticky, so Save stays in reach (and in place) however long the form grows.
  return (
    <Group
      justify="flex-end"
      gap="sm"
      pos="sticky"
      bottom={0}
      py="sm"
      bg="var(--mantine-color-body)"
      style={{ borderTop: '1px solid var(--mantine-color-default-border)', zIndex: 1 }}
    >
      {buttons}
    </Group>
  )
}
