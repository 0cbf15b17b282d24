import { AppError } from '../api/errors'

/** Guards a condition that the code before it must already guarantee. */
export function strictAssert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AppError('internal', 'errors.internal', `assertion failed: ${message}`)
}

/** Makes a switch over a union exhaustive: adding a member without a case is a type error. */
export function assertNever(value: never): never {
  throw new AppError('internal', 'errors.internal', `unexpected value: ${JSON.stringify(value)}`)
}
