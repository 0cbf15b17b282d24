import { describe, expect, it } from 'vitest'
import {
  draftKey,
  draftTimeText,
  fromStorable,
  isStale,
  listDrafts,
  mergeDraft,
  readDraft,
  removeDraft,
  sameValues,
  toStorable,
  writeDraft,
} from './draft-store'

/** localStorage's contract in memory; `full` makes every write throw as a full quota does. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>()
  full = false
  get length() {
    return this.items.size
  }
  clear() {
    this.items.clear()
  }
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null
  }
  removeItem(key: string) {
    this.items.delete(key)
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('quota', 'QuotaExceededError')
    this.items.set(key, value)
  }
}

const visit = {
  factoryId: 'f1',
  visitDate: '2026-12-01',
  scores: { design: { score: '4', note: '打样快' }, capacity: { score: '', note: '' } },
  notes: '浓香型基酒充足',
  followUps: [{ text: '寄试饮装', dueDate: null }],
}

describe('draft keys', () => {
  it('name the form kind, the record or "new", and the context in a stable order', () => {
    expect(draftKey({ kind: 'visit', recordId: null, context: { tour: 't1', factory: 'f1' } })).toBe(
      draftKey({ kind: 'visit', recordId: null, context: { factory: 'f1', tour: 't1' } }),
    )
    expect(draftKey({ kind: 'visit', recordId: null, context: { factory: 'f1' } })).toBe(
      'workbench.draft.visit:new:factory=f1',
    )
    expect(draftKey({ kind: 'sample', recordId: 'r1' })).toBe('workbench.draft.sample:r1')
  })

  it('skip empty context parts, so a form opened without a factory has one key', () => {
    expect(draftKey({ kind: 'visit', recordId: null, context: { factory: undefined, tour: null } })).toBe(
      draftKey({ kind: 'visit', recordId: null }),
    )
  })

  it('keep a new visit for one factory apart from one for another', () => {
    const a = draftKey({ kind: 'visit', recordId: null, context: { factory: 'f1' } })
    const b = draftKey({ kind: 'visit', recordId: null, context: { factory: 'f2' } })
    expect(a).not.toBe(b)
  })
})

describe('writing and reading drafts', () => {
  it('gives back exactly what was typed, with when and against which version', () => {
    const storage = new MemoryStorage()
    const now = new Date('2026-12-01T03:42:00Z')
    expect(writeDraft(storage, 'k', visit, { baseUpdatedAt: '2026-11-30T01:00:00Z', now })).toBe(true)
    expect(readDraft(storage, 'k')).toEqual({
      version: 1,
      values: visit,
      savedAt: now.toISOString(),
      baseUpdatedAt: '2026-11-30T01:00:00Z',
      dropped: [],
      origin: null,
      base: null,
    })
  })

  it('brings Dates back as Dates and names the files it could not keep', () => {
    const storage = new MemoryStorage()
    const photo = new Blob(['jpeg bytes'], { type: 'image/jpeg' })
    const when = new Date('2026-12-01T08:00:00Z')
    writeDraft(storage, 'k', { when, photos: [photo], name: '样品' }, { baseUpdatedAt: null })
    const draft = readDraft<{ when: Date; photos: unknown[]; name: string }>(storage, 'k')!
    expect(draft.values.when).toBeInstanceOf(Date)
    expect(draft.values.when.getTime()).toBe(when.getTime())
    expect(draft.values.photos).toEqual([null])
    expect(draft.values.name).toBe('样品')
    expect(draft.dropped).toEqual(['photos.0'])
  })

  it('says so when the storage is full, and keeps the draft it had', () => {
    const storage = new MemoryStorage()
    writeDraft(storage, 'k', visit, { baseUpdatedAt: null })
    storage.full = true
    expect(writeDraft(storage, 'k', { ...visit, notes: '更新' }, { baseUpdatedAt: null })).toBe(false)
    expect(readDraft<typeof visit>(storage, 'k')!.values.notes).toBe(visit.notes)
  })

  it('ignores what is not a draft of this version instead of offering garbage', () => {
    const storage = new MemoryStorage()
    storage.setItem('broken', '{not json')
    storage.setItem('old', JSON.stringify({ version: 0, values: {}, savedAt: 'x' }))
    storage.setItem('novalues', JSON.stringify({ version: 1, savedAt: '2026-12-01T00:00:00Z' }))
    expect(readDraft(storage, 'broken')).toBeNull()
    expect(readDraft(storage, 'old')).toBeNull()
    expect(readDraft(storage, 'novalues')).toBeNull()
    expect(readDraft(storage, 'missing')).toBeNull()
  })

  it('removes a draft for good', () => {
    const storage = new MemoryStorage()
    writeDraft(storage, 'k', visit, { baseUpdatedAt: null })
    removeDraft(storage, 'k')
    expect(readDraft(storage, 'k')).toBeNull()
    expect(storage.length).toBe(0)
  })
})

describe('listing drafts at start', () => {
  it('finds only drafts, newest first, with the page each form was open on', () => {
    const storage = new MemoryStorage()
    storage.setItem('workbench.secret', 'not a draft')
    storage.setItem('workbench.draft.visit:new', 'garbage')
    writeDraft(
      storage,
      'workbench.draft.sample:new:visit=v1',
      { name: 'a' },
      {
        baseUpdatedAt: null,
        origin: '#/visits/v1',
        now: new Date('2026-12-01T01:00:00Z'),
      },
    )
    writeDraft(
      storage,
      'workbench.draft.quote:q1:mode=update:sku=s1',
      { note: 'b' },
      {
        baseUpdatedAt: '2026-11-30T00:00:00Z',
        origin: '#/skus/s1',
        now: new Date('2026-12-01T02:00:00Z'),
      },
    )
    expect(listDrafts(storage)).toEqual([
      {
        key: 'workbench.draft.quote:q1:mode=update:sku=s1',
        kind: 'quote',
        savedAt: '2026-12-01T02:00:00.000Z',
        origin: '#/skus/s1',
      },
      {
        key: 'workbench.draft.sample:new:visit=v1',
        kind: 'sample',
        savedAt: '2026-12-01T01:00:00.000Z',
        origin: '#/visits/v1',
      },
    ])
  })
})

describe('restoring a draft over a record saved again since', () => {
  const base = { name: '禾映纸业', notes: '', capacity: '', scores: { design: '3', rnd: '' }, tags: ['a'] }
  it('brings back only what the buyer changed, keeping newer values elsewhere', () => {
    const draft = { ...base, notes: '月产能待核实', scores: { design: '3', rnd: '4' } }
    const current = { ...base, capacity: '日产 80 吨', scores: { design: '5', rnd: '' } }
    expect(mergeDraft(draft, base, current)).toEqual({
      name: '禾映纸业',
      notes: '月产能待核实',
      capacity: '日产 80 吨',
      scores: { design: '5', rnd: '4' },
      tags: ['a'],
    })
  })
  it('takes the draft where both sides changed one field, and arrays as one value', () => {
    const draft = { ...base, notes: '草稿', tags: ['a', 'b'] }
    const current = { ...base, notes: '别处', tags: ['c'] }
    expect(mergeDraft(draft, base, current)).toEqual({ ...base, notes: '草稿', tags: ['a', 'b'] })
  })
  it('is the draft itself when there is no base (an older draft)', () => {
    const draft = { ...base, notes: '草稿' }
    expect(mergeDraft(draft, null, { ...base, capacity: 'x' })).toBe(draft)
  })
  it('stores the base with the draft and reads it back', () => {
    const storage = new MemoryStorage()
    writeDraft(storage, 'k', { ...base, notes: '草稿' }, { baseUpdatedAt: 't1', base })
    expect(readDraft(storage, 'k')!.base).toEqual(base)
  })
})

describe('stale drafts', () => {
  const draftOf = (baseUpdatedAt: string | null) => ({
    version: 1,
    values: {},
    savedAt: '2026-12-01T03:42:00Z',
    baseUpdatedAt,
    dropped: [],
    origin: null,
    base: null,
  })
  it('are those of a record saved again since the draft began', () => {
    expect(isStale(draftOf('2026-12-01T01:00:00Z'), '2026-12-01T02:00:00Z')).toBe(true)
    expect(isStale(draftOf('2026-12-01T01:00:00Z'), '2026-12-01T01:00:00Z')).toBe(false)
  })
  it('never include drafts of new records', () => {
    expect(isStale(draftOf(null), null)).toBe(false)
  })
})

describe('comparing form values', () => {
  it('is deep, ignores key order, tells arrays from objects and compares Dates by time', () => {
    expect(sameValues(visit, structuredClone(visit))).toBe(true)
    expect(sameValues({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true)
    expect(sameValues({ a: [1] }, { a: { 0: 1 } })).toBe(false)
    expect(sameValues({ a: '' }, { a: null })).toBe(false)
    expect(sameValues({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(sameValues(new Date(5), new Date(5))).toBe(true)
    expect(sameValues({ ...visit, notes: '改了' }, visit)).toBe(false)
  })

  it('round-trips through storable form', () => {
    const value = { day: new Date('2026-12-01T00:00:00Z'), list: [{ x: 1 }], none: null }
    expect(sameValues(fromStorable(toStorable(value).value), value)).toBe(true)
  })
})

describe('the time an offer shows', () => {
  const now = new Date(2026, 11, 1, 15, 0)
  it('is the time alone today, the day and time this year, and the full date before', () => {
    expect(draftTimeText(new Date(2026, 11, 1, 11, 42).toISOString(), now)).toBe('11:42')
    expect(draftTimeText(new Date(2026, 10, 30, 9, 5).toISOString(), now)).toBe('11-30 09:05')
    expect(draftTimeText(new Date(2025, 0, 2, 9, 5).toISOString(), now)).toBe('2025-01-02 09:05')
  })
})
