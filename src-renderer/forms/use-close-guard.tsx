import { useWindowEvent } from '@mantine/hooks'
import { useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react'
import { ConfirmDiscard } from './ConfirmDiscard'
import { escapeIsForDialog } from './escape-target'
import type { FormGuard, GuardedForm } from './form-guard'
import { blockLeaving } from './leave-guard'

/** What a form dialog needs from its guard. */
export interface CloseGuard {
  /** Given to the form inside through FormGuardContext. */
  guard: FormGuard
  /** The dialog's X and click outside: ask first when the form has changes. */
  requestClose: () => void
  /** The 「放弃未保存的修改？」 dialog, rendered beside the form's dialog. */
  confirm: ReactNode
}

/**
 * The one close rule of every form dialog: the X, a click outside, Escape, Cancel and leaving the page
 * close at once when nothing changed, and otherwise ask 「放弃未保存的修改？」. Escape is taken from Mantine
 * (the dialog sets closeOnEscape false) so that it closes only the innermost popup; `anchor` is any
 * element inside the dialog, to find it.
 */
export function useCloseGuard({
  opened,
  onClose,
  anchor,
}: {
  opened: boolean
  onClose: () => void
  anchor: RefObject<HTMLElement | null>
}): CloseGuard {
  const forms = useRef(new Set<GuardedForm>())
  // The close to run if the buyer discards; null while not asking.
  const [pending, setPending] = useState<(() => void) | null>(null)
  const latestClose = useRef(onClose)
  useEffect(() => {
    latestClose.current = onClose
  })

  const guard = useMemo<FormGuard>(() => {
    const dirty = () => [...forms.current].some((form) => form.isDirty())
    return {
      register(form) {
        forms.current.add(form)
        return () => forms.current.delete(form)
      },
      requestClose(then) {
        const close = then ?? (() => latestClose.current())
        if (dirty()) setPending(() => close)
        else close()
      },
    }
  }, [])

  useEffect(() => {
    if (!opened) return
    return blockLeaving((proceed) => {
      if (![...forms.current].some((form) => form.isDirty())) return false
      setPending(() => () => {
        latestClose.current()
        proceed()
      })
      return true
    })
  }, [opened])

  useWindowEvent(
    'keydown',
    (event) => {
      if (!opened || pending || event.key !== 'Escape' || event.isComposing) return
      const dialog = anchor.current?.closest('[role="dialog"]')
      if (!dialog || !escapeIsForDialog(event.target, dialog)) return
      event.preventDefault()
      guard.requestClose()
    },
    { capture: true },
  )

  const confirm = (
    <ConfirmDiscard
      opened={pending !== null}
      onKeep={() => setPending(null)}
      onDiscard={() => {
        const close = pending
        setPending(null)
        for (const form of forms.current) form.onDiscard?.()
        close?.()
      }}
    />
  )
  return { guard, requestClose: () => guard.requestClose(), confirm }
}
