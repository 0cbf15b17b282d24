/** Row of `categories`: the category policy HQ sets (focus, normal or excluded). */
export interface CategoriesTable {
  id: string
  /** Category name as used on SKUs and samples, e.g. 生活用纸, 宠物主粮. */
  name: string
  /** focus | normal | excluded */
  status: string
  note: string
  created_at: string
  updated_at: string
  /** Tombstone: set when deleted, so the deletion syncs. */
  deleted_at: string | null
}
