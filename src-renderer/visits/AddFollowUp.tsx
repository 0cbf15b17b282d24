import { Button, Group, TextInput } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import { IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from '../api/use-mutation'
import { errorMessage } from '../common/error-message'

/** One line to add a follow-up to a visit after the meeting. */
export function AddFollowUp({ visitId }: { visitId: string }) {
  const { t } = useTranslation()
  const create = useMutation('followUps.create')
  const [text, setText] = useState('')
  const [dueDate, setDueDate] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const add = async () => {
    setError(null)
    try {
      await create.run({ visitId, text, dueDate })
      setText('')
      setDueDate(null)
    } catch (e) {
      setError(errorMessage(t, e))
    }
  }
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <TextInput
        style={{ flex: 1 }}
        placeholder={t('visits.placeholders.followUp')}
        aria-label={t('visits.fields.followUpText')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && text.trim()) void add()
        }}
        error={error}
        data-testid="followup-new-text"
      />
      <DateInput
        w={150}
        placeholder={t('visits.fields.dueDate')}
        aria-label={t('visits.fields.dueDate')}
        valueFormat="YYYY-MM-DD"
        clearable
        value={dueDate}
        onChange={setDueDate}
        data-testid="followup-new-due"
      />
      <Button
        variant="light"
        leftSection={<IconPlus size={14} />}
        disabled={!text.trim()}
        loading={create.pending}
        onClick={() => void add()}
        data-testid="followup-new-add"
      >
        {t('visits.addFollowUp')}
      </Button>
    </Group>
  )
}
