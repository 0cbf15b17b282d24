import type { z } from 'zod'

/** One API call: its input and output schemas and a line for docs/api.md. */
export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I
  output: O
  /** One sentence saying what the call does, shown in docs/api.md. */
  summary: string
}

export type CallMap = Record<string, CallSpec>

/** Declares a feature's calls; the identity function keeps the literal names in the type. */
export function defineCalls<T extends CallMap>(calls: T): T {
  return calls
}

/** Merges feature call maps into one contract; a name declared twice is a start-up error. */
export function mergeCalls<T extends CallMap[]>(...maps: T): UnionToIntersection<T[number]> {
  const merged: CallMap = {}
  for (const map of maps) {
    for (const [name, spec] of Object.entries(map)) {
      if (name in merged) throw new Error(`API call "${name}" is declared twice`)
      merged[name] = spec
    }
  }
  return merged as UnionToIntersection<T[number]>
}

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void
  ? I
  : never

/** Parsed input a handler receives. */
export type InputOf<C extends CallSpec> = z.output<C['input']>
/** What a handler returns (before output validation); handlers may return read-only data. */
export type OutputOf<C extends CallSpec> = DeepReadonly<z.input<C['output']>>

type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T
/** What a client receives. */
export type ResultOf<C extends CallSpec> = z.output<C['output']>
