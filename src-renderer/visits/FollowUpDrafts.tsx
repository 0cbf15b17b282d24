import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import type { FormErrors } from '@mantine/form'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { FollowUpDraft } from './visit-form'

/** Follow-ups agreed in the meeting, typed with the new visit: what, and by when. */
export function FollowUpDrafts({
  value,
  onChange,
  errors,
}: {
  value: FollowUpDraft[]
  onChange: (next: FollowUpDraft[]) => void
  errors: FormErrors
}) {
  const { t } = useTranslation()
  const set = (i: number, patch: Partial<FollowUpDraft>) =>
    onChange(value.map((f, j) => (j === i ? { ...f, ...patch } : f)))
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('visits.fields.followUps')}
      </Text>
      {value.map((f, i) => (
        <Group key={i} gap="xs" align="flex-start" wrap="nowrap" data-testid="followup-draft">
          <TextInput
            style={{ flex: 1 }}
            placeholder={t('visits.placeholders.followUp')}
            aria-label={t('visits.fields.followUpText')}
            value={f.text}
            onChange={(e) => set(i, { text: e.currentTarget.value })}
            error={errors[`followUps.${i}.text`]}
            data-testid="followup-draft-text"
          />
          <DateInput
            w={150}
            placeholder={t('visits.fields.dueDate')}
            aria-label={t('visits.fields.dueDate')}
            valueFormat="YYYY-MM-DD"
            clearable
            value={f.dueDate}
            onChange={(d) => set(i, { dueDate: d })}
            error={errors[`followUps.${i}.dueDate`]}
            data-testid="followup-draft-due"
          />
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
          onClick={() => onChange([...value, { text: '', dueDate: null }])}
          data-testid="followup-draft-add"
        >
          {t('visits.addFollowUp')}
        </Button>
      </Group>
    </Stack>
  )
}
