/**
 * Drafts of half-typed forms, kept in the renderer's localStorage so that a crash, a reload or an
 * accidental close loses nothing. One draft per form kind + record (or "new") + the context a new record
 * was opened from (a factory, a tour), so a new visit for one factory never shows another's draft.
 * Only what survives JSON is kept: a Date comes back as a Date; files and blobs (photos being uploaded)
 * cannot live in localStorage and are dropped, with their paths named so the form can say so.
 */

/** Format version of a stored draft; a draft of another version is ignored (and removed on discard). */
const VERSION = 1
const PREFIX = 'workbench.draft.'

/** What the renderer stores per draft. */
export interface StoredDraft<V> {
  /** Format version, see VERSION. */
  version: number
  /** The form's values as typed. */
  values: V
  /** When the draft was last written, ISO-8601. */
  savedAt: string
  /** The record's updatedAt when the buyer started editing; null for a new record. */
  baseUpdatedAt: string | null
  /** Paths of values that could not be kept (files), e.g. 'photos.0'. */
  dropped: string[]
  /** The page (its hash) the form was open on, so the app can lead back to it after a crash. */
  origin: string | null
  /** What the form opened with, so restoring can bring back only what the buyer changed. */
  base: V | null
}

/** Names one form's draft. */
export interface DraftAddress {
  /** The form: 'visit', 'sample', 'quote', 'factory'. */
  kind: string
  /** The record edited, or null for a new one. */
  recordId: string | null
  /** Where a new record was opened from (factory id, tour id, mode); parts left empty are skipped. */
  context?: Record<string, string | null | undefined>
}

/** The storage key of a draft; stable for the same address whatever the order of its context. */
export function draftKey({ kind, recordId, context = {} }: DraftAddress): string {
  const parts = Object.keys(context)
    .sort()
    .filter((name) => context[name])
    .map((name) => `${name}=${context[name]}`)
  return [`${PREFIX}${kind}`, recordId ?? 'new', ...parts].join(':')
}

const DATE_TAG = '$date'

/** Values made JSON-safe: Dates tagged, files and blobs left out (their paths returned). */
export function toStorable(value: unknown): { value: unknown; dropped: string[] } {
  const dropped: string[] = []
  const convert = (v: unknown, at: string): unknown => {
    if (v instanceof Date) return { [DATE_TAG]: v.toISOString() }
    if (typeof Blob !== 'undefined' && v instanceof Blob) {
      dropped.push(at)
      return null
    }
    if (Array.isArray(v)) return v.map((item, i) => convert(item, at ? `${at}.${i}` : String(i)))
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v).map(([k, item]) => [k, convert(item, at ? `${at}.${k}` : k)]),
      )
    }
    if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') {
      dropped.push(at)
      return null
    }
    return v
  }
  return { value: convert(value, ''), dropped }
}

/** The inverse of toStorable for what it kept. */
export function fromStorable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromStorable)
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
    if (entries.length === 1 && entries[0]![0] === DATE_TAG && typeof entries[0]![1] === 'string') {
      return new Date(entries[0]![1])
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, fromStorable(v)]))
  }
  return value
}

/** Deep equality of form values (plain data, Dates by time), to tell a draft from what the form holds. */
export function sameValues(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime()
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValues(item, b[i]))
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    if (Array.isArray(a) || Array.isArray(b)) return false
    const ka = Object.keys(a)
    const kb = Object.keys(b)
    return (
      ka.length === kb.length &&
      ka.every((k) => Object.hasOwn(b, k) && sameValues((a as never)[k], (b as never)[k]))
    )
  }
  return false
}

/** Writes a draft; false when the storage refused it (full, or disabled), so the caller can say so. */
export function writeDraft<V>(
  storage: Storage,
  key: string,
  values: V,
  {
    baseUpdatedAt,
    origin = null,
    base = null,
    now = new Date(),
  }: { baseUpdatedAt: string | null; origin?: string | null; base?: V | null; now?: Date },
): boolean {
  const { value, dropped } = toStorable(values)
  const draft: StoredDraft<unknown> = {
    version: VERSION,
    values: value,
    savedAt: now.toISOString(),
    baseUpdatedAt,
    dropped,
    origin,
    base: base === null ? null : toStorable(base).value,
  }
  try {
    storage.setItem(key, JSON.stringify(draft))
    return true
  } catch {
    return false
  }
}

/** The draft under `key`, or null when there is none or what is stored is not a draft of this version. */
export function readDraft<V>(storage: Storage, key: string): StoredDraft<V> | null {
  let text: string | null
  try {
    text = storage.getItem(key)
  } catch {
    return null
  }
  if (text === null) return null
  try {
    const parsed = JSON.parse(text) as Partial<StoredDraft<unknown>>
    if (
      parsed.version !== VERSION ||
      typeof parsed.savedAt !== 'string' ||
      !('values' in parsed) ||
      typeof parsed.values !== 'object' ||
      parsed.values === null
    ) {
      return null
    }
    return {
      version: VERSION,
      values: fromStorable(parsed.values) as V,
      savedAt: parsed.savedAt,
      baseUpdatedAt: typeof parsed.baseUpdatedAt === 'string' ? parsed.baseUpdatedAt : null,
      dropped: Array.isArray(parsed.dropped) ? parsed.dropped.filter((p) => typeof p === 'string') : [],
      origin: typeof parsed.origin === 'string' ? parsed.origin : null,
      base: typeof parsed.base === 'object' && parsed.base !== null ? (fromStorable(parsed.base) as V) : null,
    }
  } catch {
    return null
  }
}

export function removeDraft(storage: Storage, key: string): void {
  try {
    storage.removeItem(key)
  } catch {
    // A storage that cannot be written holds no draft of ours either.
  }
}

/**
 * True when the record was saved (here or by sync) after the draft began: restoring would replace
 * those newer values, and the offer says so.
 */
export function isStale(draft: StoredDraft<unknown>, recordUpdatedAt: string | null): boolean {
  return draft.baseUpdatedAt !== null && recordUpdatedAt !== null && draft.baseUpdatedAt !== recordUpdatedAt
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)
}

/**
 * The values restoring a draft puts into the form: what the buyer changed in the draft (against what the
 * form opened with then), over what the form holds now. So a record saved again since (by sync, another
 * window) keeps its newer values in every field the draft left alone; a field changed on both sides takes
 * the draft's, as the buyer asked. Objects merge field by field; arrays (rows) count as one value.
 */
export function mergeDraft<V>(draft: V, base: V | null, current: V): V {
  if (base === null) return draft
  const merge = (d: unknown, b: unknown, c: unknown): unknown => {
    if (sameValues(d, b)) return c
    if (isPlainObject(d) && isPlainObject(b) && isPlainObject(c)) {
      const keys = new Set([...Object.keys(c), ...Object.keys(d)])
      return Object.fromEntries([...keys].map((k) => [k, k in d ? merge(d[k], b[k], c[k]) : c[k]]))
    }
    return d
  }
  return merge(draft, base, current) as V
}

/** One stored draft as the app lists them at start. */
export interface DraftListing {
  /** Its storage key. */
  key: string
  /** The form kind, first part of the key. */
  kind: string
  /** When it was last written. */
  savedAt: string
  /** The page the form was open on. */
  origin: string | null
}

/** Every draft stored, newest first. */
export function listDrafts(storage: Storage): DraftListing[] {
  const found: DraftListing[] = []
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i)
    if (!key?.startsWith(PREFIX)) continue
    const draft = readDraft(storage, key)
    if (!draft) continue
    const kind = key.slice(PREFIX.length).split(':')[0] ?? ''
    found.push({ key, kind, savedAt: draft.savedAt, origin: draft.origin })
  }
  return found.sort((a, b) => b.savedAt.localeCompare(a.savedAt))
}

/** When a draft was saved, as the offer shows it: '11:42' today, '11-30 11:42' this year, else with the year. */
export function draftTimeText(savedAt: string, now = new Date()): string {
  const d = new Date(savedAt)
  const pad = (n: number) => String(n).padStart(2, '0')
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`
  const sameYear = d.getFullYear() === now.getFullYear()
  if (sameYear && d.getMonth() === now.getMonth() && d.getDate() === now.getDate()) return time
  const day = `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${time}`
  return sameYear ? day : `${d.getFullYear()}-${day}`
}
