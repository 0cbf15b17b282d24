import type { FieldError } from '@core/api/errors'
import type { FormErrors, UseFormReturnType } from '@mantine/form'
import { useEffect, useRef, useState } from 'react'
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
  // The core's marks, with the values they were given for: the form's own rules cannot re-check them.
  const [fromCore, setFromCore] = useState<CoreMarks<V> | null>(null)
  useLiveErrors(form, fromCore, () => setFailure(null))
  const submit = form.onSubmit(
    async (values, event) => {
      // Read now: React clears currentTarget once the event has been dispatched.
      const formElement = event?.currentTarget ?? null
      setFailure(null)
      setFromCore(null)
      try {
        await save(values)
      } catch (error) {
        if (error instanceof ApiCallError && error.apiError.fields.length > 0) {
          const marks = fieldErrors(error.apiError.fields, values)
          setFromCore({ keys: new Set(Object.keys(marks)), values })
          form.setErrors(marks)
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

/** Marks the core placed, and the values they were given for. */
interface CoreMarks<V> {
  keys: Set<string>
  values: V
}

/** The value at a form path ('specs.0.key'), or undefined. */
function valueAt(values: unknown, path: string): unknown {
  let at: unknown = values
  for (const part of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined
    at = (at as Record<string, unknown>)[part]
  }
  return at
}

/**
 * Marks follow the values: as soon as a marked field is fixed its mark goes, whatever path it sits on
 * (Mantine clears only the exact path that was set, so 'specs.0.key' stayed marked when the specs list
 * changed, and an end date stayed marked when the start date was moved). A mark from the form's rules
 * goes when the rules pass for that field; a mark from the core goes when its field's value changes.
 * Once no mark is left, the banner goes too.
 */
function useLiveErrors<V>(form: UseFormReturnType<V>, fromCore: CoreMarks<V> | null, onAllFixed: () => void) {
  const values = form.getValues()
  const keys = Object.keys(form.errors)
  const hadErrors = useRef(false)
  useEffect(() => {
    if (keys.length === 0) {
      if (hadErrors.current) onAllFixed()
      hadErrors.current = false
      return
    }
    hadErrors.current = true
    const core = fromCore
    for (const key of keys) {
      const fixed =
        core && core.keys.has(key)
          ? JSON.stringify(valueAt(values, key)) !== JSON.stringify(valueAt(core.values, key))
          : form.isValid(key)
      if (fixed) form.clearFieldError(key)
    }
    // Runs on every change of the values or the marks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [values, form.errors])
}
