/** Row of `tours`: a planned trip through one or more industrial belts. */
export interface ToursTable {
  id: string
  name: string
  /** First day, 'YYYY-MM-DD'. */
  start_date: string
  /** Last day, 'YYYY-MM-DD' (inclusive). */
  end_date: string
  /** JSON string[] — industrial belts (产业带) on the route. */
  belts: string
  /** JSON string[] — names of the buyers travelling. */
  members: string
  /** JSON string[] — ids of the factories planned to be visited. */
  planned_factory_ids: string
  /** JSON object — factory id → planned tour day 'YYYY-MM-DD' (factories without a day are left out). */
  planned_days: string
  notes: string
  created_at: string
  updated_at: string
  /** Tombstone: set when deleted, so the deletion syncs. */
  deleted_at: string | null
}
