import { SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core'
import type { Tour } from '@core/tours/tours.contract'
import { DateInput } from '@mantine/dates'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useMutation } from '../api/use-mutation'
import { notifySuccess } from '../common/notify'
import { formErrorsFrom } from '../forms/field-errors'
import { FormActions } from '../forms/FormActions'
import { FormFailure } from '../forms/FormFailure'
import { useEditorSubmit } from '../forms/use-editor-submit'
import { useUnsavedGuard } from '../forms/use-form-draft'
import { FactoryMultiSelect } from './FactoryMultiSelect'
import { EMPTY_TOUR, toTourInput, tourFormValuesOf, validateTour, type TourFormValues } from './tour-form'

/** Plan or edit a tour: name, dates, belts, who travels and which factories to see. */
export function TourEditor({
  tour,
  onSaved,
  onCancel,
}: {
  /** The tour to edit, or null to plan a new one. */
  tour: Tour | null
  onSaved: (saved: Tour) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const create = useMutation('tours.create')
  const update = useMutation('tours.update')
  const form = useForm<TourFormValues>({
    mode: 'controlled',
    initialValues: tour ? tourFormValuesOf(tour) : EMPTY_TOUR,
    validate: validateTour,
  })
  useUnsavedGuard(form)
  const values = form.getValues()
  const plannedNames = Object.fromEntries(
    (tour?.plannedFactories ?? []).map((f) => [f.factoryId, f.factoryName ?? t('tours.deletedFactory')]),
  )

  const { submit, failure } = useEditorSubmit(form, {
    save: async (formValues) => {
      const input = toTourInput(formValues)
      const saved = tour ? await update.run({ id: tour.id, values: input }) : await create.run(input)
      notifySuccess(t(tour ? 'tours.form.saved' : 'tours.form.created', { name: saved.name }))
      onSaved(saved)
    },
    fieldErrors: (fields) => formErrorsFrom(fields, { dropPrefix: tour ? ['values'] : [] }),
  })

  return (
    <form onSubmit={submit} noValidate data-testid="tour-form">
      <Stack gap="sm">
        <FormFailure failure={failure} />
        <TextInput
          label={t('tours.fields.name')}
          placeholder={t('tours.placeholders.name')}
          withAsterisk
          data-autofocus
          data-testid="tour-name"
          {...form.getInputProps('name')}
        />
        <SimpleGrid cols={2} spacing="sm">
          <DateInput
            label={t('tours.fields.startDate')}
            withAsterisk
            valueFormat="YYYY-MM-DD"
            data-testid="tour-start"
            {...form.getInputProps('startDate')}
          />
          <DateInput
            label={t('tours.fields.endDate')}
            withAsterisk
            valueFormat="YYYY-MM-DD"
            data-testid="tour-end"
            {...form.getInputProps('endDate')}
          />
        </SimpleGrid>
        <TagsInput
          label={t('tours.fields.belts')}
          description={t('tours.hints.tags')}
          placeholder={t('tours.placeholders.belts')}
          data-testid="tour-belts"
          {...form.getInputProps('belts')}
        />
        <TagsInput
          label={t('tours.fields.members')}
          description={t('tours.hints.tags')}
          data-testid="tour-members"
          {...form.getInputProps('members')}
        />
        <FactoryMultiSelect
          label={t('tours.fields.plannedFactories')}
          description={t('tours.hints.plannedFactories')}
          value={values.plannedFactoryIds}
          initialLabels={plannedNames}
          onChange={(ids) => form.setFieldValue('plannedFactoryIds', ids)}
          error={form.errors.plannedFactoryIds}
          testId="tour-factories"
        />
        <Textarea
          label={t('tours.fields.notes')}
          autosize
          minRows={2}
          maxRows={8}
          {...form.getInputProps('notes')}
        />
        <FormActions onCancel={onCancel} pending={create.pending || update.pending} testId="tour-save" />
      </Stack>
    </form>
  )
}
