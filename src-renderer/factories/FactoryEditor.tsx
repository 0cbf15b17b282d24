import { Stack } from '@mantine/core'
import type { Factory, FactoryValues } from '@core/factories/factories.contract'
import { useForm } from '@mantine/form'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from '../api/use-mutation'
import { notifySuccess } from '../common/notify'
import { DraftOffer } from '../forms/DraftOffer'
import { FormActions } from '../forms/FormActions'
import { FormFailure } from '../forms/FormFailure'
import { useEditorSubmit } from '../forms/use-editor-submit'
import { useFormDraft } from '../forms/use-form-draft'
import { FactoryFields } from './FactoryFields'
import { formErrorsFromFields, validateFactory } from './form-errors'
import { EMPTY_FACTORY, valuesOf } from './form-values'

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
  // Stored contacts the buyer removed: named in the save, so a contact that arrived by sync while
  // the form was open is never removed by leaving it out.
  const removedContacts = useRef<string[]>([])
  const form = useForm<FactoryValues>({
    mode: 'controlled',
    initialValues: factory ? valuesOf(factory) : EMPTY_FACTORY,
    validate: validateFactory,
    validateInputOnBlur: true,
  })

  const draft = useFormDraft(form, {
    address: { kind: 'factory', recordId: factory?.id ?? null },
    recordUpdatedAt: factory?.updatedAt ?? null,
  })

  const { submit, failure } = useEditorSubmit(form, {
    save: async (values) => {
      const saved = factory
        ? await update.run({ id: factory.id, values, removedContactIds: removedContacts.current })
        : await create.run(values)
      draft.clear()
      notifySuccess(t(factory ? 'factories.form.saved' : 'factories.form.created', { name: saved.name }))
      onSaved(saved)
    },
    fieldErrors: (fields) => formErrorsFromFields(fields, factory ? ['values'] : []),
    invalidKey: 'factories.form.fixErrors',
  })

  return (
    <form onSubmit={submit} noValidate data-testid="factory-form">
      <Stack gap="md">
        <DraftOffer draft={draft} />
        <FormFailure failure={failure} />
        <FactoryFields form={form} onContactRemoved={(id) => removedContacts.current.push(id)} />
        <FormActions onCancel={onCancel} pending={create.pending || update.pending} testId="factory-save" />
      </Stack>
    </form>
  )
}
