import { Select, SimpleGrid, Stack, TagsInput, Textarea } from '@mantine/core'
import type { ScoreDimension } from '@core/domain/scorecard'
import type { Visit } from '@core/visits/visits.contract'
import { DateInput } from '@mantine/dates'
import { useForm } from '@mantine/form'
import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { useMutation } from '../api/use-mutation'
import { notifySuccess } from '../common/notify'
import { DraftOffer } from '../forms/DraftOffer'
import { formErrorsFrom } from '../forms/field-errors'
import { FormActions } from '../forms/FormActions'
import { FormFailure } from '../forms/FormFailure'
import { useEditorSubmit } from '../forms/use-editor-submit'
import { useFormDraft } from '../forms/use-form-draft'
import { FactorySelect } from '../quotes/FactorySelect'
import { FollowUpDrafts } from './FollowUpDrafts'
import { ScorecardInput } from './ScorecardInput'
import { clampDay, localToday } from './score-format'
import {
  lastScoresOf,
  newVisitValues,
  toVisitCreateInput,
  toVisitUpdateValues,
  validateVisit,
  visitFormValuesOf,
  type VisitDefaults,
  type VisitFormValues,
} from './visit-form'

/**
 * Log a factory visit, or edit one: who met, the seven-dimension scorecard with a note each, free notes
 * and (for a new visit) the follow-ups agreed in the meeting.
 */
export function VisitEditor({
  visit,
  defaults,
  onSaved,
  onCancel,
}: {
  /** The visit to edit, or null to log a new one. */
  visit: Visit | null
  /** Factory, tour and day a new visit starts with. */
  defaults: VisitDefaults
  onSaved: (saved: Visit) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const create = useMutation('visits.create')
  const update = useMutation('visits.update')
  const tours = useCall('tours.list', {})
  const editing = visit !== null
  const form = useForm<VisitFormValues>({
    mode: 'controlled',
    initialValues: visit ? visitFormValuesOf(visit) : newVisitValues(defaults, localToday()),
    validate: (values) => validateVisit(values, editing),
  })
  const draft = useFormDraft(form, {
    address: {
      kind: 'visit',
      recordId: visit?.id ?? null,
      context: visit ? {} : { factory: defaults.factoryId, tour: defaults.tourId },
    },
    recordUpdatedAt: visit?.updatedAt ?? null,
  })
  const values = form.getValues()
  const tourOptions = (tours.data ?? []).map((tour) => ({
    value: tour.id,
    label: `${tour.name}（${tour.startDate} – ${tour.endDate}）`,
  }))
  const tour = (tours.data ?? []).find((x) => x.id === values.tourId)
  const scorecard = useCall(
    'factories.scorecard',
    { factoryId: values.factoryId ?? '' },
    values.factoryId !== null,
  )
  const lastScores = useMemo(
    () =>
      lastScoresOf(scorecard.data?.visits ?? [], {
        id: visit?.id ?? null,
        visitDate: visit?.visitDate ?? null,
      }),
    [scorecard.data, visit],
  )

  // A new visit on a tour starts with the tour's team as its attendees, as the form opens: part of what
  // it opened with, so closing it untouched asks nothing.
  const openingTour = editing ? undefined : (tours.data ?? []).find((x) => x.id === defaults.tourId)
  useEffect(() => {
    if (!openingTour || openingTour.members.length === 0) return
    if (form.getInitialValues().attendees.length > 0 || form.getValues().attendees.length > 0) return
    form.setInitialValues({ ...form.getInitialValues(), attendees: openingTour.members })
    form.setFieldValue('attendees', openingTour.members)
    // Once, when the tours arrive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [openingTour])

  const chooseTour = (id: string | null) => {
    form.setFieldValue('tourId', id)
    const chosen = (tours.data ?? []).find((x) => x.id === id)
    if (chosen && values.attendees.length === 0) form.setFieldValue('attendees', chosen.members)
    if (chosen && values.visitDate) {
      form.setFieldValue('visitDate', clampDay(values.visitDate, chosen.startDate, chosen.endDate))
    }
  }

  const { submit, failure } = useEditorSubmit(form, {
    save: async (formValues) => {
      const saved = visit
        ? await update.run({ id: visit.id, values: toVisitUpdateValues(formValues) })
        : await create.run(toVisitCreateInput(formValues))
      draft.clear()
      notifySuccess(t(visit ? 'visits.form.saved' : 'visits.form.created'))
      onSaved(saved)
    },
    fieldErrors: (fields) => formErrorsFrom(fields, { dropPrefix: visit ? ['values'] : [] }),
  })

  return (
    <form onSubmit={submit} noValidate data-testid="visit-form">
      <Stack gap="sm">
        <DraftOffer draft={draft} />
        <FormFailure failure={failure} />
        <SimpleGrid cols={2} spacing="sm">
          <FactorySelect
            value={values.factoryId}
            initialLabel={visit?.factoryName ?? defaults.factoryName}
            onChange={(id) => form.setFieldValue('factoryId', id)}
            error={form.errors.factoryId}
            testId="visit-factory"
          />
          <DateInput
            label={t('visits.fields.visitDate')}
            withAsterisk
            valueFormat="YYYY-MM-DD"
            minDate={tour?.startDate}
            maxDate={tour?.endDate}
            data-testid="visit-date"
            {...form.getInputProps('visitDate')}
          />
        </SimpleGrid>
        <Select
          label={t('visits.fields.tour')}
          placeholder={t('visits.placeholders.tour')}
          data={tourOptions}
          clearable
          searchable
          value={values.tourId}
          onChange={chooseTour}
          error={form.errors.tourId}
          data-testid="visit-tour"
        />
        <TagsInput
          label={t('visits.fields.attendees')}
          description={t('tours.hints.tags')}
          data={tour?.members ?? []}
          data-testid="visit-attendees"
          {...form.getInputProps('attendees')}
        />
        <ScorecardInput
          value={values.scores}
          errors={form.errors}
          last={lastScores}
          onScore={(d: ScoreDimension, score) => form.setFieldValue(`scores.${d}.score`, score)}
          onNote={(d: ScoreDimension, note) => form.setFieldValue(`scores.${d}.note`, note)}
        />
        <Textarea
          label={t('visits.fields.notes')}
          autosize
          minRows={3}
          maxRows={10}
          data-testid="visit-notes"
          {...form.getInputProps('notes')}
        />
        {editing ? null : (
          <FollowUpDrafts
            value={values.followUps}
            onChange={(next) => form.setFieldValue('followUps', next)}
            errors={form.errors}
          />
        )}
        <FormActions onCancel={onCancel} pending={create.pending || update.pending} testId="visit-save" />
      </Stack>
    </form>
  )
}
