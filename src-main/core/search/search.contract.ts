import { z } from 'zod'
import { defineCalls } from '../api/define'

/**
 * One search over every kind of record (Ctrl+K and the header box). Shared with the renderer; messages
 * are i18n keys.
 */

/** Kinds of record search finds, in the order their groups are shown when they rank alike. */
export const SEARCH_KINDS = ['sample', 'factory', 'sku', 'visit', 'tour'] as const
export const SearchKind = z.enum(SEARCH_KINDS)
export type SearchKind = z.infer<typeof SearchKind>

/** Why a result was found: its code equals the query, the query is in its code or title, or elsewhere. */
export const SearchMatch = z.enum(['code', 'title', 'body'])
export type SearchMatch = z.infer<typeof SearchMatch>

export const SearchQuery = z.object({
  /** What the user typed or scanned; whitespace separates terms that must all occur. */
  text: z.string().max(500, 'errors.tooLong'),
  /** Only these kinds; all kinds when omitted. */
  kinds: z.array(SearchKind).min(1).optional(),
  /** Most results per kind. */
  limit: z.number().int().min(1).max(50).default(5),
})
export type SearchQuery = z.input<typeof SearchQuery>

export const SnippetPart = z.object({
  text: z.string(),
  hit: z.boolean(),
})

export const SearchResult = z.object({
  kind: SearchKind,
  /** The record's id (route: #/<kind>s/<id>). */
  id: z.string(),
  title: z.string(),
  /** A short line of context: place and belt, category, factory, dates. */
  subtitle: z.string(),
  /** The record's code (sample code, credit code), when it has one. */
  code: z.string().optional(),
  /** A factory the team should not source from now (blacklisted or paused), so a pick warns. */
  factoryStatus: z.enum(['blacklisted', 'paused']).optional(),
  match: SearchMatch,
  /** Text around the match with the matched parts marked. */
  snippet: z.array(SnippetPart),
})
export type SearchResult = z.infer<typeof SearchResult>

export const SearchResults = z.object({
  /** Grouped by kind (groups with the best match first), each group best match first. */
  results: z.array(SearchResult),
  /**
   * True when the query is exactly the code of one record, which is then results[0]: a scanned sample
   * label (code + Enter) opens that sample directly.
   */
  exactCode: z.boolean(),
})
export type SearchResults = z.infer<typeof SearchResults>

export const searchCalls = defineCalls({
  'search.query': {
    input: SearchQuery,
    output: SearchResults,
    summary:
      'Finds factories, samples, SKUs, visits and tours by Chinese substring (any length), code or Latin text, ranked exact code, title, then other fields.',
  },
})
