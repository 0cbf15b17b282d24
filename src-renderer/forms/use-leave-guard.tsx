import { useEffect, useRef, useState, type ReactNode } from 'react'
import { ConfirmDiscard } from './ConfirmDiscard'
import { blockLeaving } from './leave-guard'

/**
 * For a form on the page itself rather than in a dialog (Settings' exchange rates): leaving the page
 * with changes asks 「放弃未保存的修改？」 like every form dialog does. Returns the question, to render.
 */
export function useLeaveGuard(isDirty: () => boolean): ReactNode {
  const [pending, setPending] = useState<(() => void) | null>(null)
  const latest = useRef(isDirty)
  useEffect(() => {
    latest.current = isDirty
  })
  useEffect(
    () =>
      blockLeaving((proceed) => {
        if (!latest.current()) return false
        setPending(() => proceed)
        return true
      }),
    [],
  )
  return (
    <ConfirmDiscard
      opened={pending !== null}
      onKeep={() => setPending(null)}
      onDiscard={() => {
        const leave = pending
        setPending(null)
        leave?.()
      }}
    />
  )
}
