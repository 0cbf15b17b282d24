import { Alert } from '@mantine/core'

/** Why the last save failed, above the form's fields; nothing while there is no failure. */
export function FormFailure({ failure }: { failure: string | null }) {
  if (!failure) return null
  return (
    <Alert color="red" variant="light" data-testid="form-error">
      {failure}
    </Alert>
  )
}
