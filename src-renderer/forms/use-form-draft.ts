import type { UseFormReturnType } from '@mantine/form'
import { useDebouncedCallback, useWindowEvent } from '@mantine/hooks'
import { useEffect, useMemo, useRef, useState } from 'react'
import {
  draftKey,
  isStale,
  mergeDraft,
  readDraft,
  removeDraft,
  sameValues,
  writeDraft,
  type DraftAddress,
  type StoredDraft,
} from './draft-store'
import { hideDraftsNotice } from './DraftsNotice'
import { useGuardedForm } from './form-guard'

/** Typing pauses this long before the draft is written (and always on close, reload or unmount). */
const DRAFT_DELAY_MS = 400

/** A draft on offer to the form, and what the buyer can do with it. */
export interface FormDraft<V> {
  /** The draft found when the form opened, until restored or discarded; null when there is none. */
  offer: StoredDraft<V> | null
  /** The record was saved after the draft began: restoring replaces those newer values. */
  stale: boolean
  /** Puts the draft's values into the form. */
  restore(): void
  /** Throws the offered draft away. */
  discard(): void
  /** After a successful save: the draft is done with. */
  clear(): void
  /**
   * After a save that keeps the form open for the next record ("save and register another"): the
   * saved draft is gone and the form's new opening values are `next`; drafts are kept again from there.
   */
  restart(next: V): void
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

/**
 * Tells the dialog around a form (FormDrawer, FormModal) whether it has unsaved changes: values that
 * differ from what it opened with. For forms that keep no draft.
 */
export function useUnsavedGuard<V>(form: UseFormReturnType<V>, onDiscard?: () => void): void {
  useGuardedForm({
    isDirty: () => !sameValues(form.getValues(), form.getInitialValues()),
    onDiscard,
  })
}

/**
 * Keeps a local draft of a form as the buyer types, and offers it back the next time the same form opens
 * (after a crash, a reload, or a close). A draft is never applied without the buyer choosing 恢复. While
 * one is on offer it is left as it is (nothing overwrites it) until restored or discarded. Saving clears
 * it, and so does choosing 放弃修改 when closing.
 */
export function useFormDraft<V>(
  form: UseFormReturnType<V>,
  {
    address,
    recordUpdatedAt,
  }: {
    /** Which draft: form kind, record, context. */
    address: DraftAddress
    /** The record's updatedAt as the form opened; null for a new record. */
    recordUpdatedAt: string | null
  },
): FormDraft<V> {
  const key = draftKey(address)
  const storage = useMemo(() => browserStorage(), [])
  const [found] = useState(() => (storage ? readDraft<V>(storage, key) : null))
  // A draft that holds just what the form opened with has nothing to give back.
  const useless = found !== null && sameValues(found.values, form.getValues())
  const [offer, setOffer] = useState<StoredDraft<V> | null>(useless ? null : found)
  const offered = useRef(offer !== null)
  useEffect(() => {
    if (useless && storage) removeDraft(storage, key)
    if (offered.current) hideDraftsNotice()
    // Once, as the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  // Saved or discarded: nothing more is written, not even by the flush on unmount.
  const settled = useRef(false)

  const write = (values: V) => {
    if (!storage || settled.current || offered.current) return
    if (sameValues(values, form.getInitialValues())) removeDraft(storage, key)
    else {
      writeDraft(storage, key, values, {
        baseUpdatedAt: recordUpdatedAt,
        origin: window.location.hash,
        base: form.getInitialValues(),
      })
    }
  }
  const schedule = useDebouncedCallback(write, { delay: DRAFT_DELAY_MS, flushOnUnmount: true })
  const values = form.getValues()
  const seen = useRef(values)
  useEffect(() => {
    if (values === seen.current) return
    seen.current = values
    schedule(values)
  }, [values, schedule])
  // A reload or a closing window does not unmount React: write what is pending now.
  useWindowEvent('pagehide', () => schedule.flush())

  const clear = () => {
    // A draft still on offer was never part of what was saved or discarded: it stays for next time.
    if (offered.current) return
    settled.current = true
    schedule.cancel()
    if (storage) removeDraft(storage, key)
  }
  useUnsavedGuard(form, clear)

  return {
    offer,
    stale: offer !== null && isStale(offer, recordUpdatedAt),
    restore() {
      if (!offer) return
      offered.current = false
      setOffer(null)
      // As the buyer left it; over a record saved since, only the fields the draft changed.
      form.setValues(
        isStale(offer, recordUpdatedAt)
          ? mergeDraft(offer.values, offer.base, form.getValues())
          : offer.values,
      )
    },
    discard() {
      offered.current = false
      setOffer(null)
      if (storage) removeDraft(storage, key)
    },
    clear,
    restart(next) {
      if (offered.current) {
        // The buyer saved without taking the offered draft: it stays for next time, as with clear().
        offered.current = false
        setOffer(null)
      } else if (storage) removeDraft(storage, key)
      schedule.cancel()
      settled.current = false
      form.setInitialValues(next)
      form.setValues(next)
      form.resetDirty(next)
    },
  }
}
