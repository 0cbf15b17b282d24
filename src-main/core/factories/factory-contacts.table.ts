/**
 * Row of `factory_contacts`: one person at a factory. A row each (not a JSON list on the factory), so
 * two buyers adding contacts offline both keep them and edits of different fields of one contact merge.
 */
export interface FactoryContactsTable {
  id: string
  factory_id: string
  name: string
  role: string
  phone: string
  wechat: string
  /** Position in the factory's list, ascending; ties fall back to created_at and id. */
  sort_order: number
  created_at: string
  updated_at: string
  /** Tombstone: set when removed, so the removal syncs. */
  deleted_at: string | null
}
