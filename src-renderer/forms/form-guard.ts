import { createContext, useContext, useEffect, useRef } from 'react'

/** What an open form tells the dialog around it, so closing can ask first. */
export interface GuardedForm {
  /** True while the form holds changes not saved. */
  isDirty(): boolean
  /** The buyer chose to throw the changes away (its draft goes too). */
  onDiscard?(): void
}

/** The guard a form dialog (FormDrawer, FormModal) gives the form inside it. */
export interface FormGuard {
  /** Registers the form's check; returns the unregister. */
  register(form: GuardedForm): () => void
  /** Closes the dialog, first asking when the form has changes; `then` replaces the dialog's own close. */
  requestClose(then?: () => void): void
}

export const FormGuardContext = createContext<FormGuard | null>(null)

/** The dialog's guard, or null for a form not in a guarded dialog (an inline form). */
export function useFormGuard(): FormGuard | null {
  return useContext(FormGuardContext)
}

/**
 * Tells the surrounding dialog how to know whether this form has unsaved changes. The latest callbacks
 * are read at the moment of asking, so the form need not re-register on every keystroke.
 */
export function useGuardedForm(form: GuardedForm): void {
  const guard = useFormGuard()
  const latest = useRef(form)
  useEffect(() => {
    latest.current = form
  })
  useEffect(() => {
    if (!guard) return
    return guard.register({
      isDirty: () => latest.current.isDirty(),
      onDiscard: () => latest.current.onDiscard?.(),
    })
  }, [guard])
}

/** A Cancel button's handler: in a guarded dialog it asks first when the form has changes. */
export function useGuardedCancel(onCancel: () => void): () => void {
  const guard = useFormGuard()
  return () => (guard ? guard.requestClose(onCancel) : onCancel())
}
