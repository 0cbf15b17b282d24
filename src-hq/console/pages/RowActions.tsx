import { ActionIcon, Group, Table, Tooltip } from '@mantine/core'
import { IconEdit } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** The last cell of an editable row: an edit button and the row's delete button. */
export function RowActions({
  onEdit,
  editTestId,
  deleteButton,
}: {
  onEdit: () => void
  editTestId: string
  /** The row's confirm-first delete button. */
  deleteButton: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <Table.Td>
      <Group gap={6} justify="flex-end" wrap="nowrap">
        <Tooltip label={t('common.edit')}>
          <ActionIcon
            variant="default"
            aria-label={t('common.edit')}
            onClick={onEdit}
            data-testid={editTestId}
          >
            <IconEdit size={16} />
          </ActionIcon>
        </Tooltip>
        {deleteButton}
      </Group>
    </Table.Td>
  )
}
