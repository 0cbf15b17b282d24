import { TourInput, type Tour } from '@core/tours/tours.contract'
import type { FormErrors } from '@mantine/form'
import { validateWith } from '../forms/field-errors'

/** A tour as its form holds it: dates may be empty while the buyer picks them. */
export interface TourFormValues {
  name: string
  startDate: string | null
  endDate: string | null
  belts: string[]
  members: string[]
  plannedFactoryIds: string[]
  notes: string
}

export const EMPTY_TOUR: TourFormValues = {
  name: '',
  startDate: null,
  endDate: null,
  belts: [],
  members: [],
  plannedFactoryIds: [],
  notes: '',
}

export function tourFormValuesOf(tour: Tour): TourFormValues {
  return {
    name: tour.name,
    startDate: tour.startDate,
    endDate: tour.endDate,
    belts: tour.belts,
    members: tour.members,
    plannedFactoryIds: tour.plannedFactories.map((f) => f.factoryId),
    notes: tour.notes,
  }
}

export function toTourInput(values: TourFormValues): TourInput {
  return {
    name: values.name,
    // An empty date is left for the schema to report as required.
    startDate: values.startDate ?? '',
    endDate: values.endDate ?? '',
    belts: values.belts,
    members: values.members,
    plannedFactoryIds: values.plannedFactoryIds,
    notes: values.notes,
  }
}

export function validateTour(values: TourFormValues): FormErrors {
  return validateWith(TourInput, toTourInput(values), {
    empty: (['startDate', 'endDate'] as const).filter((k) => !values[k]),
  })
}
