/**
 * The print pages: '#/print/<kind>/<id>?lang=zh-CN'. Outside the app shell (no navigation, no header),
 * so the page is the report and nothing else; both hosts' printers load these addresses.
 */

export const PRINT_KINDS = [
  'sample',
  'visit',
  'tour',
  'tour-summary',
  'tour-itinerary',
  'sku',
  'negotiation-sku',
  'negotiation-factory',
] as const
/**
 * sample and visit reports; a tour's summary followed by every sample's report; or the summary alone;
 * an SKU's one-page summary; the negotiation sheet of an SKU (a page per factory) or of a factory (its
 * page across its SKUs).
 */
export type PrintKind = (typeof PRINT_KINDS)[number]

/** One report to print. */
export interface PrintTarget {
  /** What is printed. */
  kind: PrintKind
  /** The sample, visit, tour or SKU id. */
  id: string
  /** A tour itinerary's day, 'YYYY-MM-DD'; every day when absent. */
  day?: string
}

/** True for an address the print page handles (checked before the app shell loads). */
export function isPrintHash(hash: string): boolean {
  return hash.startsWith('#/print/')
}

/** Parses '#/print/sample/<id>?lang=en[&dialog=1]'; null when it is not a print address. */
export function parsePrintHash(
  hash: string,
): (PrintTarget & { language: string | null; dialog: boolean; card: boolean }) | null {
  if (!isPrintHash(hash)) return null
  const [path = '', query = ''] = hash.slice('#/print/'.length).split('?')
  const [kind, id] = path.split('/').map(decodeURIComponent)
  if (!kind || !id || !(PRINT_KINDS as readonly string[]).includes(kind)) return null
  const params = new URLSearchParams(query)
  // dialog=1: opened for the browser's own print dialog (no Chromium to print with).
  // card=1: laid out as a phone-sized card (the PNG a buyer sends from the phone).
  const day = params.get('day')
  return {
    kind: kind as PrintKind,
    id,
    ...(day ? { day } : {}),
    language: params.get('lang'),
    dialog: params.get('dialog') === '1',
    card: params.get('card') === '1',
  }
}

/** The hash of a print page, e.g. '#/print/sample/<id>?lang=zh-CN'. */
export function printHash(target: PrintTarget, language: string): string {
  const day = target.day ? `&day=${encodeURIComponent(target.day)}` : ''
  return `#/print/${target.kind}/${encodeURIComponent(target.id)}?lang=${encodeURIComponent(language)}${day}`
}
