import { z } from 'zod'
import { defineCalls } from '../api/define'
import { creditCodeProblem } from '../domain/credit-code'
import { isValidPhone, normalizePhone } from '../domain/phone'

/**
 * Factories: the source factories (源头工厂) a buyer visits. Shared with the renderer, whose forms
 * validate with these same schemas; messages are i18n keys.
 */

export const FACTORY_STATUSES = ['prospect', 'qualified', 'paused', 'blacklisted'] as const
export const FactoryStatus = z.enum(FACTORY_STATUSES)
export type FactoryStatus = z.infer<typeof FactoryStatus>

const text = (max: number) => z.string().trim().max(max, 'errors.tooLong')
const tagList = z.array(text(40).min(1, 'errors.required')).max(50, 'errors.tooMany')

export const Contact = z.object({
  name: text(40).min(1, 'errors.required'),
  role: text(40).default(''),
  /** Stored in its normal form (domain/phone.ts), so one number typed two ways is one number. */
  phone: text(40)
    .default('')
    .refine((v) => v === '' || isValidPhone(v), 'errors.phone.invalid')
    .transform((v) => normalizePhone(v) ?? v),
  wechat: text(40).default(''),
  /** The stored contact this entry edits; absent for a new contact. */
  id: z.uuid('errors.id.invalid').optional(),
})
export type Contact = z.infer<typeof Contact>
export type ContactValues = z.output<typeof Contact>

/** A stored contact (a row of its own, so each one syncs and merges by itself). */
export const FactoryContact = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  phone: z.string(),
  wechat: z.string(),
})
export type FactoryContact = z.infer<typeof FactoryContact>

/** Most live contacts one factory keeps. */
export const MAX_CONTACTS = 20

/**
 * A credit code of the right length and alphabet. A failing check character is not refused here: the
 * factory keeps it with a reason (FactoryInput checks that the reason is given).
 */
export const CreditCode = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .superRefine((value, ctx) => {
    if (value === '') return
    const problem = creditCodeProblem(value)
    if (problem && problem !== 'checksum')
      ctx.addIssue({ code: 'custom', message: `errors.creditCode.${problem}` })
  })

/** True when a (well-formed) credit code's check character fails: kept only with a reason. */
export function creditCodeNeedsReason(code: string): boolean {
  return code !== '' && creditCodeProblem(code) === 'checksum'
}

/** The fields of a factory as a buyer enters them, before the rules across fields. */
const FactoryFields = z.object({
  name: text(100).min(1, 'errors.required'),
  shopId: text(64)
    .default('')
    .refine((v) => v === '' || /^[\w.-]{2,64}$/.test(v), 'errors.shopId.invalid'),
  creditCode: CreditCode.default(''),
  /** Why a credit code whose check character fails is kept; required then, dropped otherwise. */
  creditCodeNote: text(200).default(''),
  province: text(20).default(''),
  city: text(30).default(''),
  address: text(200).default(''),
  industrialBelt: text(40).default(''),
  categories: tagList.default([]),
  oemBrands: tagList.default([]),
  certifications: tagList.default([]),
  capacity: text(200).default(''),
  /**
   * Contacts to save, in display order: an entry with an id edits that contact (only changed fields
   * are written), one without adds a contact. A stored contact left out is kept, never removed by
   * omission (it may have arrived by sync after the form was opened); removals are named explicitly.
   */
  contacts: z.array(Contact).max(MAX_CONTACTS, 'errors.tooMany').default([]),
  status: FactoryStatus.default('prospect'),
  notes: text(5000).default(''),
})

/** What a buyer enters for a factory (create and edit). */
export const FactoryInput = FactoryFields.refine(
  (values) => !creditCodeNeedsReason(values.creditCode) || values.creditCodeNote !== '',
  {
    path: ['creditCodeNote'],
    message: 'errors.creditCode.reasonRequired',
    // Asked also while other fields are wrong, so the form shows it with them, not after them.
    when: ({ value }) => {
      const v = value as { creditCode?: unknown; creditCodeNote?: unknown } | null
      return typeof v?.creditCode === 'string' && typeof v.creditCodeNote === 'string'
    },
  },
)
export type FactoryInput = z.input<typeof FactoryInput>
export type FactoryValues = z.output<typeof FactoryInput>

export const FactoryId = z.uuid('errors.id.invalid')

export const Factory = FactoryFields.extend({
  id: z.string(),
  contacts: z.array(FactoryContact),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Factory = z.output<typeof Factory>

/** How a factory stands at a glance: shown in lists, pickers and a tour's plan. */
export const FactoryGlance = z.object({
  /** Date of its newest live visit, 'YYYY-MM-DD'; null when never visited. */
  lastVisitDate: z.string().nullable(),
  /** Mean score of its newest scored visit; null when never scored. */
  latestScore: z.number().nullable(),
  /** Follow-ups of its visits still open. */
  openFollowUps: z.number().int(),
})
export type FactoryGlance = z.infer<typeof FactoryGlance>

/** The lean row of the factory list (10,000 of them must load and scroll quickly). */
export const FactorySummary = z.object({
  id: z.string(),
  name: z.string(),
  province: z.string(),
  city: z.string(),
  industrialBelt: z.string(),
  categories: z.array(z.string()),
  oemBrands: z.array(z.string()),
  status: FactoryStatus,
  /** The reason given for keeping a credit code whose check character fails; null when it passes. */
  creditCodeWarning: z.string().nullable(),
  contactCount: z.number().int(),
  updatedAt: z.string(),
  /** Last visit, latest score and open follow-ups (of the rows on the page). */
  glance: FactoryGlance,
})
export type FactorySummary = z.infer<typeof FactorySummary>

export const FACTORY_SORT_KEYS = ['name', 'province', 'industrialBelt', 'status', 'updatedAt'] as const
export const FactorySortKey = z.enum(FACTORY_SORT_KEYS)
export type FactorySortKey = z.infer<typeof FactorySortKey>

/** The most rows one list page may ask for; the list pages in as the user scrolls. */
export const FACTORY_PAGE_MAX = 1000

export const FactoryListQuery = z
  .object({
    /** Substring matched against name, place, belt, categories, OEM brands, shop id and credit code. */
    search: z.string().trim().max(100, 'errors.tooLong').default(''),
    statuses: z.array(FactoryStatus).max(FACTORY_STATUSES.length).default([]),
    sort: FactorySortKey.default('updatedAt'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    /** Matches to skip, in the sorted order (ties are broken by id, so pages never overlap). */
    offset: z.number().int().min(0).default(0),
    /** Most rows to return; without it, every match from `offset` on. */
    limit: z.number().int().min(1).max(FACTORY_PAGE_MAX).optional(),
  })
  .strict()
export type FactoryListQuery = z.output<typeof FactoryListQuery>

/** Live factories counted by status (what the dashboard shows, without loading the list). */
export const FactoryStats = z.object({
  total: z.number().int(),
  byStatus: z.object({
    prospect: z.number().int(),
    qualified: z.number().int(),
    paused: z.number().int(),
    blacklisted: z.number().int(),
  }) satisfies z.ZodType<Record<FactoryStatus, number>>,
})
export type FactoryStats = z.infer<typeof FactoryStats>

export const factoryCalls = defineCalls({
  'factories.list': {
    summary:
      'Lists live factories matching a search and status filter, sorted (names by pinyin), one page ' +
      'at a time with offset/limit; total counts every match.',
    input: FactoryListQuery,
    output: z.object({ items: z.array(FactorySummary), total: z.number().int() }),
  },
  'factories.stats': {
    summary: 'Counts live factories, in all and by status.',
    input: z.object({}).strict(),
    output: FactoryStats,
  },
  'factories.get': {
    summary: 'Returns one live factory by id.',
    input: z.object({ id: FactoryId }).strict(),
    output: Factory,
  },
  'factories.create': {
    summary: 'Creates a factory and returns it.',
    input: FactoryInput.strict(),
    output: Factory,
  },
  'factories.update': {
    summary:
      'Replaces the fields of a factory; only changed fields are written and synced. Contacts are ' +
      'saved one by one: entries with an id edit that contact, entries without add one, and ' +
      '`removedContactIds` removes contacts (tombstones); a contact left out is kept.',
    input: z
      .object({
        id: FactoryId,
        values: FactoryInput.strict(),
        removedContactIds: z
          .array(FactoryId)
          .max(MAX_CONTACTS * 5, 'errors.tooMany')
          .default([]),
      })
      .strict(),
    output: Factory,
  },
  'factories.delete': {
    summary: 'Deletes a factory (a tombstone, so the deletion syncs).',
    input: z.object({ id: FactoryId }).strict(),
    output: z.object({ id: z.string() }),
  },
})
