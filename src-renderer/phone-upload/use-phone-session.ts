import type { PhoneSession } from '@core/phone-upload/phone-upload.contract'
import type { PhotoOwnerTable } from '@core/photos/photos.contract'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useApiContext } from '../api/api-context'

/** A session as last heard, and when (performance.now()), for the countdown. */
export type ShownSession = PhoneSession & { receivedAt: number }

/** How often the dialog asks how the phone's photos are coming along. */
const POLL_MS = 700

/**
 * One phone upload session while the dialog is open: opens it, polls its status (every photo's
 * progress), reloads the record's gallery when a photo lands, and closes it when the dialog goes away
 * (a close, a page change, the app quitting its page).
 */
export function usePhoneSession(owner: { ownerTable: PhotoOwnerTable; ownerId: string }, active: boolean) {
  const { client, invalidate } = useApiContext()
  const [session, setSession] = useState<ShownSession | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [attempt, setAttempt] = useState(0)
  const openId = useRef<string | null>(null)
  const { ownerTable, ownerId } = owner

  useEffect(() => {
    if (!active) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    let landed = 0
    const follow = (next: PhoneSession) => {
      if (stopped) return
      setSession({ ...next, receivedAt: performance.now() })
      const done = next.uploads.filter((u) => u.state === 'done').length
      if (done > landed) invalidate()
      landed = done
      if (next.state === 'open') {
        timer = setTimeout(() => {
          client.call('phoneUpload.status', { sessionId: next.sessionId }).then(follow, setError)
        }, POLL_MS)
      }
    }
    client.call('phoneUpload.open', { ownerTable, ownerId }).then(
      (opened) => {
        openId.current = opened.sessionId
        if (stopped) void client.call('phoneUpload.close', { sessionId: opened.sessionId }).catch(() => {})
        else follow(opened)
      },
      (failure: unknown) => !stopped && setError(failure),
    )
    return () => {
      stopped = true
      clearTimeout(timer)
      const id = openId.current
      openId.current = null
      if (id) void client.call('phoneUpload.close', { sessionId: id }).catch(() => {})
      setSession(null)
      setError(null)
    }
  }, [active, attempt, client, invalidate, ownerTable, ownerId])

  const restart = useCallback(() => setAttempt((n) => n + 1), [])
  return { session, error, restart }
}
