import type { CoreContext } from '../api/context'
import {
  SEARCH_KINDS,
  type SearchKind,
  type SearchMatch,
  type SearchQuery,
  type SearchResult,
  type SearchResults,
} from './search.contract'
import { docRange } from './search-index'
import { docsWithCode, ftsDocs, loadDocs, shortDocs, type DocRow } from './search.repository'
import { charCount, fold, ftsExpression, normalizeCode, queryTerms, snippet } from './search-text'
import type { z } from 'zod'

/**
 * Ranking: a record whose code equals the query comes first; then, per kind, records with every term
 * in their code or title, then records with every term anywhere; newest first within each tier. Kinds
 * are grouped, the group holding the best match first. Terms of 3+ characters use the FTS5 trigram
 * index; a query with any shorter term scans the compact search_short table instead.
 */

const TIER: Record<SearchMatch, number> = { code: 0, title: 1, body: 2 }

interface Hit {
  doc: number
  match: SearchMatch
}

// Matches one short-query scan returns at most; enough to rank a page without returning thousands.
const SCAN_CAP = 60

async function trigramHits(ctx: CoreContext, terms: string[], range: [number, number], limit: number) {
  const title = await ftsDocs(ctx.db, ftsExpression(terms, ['code', 'title']), range, limit)
  const any = title.length < limit ? await ftsDocs(ctx.db, ftsExpression(terms), range, limit * 2) : []
  return { title, any }
}

async function shortHits(ctx: CoreContext, terms: string[], range: [number, number], limit: number) {
  const found = await shortDocs(ctx.db, terms, false, range, SCAN_CAP)
  const title = found.filter((h) => h.in_title === 1).map((h) => h.doc)
  const last = found[found.length - 1]?.doc
  if (found.length === SCAN_CAP && title.length < limit && last !== undefined) {
    // More matches lie beyond the cap: look for title matches among them only, from where the scan stopped.
    title.push(...(await shortDocs(ctx.db, terms, true, [last + 1, range[1]], limit)).map((h) => h.doc))
  }
  return { title, any: found.map((h) => h.doc) }
}

async function hitsOfKind(
  ctx: CoreContext,
  kind: SearchKind,
  terms: string[],
  limit: number,
  exclude: ReadonlySet<number>,
): Promise<Hit[]> {
  if (limit <= 0) return []
  const range = docRange(kind)
  const trigram = terms.every((t) => charCount(t) >= 3)
  const wanted = limit + exclude.size
  const { title, any } = trigram
    ? await trigramHits(ctx, terms, range, wanted)
    : await shortHits(ctx, terms, range, wanted)
  const hits: Hit[] = []
  const seen = new Set(exclude)
  const add = (docs: number[], match: SearchMatch) => {
    for (const doc of docs) {
      if (hits.length >= limit || seen.has(doc)) continue
      seen.add(doc)
      hits.push({ doc, match })
    }
  }
  add(title, 'title')
  add(any, 'body')
  return hits
}

function snippetOf(doc: DocRow, match: SearchMatch, terms: string[]) {
  const fields = match === 'body' ? [doc.body, doc.subtitle, doc.title] : [doc.title, doc.code]
  for (const field of fields) {
    const parts = snippet(field, terms)
    if (parts.length > 0) return parts
  }
  return [{ text: doc.title, hit: false }]
}

/** Marks factory results the team should not source from now (blacklisted, paused), so a pick warns. */
async function markWarnedFactories(ctx: CoreContext, results: SearchResult[]): Promise<void> {
  const ids = results.filter((r) => r.kind === 'factory').map((r) => r.id)
  if (ids.length === 0) return
  const warned = await ctx.db
    .selectFrom('factories')
    .select(['id', 'status'])
    .where('id', 'in', ids)
    .where('status', 'in', ['blacklisted', 'paused'])
    .execute()
  const status = new Map(warned.map((f) => [f.id, f.status as 'blacklisted' | 'paused']))
  for (const result of results) {
    const found = result.kind === 'factory' ? status.get(result.id) : undefined
    if (found) result.factoryStatus = found
  }
}

export async function searchRecords(
  ctx: CoreContext,
  query: z.output<typeof SearchQuery>,
): Promise<SearchResults> {
  const terms = queryTerms(query.text)
  if (terms.length === 0) return { results: [], exactCode: false }
  const kinds = SEARCH_KINDS.filter((k) => !query.kinds || query.kinds.includes(k))
  const code = normalizeCode(query.text)
  const exact: Hit[] = []
  if (terms.length === 1 && code !== '') {
    for (const doc of await docsWithCode(ctx.db, code)) exact.push({ doc, match: 'code' })
  }
  const exactDocs = new Set(exact.map((h) => h.doc))
  const byKind = new Map<SearchKind, Hit[]>()
  for (const kind of kinds) {
    const [first, last] = docRange(kind)
    const own = exact.filter((h) => h.doc >= first && h.doc <= last).slice(0, query.limit)
    const rest = await hitsOfKind(ctx, kind, terms, query.limit - own.length, exactDocs)
    if (own.length + rest.length > 0) byKind.set(kind, [...own, ...rest])
  }
  const groups = [...byKind.entries()].sort(
    ([a, ha], [b, hb]) =>
      TIER[ha[0]!.match] - TIER[hb[0]!.match] || SEARCH_KINDS.indexOf(a) - SEARCH_KINDS.indexOf(b),
  )
  const hits = groups.flatMap(([, h]) => h)
  const rows = new Map(
    (
      await loadDocs(
        ctx.db,
        hits.map((h) => h.doc),
      )
    ).map((r) => [r.doc, r]),
  )
  const results: SearchResult[] = []
  for (const hit of hits) {
    const row = rows.get(hit.doc)
    if (!row) continue
    const firstCode = row.code.split(' ')[0]
    results.push({
      kind: row.kind,
      id: row.row_id,
      title: row.title,
      subtitle: row.subtitle,
      ...(firstCode ? { code: firstCode } : {}),
      match: hit.match,
      snippet: snippetOf(row, hit.match, hit.match === 'code' ? [fold(code)] : terms),
    })
  }
  await markWarnedFactories(ctx, results)
  const exactCode = exact.length === 1 && results[0]?.match === 'code'
  return { results, exactCode }
}
