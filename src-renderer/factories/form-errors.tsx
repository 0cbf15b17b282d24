import { fieldErrorsFromZod, type FieldError } from '@core/api/errors'
import { FactoryInput, type FactoryValues } from '@core/factories/factories.contract'
import type { FormErrors } from '@mantine/form'
import { FieldMessage } from '../common/FieldMessage'

/** Tag lists show one error for the whole input, not one per tag. */
const TAG_FIELDS = new Set(['categories', 'oemBrands', 'certifications'])

/**
 * Field errors (from the contract's zod schema in the form, or from the core's ApiError) as Mantine form
 * errors keyed by path ('contacts.0.phone'). The first error per field wins; each stays a message key
 * rendered at display time, so it follows a language switch.
 */
export function formErrorsFromFields(fields: FieldError[], dropPrefix: string[] = []): FormErrors {
  const errors: FormErrors = {}
  for (const field of fields) {
    let path = field.path
    if (dropPrefix.every((part, i) => path[i] === part)) path = path.slice(dropPrefix.length)
    if (TAG_FIELDS.has(String(path[0]))) path = path.slice(0, 1)
    const key = path.join('.')
    if (key in errors) continue
    errors[key] = <FieldMessage messageKey={field.messageKey} params={field.params} />
  }
  return errors
}

/** The form's validator: the contract's own schema, with the core's message-key mapping. */
export function validateFactory(values: FactoryValues): FormErrors {
  const result = FactoryInput.safeParse(values)
  return result.success ? {} : formErrorsFromFields(fieldErrorsFromZod(result.error))
}
