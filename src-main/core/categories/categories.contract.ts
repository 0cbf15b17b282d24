import { z } from 'zod'
import { defineCalls } from '../api/define'

/**
 * Category policy: HQ marks categories focus, normal or excluded (宠物主粮 was tried and dropped).
 * Registering a sample or an SKU brief in an excluded category needs an explicit override with a reason.
 */

const text = (max: number) => z.string().trim().max(max, 'errors.tooLong')
const RecordId = z.uuid('errors.id.invalid')

export const CATEGORY_STATUSES = ['focus', 'normal', 'excluded'] as const
export const CategoryStatus = z.enum(CATEGORY_STATUSES)
export type CategoryStatus = z.infer<typeof CategoryStatus>

export const CategoryInput = z.object({
  /** The name used on SKU briefs and samples, matched exactly (after trimming). */
  name: text(40).min(1, 'errors.required'),
  status: CategoryStatus.default('normal'),
  /** Why HQ set this status (shown beside the warning). */
  note: text(1000).default(''),
})
export type CategoryInput = z.input<typeof CategoryInput>
export type CategoryValues = z.output<typeof CategoryInput>

export const Category = CategoryInput.extend({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Category = z.output<typeof Category>

/** The explicit "register it anyway" a buyer gives for an excluded category; recorded on the record. */
export const CategoryOverride = z
  .object({
    override: z.literal(true, 'errors.category.overrideFlag'),
    reason: text(500).min(1, 'errors.category.overrideReason'),
  })
  .strict()
export type CategoryOverride = z.output<typeof CategoryOverride>

/** The override as the API shows it, from the reason stored on a record. */
export function overrideFromReason(reason: string): CategoryOverride | null {
  return reason === '' ? null : { override: true, reason }
}

/** What the policy says about one category name, so a form can warn before the buyer saves. */
export const CategoryPolicy = z.object({
  category: z.string(),
  /** 'normal' for a category HQ has not listed. */
  status: CategoryStatus,
  note: z.string(),
  /** True when saving a record in it needs an override with a reason. */
  overrideRequired: z.boolean(),
})
export type CategoryPolicy = z.infer<typeof CategoryPolicy>

const byId = z.object({ id: RecordId }).strict()

export const categoryCalls = defineCalls({
  'categories.list': {
    summary: 'Lists the category policy: focus categories first, then normal, then excluded, by pinyin.',
    input: z.object({}).strict(),
    output: z.array(Category),
  },
  'categories.create': {
    summary: 'Adds a category with its status; a name already listed is refused.',
    input: CategoryInput.strict(),
    output: Category,
  },
  'categories.update': {
    summary: 'Changes a category’s name, status or note.',
    input: z.object({ id: RecordId, values: CategoryInput.strict() }).strict(),
    output: Category,
  },
  'categories.delete': {
    summary: 'Removes a category from the policy (a tombstone); records in it become unrestricted.',
    input: byId,
    output: z.object({ id: z.string() }),
  },
  'categories.policy': {
    summary:
      'Says whether a category name is focus, normal or excluded and if saving in it needs an override.',
    input: z.object({ category: text(40) }).strict(),
    output: CategoryPolicy,
  },
})
