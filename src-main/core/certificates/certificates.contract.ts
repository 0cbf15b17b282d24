import { z } from 'zod'
import { defineCalls } from '../api/define'
import { EXPIRING_WITHIN_DAYS } from '../domain/certificate-status'

/**
 * A factory's certificates as records: kind, number, issuer, validity and an optional scan (one of
 * the factory's documents). Each read says whether it has expired or expires within 60 days,
 * computed on this laptop's calendar day (certificate-status.ts).
 */

export const CERTIFICATE_KINDS = [
  'iso9001',
  'iso14001',
  'bsci',
  'smeta',
  'fsc',
  'oeko_tex',
  'production_licence',
  'business_licence',
  'other',
] as const
export const CertificateKind = z.enum(CERTIFICATE_KINDS)
export type CertificateKind = z.infer<typeof CertificateKind>

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** A calendar date 'YYYY-MM-DD' that exists (no 2026-02-30). */
export const CalendarDay = z.string().refine((v) => {
  const m = DAY.exec(v)
  if (!m) return false
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === v
}, 'errors.date.invalid')

const id = z.uuid('errors.id.invalid')
const text = (max: number) => z.string().trim().max(max, 'errors.tooLong')

export const CertificateState = z.enum(['valid', 'expiring', 'expired', 'no_expiry'])

export const Certificate = z.object({
  id: z.string(),
  factoryId: z.string(),
  kind: CertificateKind,
  /** The kind in the buyer's words when kind is 'other' (e.g. "GOTS"). */
  kindOther: z.string(),
  number: z.string(),
  issuer: z.string(),
  validFrom: z.string().nullable(),
  /** Last valid day; null: no end date (长期有效). */
  validTo: z.string().nullable(),
  /** The scan's document id, or null. */
  scanDocumentId: z.string().nullable(),
  notes: z.string(),
  state: CertificateState,
  /** Calendar days from today to validTo (negative: expired); null without validTo. */
  daysLeft: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Certificate = z.infer<typeof Certificate>

/** A certificate in the cross-factory list, with its factory's name. */
export const ExpiringCertificate = Certificate.extend({ factoryName: z.string() })
export type ExpiringCertificate = z.infer<typeof ExpiringCertificate>

const fields = {
  kind: CertificateKind,
  kindOther: text(60),
  number: text(100),
  issuer: text(100),
  validFrom: CalendarDay.nullable(),
  validTo: CalendarDay.nullable(),
  scanDocumentId: id.nullable(),
  notes: text(1000),
}

/** valid to ≥ valid from; 'other' names its kind. Field errors sit on validTo and kindOther. */
function checkRules(value: Partial<Record<keyof typeof fields, unknown>>, ctx: z.RefinementCtx): void {
  const { validFrom, validTo } = value
  if (typeof validFrom === 'string' && typeof validTo === 'string' && validTo < validFrom) {
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'errors.certificate.toBeforeFrom' })
  }
  if (value.kind === 'other' && typeof value.kindOther === 'string' && value.kindOther.trim() === '') {
    ctx.addIssue({ code: 'custom', path: ['kindOther'], message: 'errors.certificate.kindOtherRequired' })
  }
}

export const CertificateValues = z
  .object({
    ...fields,
    kindOther: fields.kindOther.default(''),
    number: fields.number.default(''),
    issuer: fields.issuer.default(''),
    validFrom: fields.validFrom.default(null),
    validTo: fields.validTo.default(null),
    scanDocumentId: fields.scanDocumentId.default(null),
    notes: fields.notes.default(''),
  })
  .strict()
  .superRefine(checkRules)
export type CertificateValues = z.infer<typeof CertificateValues>

export const certificateCalls = defineCalls({
  'certificates.list': {
    summary: "Lists a factory's certificates, each with its expired / expiring flag, soonest end first.",
    input: z.object({ factoryId: id }).strict(),
    output: z.object({ items: z.array(Certificate) }),
  },
  'certificates.get': {
    summary: 'One certificate with its flag.',
    input: z.object({ id }).strict(),
    output: Certificate,
  },
  'certificates.create': {
    summary:
      'Adds a certificate to a factory; valid to must not be before valid from, and a scan must be a ' +
      'document of the same factory.',
    input: z.object({ factoryId: id, values: CertificateValues }).strict(),
    output: Certificate,
  },
  'certificates.update': {
    summary: "Changes a certificate's fields (only those that change are written).",
    input: z.object({ id, values: z.object(fields).partial().strict().superRefine(checkRules) }).strict(),
    output: Certificate,
  },
  'certificates.delete': {
    summary: 'Deletes a certificate (to the Trash, restorable).',
    input: z.object({ id }).strict(),
    output: z.object({ id: z.string() }),
  },
  'certificates.expiring': {
    summary:
      `Certificates of live factories that have expired or end within \`withinDays\` (default ` +
      `${EXPIRING_WITHIN_DAYS}) of today, soonest first: for the factory list's badges and the Today page.`,
    input: z
      .object({
        withinDays: z.number().int().min(0).max(3650).default(EXPIRING_WITHIN_DAYS),
        /** Include certificates that have already expired (default true). */
        includeExpired: z.boolean().default(true),
        limit: z.number().int().min(1).max(10_000).default(1000),
      })
      .strict(),
    output: z.object({ today: z.string(), items: z.array(ExpiringCertificate) }),
  },
})
