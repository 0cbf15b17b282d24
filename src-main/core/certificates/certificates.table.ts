/** Row of `certificates`: one certificate a factory holds (ISO 9001, BSCI, 生产许可证 …). */
export interface CertificatesTable {
  id: string
  factory_id: string
  /** iso9001, iso14001, bsci, smeta, fsc, oeko_tex, production_licence, business_licence or other. */
  kind: string
  /** The kind in words when kind is 'other'. */
  kind_other: string
  number: string
  issuer: string
  /** First valid day 'YYYY-MM-DD', or null. */
  valid_from: string | null
  /** Last valid day 'YYYY-MM-DD', or null (no end date). */
  valid_to: string | null
  /** documents.id of the scan (a document of the same factory), or null. */
  scan_document_id: string | null
  notes: string
  created_at: string
  updated_at: string
  /** Tombstone. */
  deleted_at: string | null
}
