import { fieldErrorsFromZod, type FieldError } from '@core/api/errors'
import type { FormErrors } from '@mantine/form'
import type { z } from 'zod'
import { FieldMessage } from '../common/FieldMessage'

/** How a form names the fields an input schema reports on. */
export interface FieldMapping {
  /** Leading path parts to drop (an update's errors sit under ['values', …]). */
  dropPrefix?: string[]
  /** Input path (joined with '.') → form field, for fields the form holds in another shape. */
  rename?: Record<string, string>
  /** Form fields that are empty: any error on them reads 'Required', not a type or format message. */
  empty?: string[]
}

/**
 * Field errors (from a contract schema in the form, or from the core's ApiError) as Mantine form errors
 * keyed by the form's own paths ('tiers.1.fromPacks'). The first error per field wins; each stays a
 * message key rendered at display time, so it follows a language switch.
 */
export function formErrorsFrom(fields: FieldError[], mapping: FieldMapping = {}): FormErrors {
  const { dropPrefix = [], rename = {}, empty = [] } = mapping
  const errors: FormErrors = {}
  for (const field of fields) {
    let path = field.path
    if (dropPrefix.length > 0 && dropPrefix.every((part, i) => path[i] === part)) {
      path = path.slice(dropPrefix.length)
    }
    const joined = path.join('.')
    const key = rename[joined] ?? joined
    if (key in errors) continue
    errors[key] = empty.includes(key) ? (
      <FieldMessage messageKey="errors.required" />
    ) : (
      <FieldMessage messageKey={field.messageKey} params={field.params} />
    )
  }
  return errors
}

/** Validates `input` with a contract schema and maps its problems onto the form's fields. */
export function validateWith(schema: z.ZodType, input: unknown, mapping: FieldMapping = {}): FormErrors {
  const result = schema.safeParse(input)
  return result.success ? {} : formErrorsFrom(fieldErrorsFromZod(result.error), mapping)
}

/** The first marked field may be scrolled out of view: focus it once React has marked it. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
}
