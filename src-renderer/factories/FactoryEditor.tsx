import { Alert, Button, Group, Stack } from '@mantine/core'
import type { Factory, FactoryValues } from '@core/factories/factories.contract'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiCallError } from '../api/api-call-error'
import { useMutation } from '../api/use-mutation'
import { errorMessage } from '../common/error-message'
import { notifySuccess } from '../common/notify'
import { FactoryFields } from './FactoryFields'
import { formErrorsFromFields, validateFactory } from './form-errors'
import { EMPTY_FACTORY, valuesOf } from './form-values'

/** The first marked field may be scrolled out of the drawer: bring it into view, after React marks it. */
function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
}

function formOf(event: React.SyntheticEvent<HTMLFormElement> | undefined): HTMLFormElement | null {
  return event?.currentTarget ?? null
}

/**
 * Create or edit one factory. The form validates with the contract's schema before sending; whatever the
 * core still rejects comes back as field errors and lands on the same fields.
 */
export function FactoryEditor({
  factory,
  onSaved,
  onCancel,
}: {
  /** The factory to edit, or null to create one. */
  factory: Factory | null
  onSaved: (saved: Factory) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const create = useMutation('factories.create')
  const update = useMutation('factories.update')
  const [failure, setFailure] = useState<string | null>(null)
  const form = useForm<FactoryValues>({
    mode: 'controlled',
    initialValues: factory ? valuesOf(factory) : EMPTY_FACTORY,
    validate: validateFactory,
    validateInputOnBlur: true,
  })

  const submit = form.onSubmit(
    async (values, event) => {
      // Read now: React clears currentTarget once the event has been dispatched.
      const formElement = formOf(event)
      setFailure(null)
      try {
        const saved = factory ? await update.run({ id: factory.id, values }) : await create.run(values)
        notifySuccess(t(factory ? 'factories.form.saved' : 'factories.form.created', { name: saved.name }))
        onSaved(saved)
      } catch (error) {
        if (error instanceof ApiCallError && error.apiError.fields.length > 0) {
          form.setErrors(formErrorsFromFields(error.apiError.fields, factory ? ['values'] : []))
        }
        setFailure(errorMessage(t, error))
        focusFirstInvalid(formElement)
      }
    },
    (_errors, _values, event) => {
      setFailure(t('factories.form.fixErrors'))
      focusFirstInvalid(formOf(event))
    },
  )

  return (
    <form onSubmit={submit} noValidate data-testid="factory-form">
      <Stack gap="md">
        {failure ? (
          <Alert color="red" variant="light" data-testid="form-error">
            {failure}
          </Alert>
        ) : null}
        <FactoryFields form={form} />
        {/* Sticky, so Save stays in reach (and in place) however long the form grows. */}
        <Group
          justify="flex-end"
          gap="sm"
          pos="sticky"
          bottom={0}
          py="sm"
          bg="var(--mantine-color-body)"
          style={{ borderTop: '1px solid var(--mantine-color-default-border)', zIndex: 1 }}
        >
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.pending || update.pending} data-testid="factory-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
