import {
  Autocomplete,
  Button,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import type { Sample } from '@core/samples/samples.contract'
import { useForm } from '@mantine/form'
import { useCallback, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { useMutation } from '../api/use-mutation'
import { CategoryPolicyNotice } from '../categories/CategoryPolicyNotice'
import { notifySuccess } from '../common/notify'
import { DraftOffer } from '../forms/DraftOffer'
import { formErrorsFrom } from '../forms/field-errors'
import { FormActions } from '../forms/FormActions'
import { FormFailure } from '../forms/FormFailure'
import { useEditorSubmit } from '../forms/use-editor-submit'
import { useFormDraft } from '../forms/use-form-draft'
import { FactorySelect } from '../quotes/FactorySelect'
import {
  newSampleValues,
  nextSampleValues,
  sampleFieldMapping,
  sampleFormValuesOf,
  toSampleCreateInput,
  toSampleUpdateValues,
  validateSample,
  type SampleDefaults,
  type SampleFormValues,
} from './sample-form'
import { SpecsEditor } from './SpecsEditor'
import { StagedPhotos, type StagedPhoto } from './StagedPhotos'

function Label({ children }: { children: React.ReactNode }) {
  return (
    <Text size="sm" fw={500}>
      {children}
    </Text>
  )
}

/**
 * Register a sample (handed over in a visit, or picked at the selection center) or edit one: factory,
 * visit, SKU, category with HQ's policy, specs and where the physical sample is kept. A new sample takes
 * its photos before the first save, and "save and register another" keeps the form open for the next
 * sample of the same visit.
 */
export function SampleEditor({
  sample,
  defaults,
  onSaved,
  onCancel,
}: {
  /** The sample to edit, or null to register one. */
  sample: Sample | null
  /** Visit and factory a new sample starts with. */
  defaults: SampleDefaults
  onSaved: (saved: Sample) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const create = useMutation('samples.create')
  const update = useMutation('samples.update')
  const editing = sample !== null
  const form = useForm<SampleFormValues>({
    mode: 'controlled',
    initialValues: sample ? sampleFormValuesOf(sample) : newSampleValues(defaults),
    validate: (values) => validateSample(values, editing),
  })
  const draft = useFormDraft(form, {
    address: {
      kind: 'sample',
      recordId: sample?.id ?? null,
      context: sample ? {} : { visit: defaults.visitId, factory: defaults.factoryId },
    },
    recordUpdatedAt: sample?.updatedAt ?? null,
  })
  const values = form.getValues()
  // Which submit button sent the form: Save (closes) or Save and register another (stays).
  const another = useRef(false)
  const formRef = useRef<HTMLFormElement>(null)
  const addPhoto = useCallback(
    (photo: StagedPhoto) => {
      const staged = form.getValues().photos
      if (!staged.some((p) => p.sha256 === photo.sha256)) form.setFieldValue('photos', [...staged, photo])
    },
    [form],
  )
  const removePhoto = (sha256: string) =>
    form.setFieldValue(
      'photos',
      values.photos.filter((p) => p.sha256 !== sha256),
    )

  const visits = useCall(
    'visits.list',
    { factoryId: values.factoryId ?? undefined },
    values.factoryId !== null,
  )
  const skus = useCall('skus.list', {})
  const categories = useCall('categories.list', {})
  const visitOptions = (values.factoryId ? (visits.data ?? []) : []).map((v) => ({
    value: v.id,
    label: v.tourName ? `${v.visitDate} · ${v.tourName}` : v.visitDate,
  }))
  const skuOptions = (skus.data ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.category}）` }))
  const categoryOptions = useMemo(
    () => [
      ...new Set([
        ...(categories.data ?? []).map((c) => c.name),
        ...(skus.data ?? []).map((s) => s.category),
      ]),
    ],
    [categories.data, skus.data],
  )

  const chooseFactory = (id: string | null) => {
    form.setFieldValue('factoryId', id)
    // A visit belongs to one factory: a new factory means choosing its visit again.
    if (id !== values.factoryId) form.setFieldValue('visitId', null)
  }
  const chooseSku = (id: string | null) => {
    form.setFieldValue('skuId', id)
    const sku = (skus.data ?? []).find((s) => s.id === id)
    if (sku && values.category.trim() === '') form.setFieldValue('category', sku.category)
  }

  const { submit, failure } = useEditorSubmit(form, {
    save: async (formValues) => {
      const saved = sample
        ? await update.run({ id: sample.id, values: toSampleUpdateValues(formValues) })
        : await create.run(toSampleCreateInput(formValues))
      if (!sample && another.current) {
        draft.restart(nextSampleValues(formValues))
        notifySuccess(t('samples.form.createdNext', { code: saved.code }))
        formRef.current?.querySelector<HTMLElement>('[data-testid="sample-name"]')?.focus()
        return
      }
      draft.clear()
      notifySuccess(t(sample ? 'samples.form.saved' : 'samples.form.created', { code: saved.code }))
      onSaved(saved)
    },
    fieldErrors: (fields, formValues) =>
      formErrorsFrom(fields, sampleFieldMapping(formValues, sample ? ['values'] : [])),
  })

  return (
    <form ref={formRef} onSubmit={submit} noValidate data-testid="sample-form">
      <Stack gap="sm">
        <DraftOffer draft={draft} />
        <FormFailure failure={failure} />
        <Group gap="lg" align="flex-end">
          <Stack gap={4}>
            <Label>{t('samples.fields.source')}</Label>
            <SegmentedControl
              value={values.source}
              onChange={(v) => form.setFieldValue('source', v as SampleFormValues['source'])}
              data={[
                { value: 'visit', label: t('sampleSource.visit') },
                { value: 'selectionCenter', label: t('sampleSource.selectionCenter') },
              ]}
              data-testid="sample-source"
            />
          </Stack>
          {editing ? null : (
            <Stack gap={4}>
              <Label>{t('samples.fields.status')}</Label>
              <SegmentedControl
                value={values.status}
                onChange={(v) => form.setFieldValue('status', v as SampleFormValues['status'])}
                data={[
                  { value: 'received', label: t('sampleStatus.received') },
                  { value: 'requested', label: t('sampleStatus.requested') },
                ]}
                data-testid="sample-initial-status"
              />
            </Stack>
          )}
        </Group>
        <SimpleGrid cols={2} spacing="sm">
          <FactorySelect
            value={values.factoryId}
            initialLabel={sample?.factoryName ?? defaults.factoryName}
            onChange={chooseFactory}
            error={form.errors.factoryId}
            testId="sample-factory"
          />
          {values.source === 'visit' ? (
            <Select
              label={t('samples.fields.visit')}
              placeholder={
                values.factoryId ? t('samples.placeholders.visit') : t('samples.placeholders.factoryFirst')
              }
              withAsterisk
              disabled={!values.factoryId}
              data={visitOptions}
              nothingFoundMessage={t('samples.noVisit')}
              value={values.visitId}
              onChange={(id) => form.setFieldValue('visitId', id)}
              error={form.errors.visitId}
              data-testid="sample-visit"
            />
          ) : (
            <Text size="sm" c="dimmed" mt={28}>
              {t('samples.hints.selectionCenter')}
            </Text>
          )}
        </SimpleGrid>
        <TextInput
          label={t('samples.fields.name')}
          placeholder={t('samples.placeholders.name')}
          withAsterisk
          data-autofocus
          data-testid="sample-name"
          {...form.getInputProps('name')}
        />
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label={t('samples.fields.sku')}
            placeholder={t('samples.placeholders.sku')}
            searchable
            clearable
            data={skuOptions}
            value={values.skuId}
            onChange={chooseSku}
            error={form.errors.skuId}
            data-testid="sample-sku"
          />
          <Autocomplete
            label={t('samples.fields.category')}
            description={values.skuId ? t('samples.hints.categoryFromSku') : undefined}
            data={categoryOptions}
            data-testid="sample-category"
            {...form.getInputProps('category')}
          />
        </SimpleGrid>
        <CategoryPolicyNotice form={form} />
        <SpecsEditor
          value={values.specs}
          onChange={(specs) => form.setFieldValue('specs', specs)}
          errors={form.errors}
        />
        <TextInput
          label={t('samples.fields.storageLocation')}
          placeholder={t('samples.placeholders.storageLocation')}
          data-testid="sample-storage"
          {...form.getInputProps('storageLocation')}
        />
        <Textarea
          label={t('samples.fields.notes')}
          autosize
          minRows={2}
          maxRows={8}
          data-testid="sample-notes"
          {...form.getInputProps('notes')}
        />
        {editing ? null : <StagedPhotos value={values.photos} onAdd={addPhoto} onRemove={removePhoto} />}
        <FormActions
          onCancel={onCancel}
          pending={create.pending || update.pending}
          testId="sample-save"
          onSubmitClick={() => (another.current = false)}
          extra={
            editing ? null : (
              <Button
                type="submit"
                variant="light"
                disabled={create.pending}
                onClick={() => (another.current = true)}
                data-testid="sample-save-another"
              >
                {t('samples.form.saveAnother')}
              </Button>
            )
          }
        />
      </Stack>
    </form>
  )
}
