import {
  SampleRegisterInput,
  SampleUpdateValues,
  type Sample,
  type SampleCreateValues,
} from '@core/samples/samples.contract'
import type { FormErrors } from '@mantine/form'
import type { z } from 'zod'
import { validateWith, type FieldMapping } from '../forms/field-errors'
import type { StagedPhoto } from './StagedPhotos'

/** One spec as typed: 层数 → 3. */
export interface SpecDraft {
  key: string
  value: string
}

/** A sample as its form holds it; the override is a tick plus a reason. */
export interface SampleFormValues {
  source: 'visit' | 'selectionCenter'
  visitId: string | null
  factoryId: string | null
  skuId: string | null
  category: string
  /** Ticked: register in an excluded category anyway. */
  override: boolean
  overrideReason: string
  name: string
  specs: SpecDraft[]
  storageLocation: string
  notes: string
  /** The status it is registered with (new samples only). */
  status: 'requested' | 'received'
  /** Photos taken before the first save (new samples only), linked by the save. */
  photos: StagedPhoto[]
}

/** Where a new sample starts from when registered from a visit's page. */
export interface SampleDefaults {
  /** The visit it was handed over in. */
  visitId?: string
  /** The visited factory. */
  factoryId?: string
  /** Its name, shown before any search. */
  factoryName?: string
}

export function newSampleValues(defaults: SampleDefaults): SampleFormValues {
  return {
    source: defaults.visitId || !defaults.factoryId ? 'visit' : 'selectionCenter',
    visitId: defaults.visitId ?? null,
    factoryId: defaults.factoryId ?? null,
    skuId: null,
    category: '',
    override: false,
    overrideReason: '',
    name: '',
    specs: [{ key: '', value: '' }],
    storageLocation: '',
    notes: '',
    // Handed over in the meeting or picked off the shelf: the buyer has it in hand.
    status: 'received',
    photos: [],
  }
}

/**
 * The next sample of the same visit ("save and register another"): where it came from stays (source,
 * visit, factory, SKU and its category, status), what describes the one just saved is cleared.
 */
export function nextSampleValues(saved: SampleFormValues): SampleFormValues {
  return {
    ...newSampleValues({}),
    source: saved.source,
    visitId: saved.visitId,
    factoryId: saved.factoryId,
    skuId: saved.skuId,
    category: saved.category,
    override: saved.override,
    overrideReason: saved.overrideReason,
    status: saved.status,
  }
}

export function sampleFormValuesOf(sample: Sample): SampleFormValues {
  return {
    source: sample.source,
    visitId: sample.visitId,
    factoryId: sample.factoryId,
    skuId: sample.skuId,
    category: sample.category,
    override: sample.categoryOverride !== null,
    overrideReason: sample.categoryOverride?.reason ?? '',
    name: sample.name,
    specs: sample.specs.length > 0 ? sample.specs : [{ key: '', value: '' }],
    storageLocation: sample.storageLocation,
    notes: sample.notes,
    status: 'received',
    photos: [],
  }
}

/** Rows left wholly empty are the form's spare lines, not specs. */
function specsOf(values: SampleFormValues): SpecDraft[] {
  return values.specs.filter((s) => s.key.trim() !== '' || s.value.trim() !== '')
}

type UpdateValues = z.input<typeof SampleUpdateValues>

export function toSampleUpdateValues(values: SampleFormValues): UpdateValues {
  return {
    source: values.source,
    visitId: values.source === 'visit' ? values.visitId : null,
    factoryId: values.factoryId ?? '',
    skuId: values.skuId,
    category: values.category,
    categoryOverride: values.override ? { override: true, reason: values.overrideReason } : null,
    name: values.name,
    specs: specsOf(values),
    storageLocation: values.storageLocation,
    notes: values.notes,
  }
}

export function toSampleCreateInput(values: SampleFormValues): z.input<typeof SampleRegisterInput> {
  return {
    ...toSampleUpdateValues(values),
    status: values.status,
    photos: values.photos.map((photo) => ({ sha256: photo.sha256 })),
  }
}

/** Where the contract's sample fields sit in this form. */
export function sampleFieldMapping(values: SampleFormValues, dropPrefix: string[] = []): FieldMapping {
  const empty = (['factoryId', 'visitId'] as const).filter((k) => !values[k])
  return { dropPrefix, rename: { 'categoryOverride.reason': 'overrideReason' }, empty }
}

export function validateSample(values: SampleFormValues, editing: boolean): FormErrors {
  const mapping = sampleFieldMapping(values)
  return editing
    ? validateWith(SampleUpdateValues, toSampleUpdateValues(values), mapping)
    : validateWith(SampleRegisterInput, toSampleCreateInput(values), mapping)
}

export type { SampleCreateValues }
