import { Skeleton, Stack } from '@mantine/core'
import type { ReactNode } from 'react'
import { ApiCallError } from '../api/api-call-error'
import { ErrorAlert } from './ErrorAlert'

/**
 * A detail page whose record could not be read: the way back, and why. With `notFound`, a record the
 * core refused (not an internal failure) reads as "not found" rather than as an error.
 */
export function DetailError({
  back,
  error,
  notFound,
}: {
  /** The page's back link. */
  back: ReactNode
  /** What the read threw. */
  error: unknown
  /** Shown instead of the error when the record does not exist. */
  notFound?: ReactNode
}) {
  const missing =
    notFound !== undefined && error instanceof ApiCallError && error.apiError.code !== 'internal'
  return (
    <Stack gap="md" maw={760}>
      {back}
      {missing ? notFound : <ErrorAlert error={error} />}
    </Stack>
  )
}

/** A detail page while its record loads: the way back over placeholders for the title and the body. */
export function DetailLoading({
  back,
  maw = 1100,
  titleWidth = 320,
  bodyHeight = 300,
}: {
  /** The page's back link. */
  back: ReactNode
  /** The loaded page's width, so nothing jumps when it arrives. */
  maw?: number
  /** Width of the title placeholder. */
  titleWidth?: number
  /** Height of the body placeholder. */
  bodyHeight?: number
}) {
  return (
    <Stack gap="md" maw={maw}>
      {back}
      <Skeleton h={36} w={titleWidth} />
      <Skeleton h={bodyHeight} />
    </Stack>
  )
}
