/** Row of `factories`; list-valued fields are JSON text. */
export interface FactoriesTable {
  id: string
  name: string
  shop_id: string
  credit_code: string
  /** Why a credit code whose check character fails is kept (migration 0014); '' otherwise. */
  credit_code_note: string
  province: string
  city: string
  address: string
  industrial_belt: string
  /** JSON string[] */
  categories: string
  /** JSON string[] — brands this factory makes for as OEM (代工品牌). */
  oem_brands: string
  /** JSON string[] */
  certifications: string
  capacity: string
  /**
   * Legacy JSON Contact[]: contacts live in `factory_contacts` since migration 0011. Kept so messages
   * from laptops not yet upgraded still apply (and are converted, see factory-contacts.legacy.ts).
   */
  contacts: string
  status: string
  notes: string
  created_at: string
  updated_at: string
  /** Tombstone: set when deleted, so the deletion syncs. */
  deleted_at: string | null
}
