/** The sample status workflow: requested → received → evaluating → approved | rejected. Pure. */

export const SAMPLE_STATUSES = ['requested', 'received', 'evaluating', 'approved', 'rejected'] as const
export type SampleStatus = (typeof SAMPLE_STATUSES)[number]

/** Statuses a sample may be registered with: asked for, or handed over in the meeting. */
export const INITIAL_SAMPLE_STATUSES = ['requested', 'received'] as const

/** The statuses each status may move to; approved and rejected are final. */
export const SAMPLE_TRANSITIONS: Readonly<Record<SampleStatus, readonly SampleStatus[]>> = {
  requested: ['received'],
  received: ['evaluating'],
  evaluating: ['approved', 'rejected'],
  approved: [],
  rejected: [],
}

export function canTransition(from: SampleStatus, to: SampleStatus): boolean {
  return SAMPLE_TRANSITIONS[from].includes(to)
}

/** Transitions that need a reason recorded with them. */
export function reasonRequired(to: SampleStatus): boolean {
  return to === 'rejected'
}
