import { ActionIcon, Button, Group, Stack, Text } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * A titled list of editable rows, each with a delete button, and an "add" button under them. The caller
 * draws a row's inputs; this keeps the list itself (change one, remove one, append a blank one).
 */
export function RowsEditor<T>({
  label,
  value,
  onChange,
  blank,
  addLabel,
  rowTestId,
  addTestId,
  renderRow,
}: {
  /** The title above the rows. */
  label: ReactNode
  /** The rows, in the buyer's order. */
  value: T[]
  /** Receives the whole new list after any edit. */
  onChange: (next: T[]) => void
  /** The row an "add" appends. */
  blank: T
  /** The add button's text. */
  addLabel: ReactNode
  /** data-testid of each row. */
  rowTestId: string
  /** data-testid of the add button. */
  addTestId: string
  /** Draws one row's inputs; `set` merges a change into that row. */
  renderRow: (row: T, set: (patch: Partial<T>) => void, index: number) => ReactNode
}) {
  const { t } = useTranslation()
  const set = (i: number, patch: Partial<T>) =>
    onChange(value.map((row, j) => (j === i ? { ...row, ...patch } : row)))
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {value.map((row, i) => (
        <Group key={i} gap="xs" wrap="nowrap" align="flex-start" data-testid={rowTestId}>
          {renderRow(row, (patch) => set(i, patch), i)}
          <ActionIcon
            variant="subtle"
            color="gray"
            mt={6}
            aria-label={t('common.delete')}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...value, blank])}
          data-testid={addTestId}
        >
          {addLabel}
        </Button>
      </Group>
    </Stack>
  )
}
