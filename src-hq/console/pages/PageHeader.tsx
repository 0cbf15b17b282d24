import { Group, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'

/** A screen's title, what it is for (and a note on how its changes reach the laptops), and its main action. */
export function PageHeader({
  title,
  hint,
  note,
  action,
}: {
  title: string
  hint: string
  note?: string
  action?: ReactNode
}) {
  return (
    <Group justify="space-between" align="flex-end" wrap="nowrap" mb="md">
      <Stack gap={2}>
        <Title order={2}>{title}</Title>
        <Text size="sm" c="dimmed" maw={760}>
          {hint}
        </Text>
        {note ? (
          <Text size="xs" c="dimmed" maw={760}>
            {note}
          </Text>
        ) : null}
      </Stack>
      {action}
    </Group>
  )
}
