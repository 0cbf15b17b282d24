import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { CATEGORY_STATUSES, type Category, type CategoryStatus } from '@core/categories/categories.contract'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { useMutation } from '../api/use-mutation'
import { ErrorAlert } from '../common/ErrorAlert'
import { errorMessage } from '../common/error-message'
import { notifyError, notifySuccess } from '../common/notify'
import { HqOwnedNote } from '../hq-owned/HqOwnedNote'
import { useHqReadOnly } from '../hq-owned/use-hq-read-only'

const STATUS_COLORS: Record<CategoryStatus, string> = { focus: 'teal', normal: 'gray', excluded: 'red' }

function StatusChoice({
  value,
  onChange,
  testId,
}: {
  value: CategoryStatus
  onChange: (status: CategoryStatus) => void
  testId: string
}) {
  const { t } = useTranslation()
  return (
    <SegmentedControl
      size="xs"
      color={STATUS_COLORS[value]}
      value={value}
      onChange={(v) => onChange(v as CategoryStatus)}
      data={CATEGORY_STATUSES.map((s) => ({ value: s, label: t(`categoryStatus.${s}`) }))}
      data-testid={testId}
    />
  )
}

/** One listed category, saved as soon as a field is changed (text fields when they lose focus). */
function CategoryRow({ category }: { category: Category }) {
  const { t } = useTranslation()
  const update = useMutation('categories.update')
  const remove = useMutation('categories.delete')
  const [name, setName] = useState(category.name)
  const [note, setNote] = useState(category.note)
  const fail = (error: unknown) => notifyError(t('errors.title'), errorMessage(t, error))
  const save = (patch: Partial<Pick<Category, 'name' | 'status' | 'note'>>) => {
    const values = { name: category.name, status: category.status, note: category.note, ...patch }
    if (values.name === category.name && values.status === category.status && values.note === category.note)
      return
    update.run({ id: category.id, values }).catch((error: unknown) => {
      setName(category.name)
      setNote(category.note)
      fail(error)
    })
  }
  return (
    <Table.Tr data-testid="category-row" data-category={category.name}>
      <Table.Td w={170}>
        <TextInput
          size="xs"
          aria-label={t('categories.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          onBlur={() => save({ name: name.trim() })}
        />
      </Table.Td>
      <Table.Td w={200}>
        <StatusChoice
          value={category.status}
          onChange={(status) => save({ status })}
          testId="category-status"
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          size="xs"
          aria-label={t('categories.note')}
          placeholder={t('categories.notePlaceholder')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          onBlur={() => save({ note })}
        />
      </Table.Td>
      <Table.Td w={40}>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('common.delete')}
          loading={remove.pending}
          onClick={() =>
            remove
              .run({ id: category.id })
              .then(() => notifySuccess(t('categories.removed', { name: category.name })))
              .catch(fail)
          }
          data-testid="category-delete"
        >
          <IconTrash size={16} />
        </ActionIcon>
      </Table.Td>
    </Table.Tr>
  )
}

/** A category as HQ set it, on an enrolled laptop (where HQ maintains the policy). */
function ReadOnlyCategoryRow({ category }: { category: Category }) {
  const { t } = useTranslation()
  return (
    <Table.Tr data-testid="category-row" data-category={category.name}>
      <Table.Td w={170}>
        <Text size="sm">{category.name}</Text>
      </Table.Td>
      <Table.Td w={200}>
        <Badge variant="light" color={STATUS_COLORS[category.status]} tt="none">
          {t(`categoryStatus.${category.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed">
          {category.note}
        </Text>
      </Table.Td>
    </Table.Tr>
  )
}

/** HQ's category policy: focus, normal or excluded, with the reason shown beside warnings. */
export function CategoryPolicyEditor() {
  const { t } = useTranslation()
  const list = useCall('categories.list', {})
  const create = useMutation('categories.create')
  const readOnly = useHqReadOnly('categories')
  const [name, setName] = useState('')
  const [status, setStatus] = useState<CategoryStatus>('focus')
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const add = async () => {
    setError(null)
    try {
      await create.run({ name, status, note })
      setName('')
      setNote('')
    } catch (e) {
      setError(errorMessage(t, e))
    }
  }
  return (
    <Paper withBorder p="md" data-testid="category-policy">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Text fw={500}>{t('categories.title')}</Text>
            <Text size="sm" c="dimmed">
              {t('categories.hint')}
            </Text>
          </Stack>
          {readOnly ? <HqOwnedNote /> : null}
        </Group>
        {list.error ? <ErrorAlert error={list.error} /> : null}
        <Table verticalSpacing={4} horizontalSpacing="xs">
          <Table.Tbody>
            {(list.data ?? []).map((c) =>
              readOnly ? (
                <ReadOnlyCategoryRow key={c.id} category={c} />
              ) : (
                <CategoryRow key={`${c.id}-${c.updatedAt}`} category={c} />
              ),
            )}
          </Table.Tbody>
        </Table>
        {readOnly ? null : (
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              size="xs"
              w={170}
              placeholder={t('categories.name')}
              aria-label={t('categories.newName')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={error}
              data-testid="category-new-name"
            />
            <StatusChoice value={status} onChange={setStatus} testId="category-new-status" />
            <TextInput
              size="xs"
              style={{ flex: 1 }}
              placeholder={t('categories.notePlaceholder')}
              aria-label={t('categories.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Button
              size="xs"
              leftSection={<IconPlus size={14} />}
              disabled={!name.trim()}
              loading={create.pending}
              onClick={() => void add()}
              data-testid="category-add"
            >
              {t('categories.add')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  )
}
