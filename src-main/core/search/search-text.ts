/**
 * Pure text handling for search: normalization, case folding, splitting a query into terms, FTS5 query
 * building (user input never reaches FTS5 as syntax) and highlighted snippets.
 */

/** Most characters a term may have; longer input is cut (nobody types a paragraph into search). */
export const MAX_QUERY_CHARS = 100

/**
 * NFKC: full-width Latin and digits typed through a Chinese IME (Ｓ－２０２６) become the ASCII a
 * scanner types; stored text is normalized the same way so both sides compare equal.
 */
export function normalize(text: string): string {
  return text.normalize('NFKC')
}

/**
 * Lower-cases without changing the length in UTF-16 units, so positions found in the folded text are
 * positions in the original (a few characters, such as 'İ', grow when lower-cased; they are kept as is).
 */
export function fold(text: string): string {
  let out = ''
  for (const ch of text) {
    const lower = ch.toLowerCase()
    out += lower.length === ch.length ? lower : ch
  }
  return out
}

/** How a code is stored and compared: normalized, trimmed, upper-case. */
export function normalizeCode(code: string): string {
  return normalize(code).trim().toUpperCase()
}

/** Number of characters (code points), as FTS5's trigram tokenizer counts them. */
export function charCount(text: string): number {
  let n = 0
  for (const _ of text) n++
  return n
}

/** The distinct whitespace-separated terms of a query, normalized and folded; empty when nothing to find. */
export function queryTerms(text: string): string[] {
  // Control characters never occur in stored text (one separates search_short's title from the rest).
  const cut = [...normalize(text).replace(/\p{Cc}/gu, ' ')].slice(0, MAX_QUERY_CHARS).join('')
  const terms = fold(cut)
    .split(/\s+/u)
    .filter((t) => t.length > 0)
  return [...new Set(terms)]
}

/** A term as an FTS5 string: inside double quotes every character is literal but the quote itself. */
export function ftsString(term: string): string {
  return `"${term.replaceAll('"', '""')}"`
}

/**
 * An FTS5 expression requiring every term, optionally within the given columns. Built only from quoted
 * strings, so NEAR, AND, OR, *, ^ and column names in the user's input stay plain text.
 */
export function ftsExpression(terms: readonly string[], columns?: readonly string[]): string {
  const filter = columns ? `{${columns.join(' ')}} : ` : ''
  return terms.map((t) => `${filter}${ftsString(t)}`).join(' AND ')
}

/** A piece of a snippet; `hit` pieces are the matched text, shown highlighted. */
export interface SnippetPart {
  /** The text of this piece. */
  text: string
  /** True where this piece matched a query term. */
  hit: boolean
}

/**
 * The part of `text` around the first matched term, cut to about `width` characters, with every
 * occurrence of every term marked. Empty when no term occurs in `text`.
 */
export function snippet(text: string, terms: readonly string[], width = 60): SnippetPart[] {
  const folded = fold(text)
  const first = Math.min(...terms.map((t) => folded.indexOf(t)).filter((i) => i >= 0))
  if (!Number.isFinite(first)) return []
  const start = surrogateSafe(text, Math.max(0, first - Math.floor(width / 3)))
  const end = surrogateSafe(text, Math.min(text.length, start + width))
  const marks = new Array<boolean>(end - start).fill(false)
  for (const term of terms) {
    for (let i = folded.indexOf(term, start); i >= 0 && i < end; i = folded.indexOf(term, i + 1)) {
      for (let j = i; j < Math.min(end, i + term.length); j++) marks[j - start] = true
    }
  }
  const parts: SnippetPart[] = []
  if (start > 0) parts.push({ text: '…', hit: false })
  for (let i = 0; i < marks.length; i++) {
    const hit = marks[i] ?? false
    const last = parts[parts.length - 1]
    const ch = text[start + i] ?? ''
    if (last && last.hit === hit) last.text += ch
    else parts.push({ text: ch, hit })
  }
  if (end < text.length) parts.push({ text: '…', hit: false })
  return parts
}

// Moves a cut off the second half of a surrogate pair, so a snippet never splits an emoji or rare hanzi.
function surrogateSafe(text: string, index: number): number {
  const code = text.charCodeAt(index)
  return code >= 0xdc00 && code <= 0xdfff ? index - 1 : index
}
