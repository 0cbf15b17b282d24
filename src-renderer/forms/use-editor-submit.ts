import type { FieldError } from '@core/api/errors'
import type { FormErrors, UseFormReturnType } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiCallError } from '../api/api-call-error'
import { errorMessage } from '../common/error-message'
import { focusFirstInvalid } from './field-errors'

/** What one editor does on submit, and how it reads the core's field errors. */
export interface EditorSubmitOptions<V> {
  /** Sends the valid values, reports success and closes; throws what the call threw. */
  save: (values: V) => Promise<void>
  /** Places the core's field errors on the form's own paths. */
  fieldErrors: (fields: FieldError[], values: V) => FormErrors
  /** Message key shown when the form's own validation stops the submit. */
  invalidKey?: string
}

/**
 * The submit handler every editor shares: the form validates first; whatever the core still rejects
 * lands on the same fields, the failure is shown above them and the first marked field gets focus.
 */
export function useEditorSubmit<V>(
  form: UseFormReturnType<V>,
  { save, fieldErrors, invalidKey = 'common.fixErrors' }: EditorSubmitOptions<V>,
) {
  const { t } = useTranslation()
  const [failure, setFailure] = useState<string | null>(null)
  const submit = form.onSubmit(
    async (values, event) => {
      // Read now: React clears currentTarget once the event has been dispatched.
      const formElement = event?.currentTarget ?? null
      setFailure(null)
      try {
        await save(values)
      } catch (error) {
        if (error instanceof ApiCallError && error.apiError.fields.length > 0) {
          form.setErrors(fieldErrors(error.apiError.fields, values))
        }
        setFailure(errorMessage(t, error))
        focusFirstInvalid(formElement)
      }
    },
    (_errors, _values, event) => {
      setFailure(t(invalidKey))
      focusFirstInvalid(event?.currentTarget ?? null)
    },
  )
  return { submit, failure }
}
