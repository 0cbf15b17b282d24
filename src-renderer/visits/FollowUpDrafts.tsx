import { TextInput } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import type { FormErrors } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { RowsEditor } from '../forms/RowsEditor'
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
  return (
    <RowsEditor
      label={t('visits.fields.followUps')}
      value={value}
      onChange={onChange}
      blank={{ text: '', dueDate: null }}
      addLabel={t('visits.addFollowUp')}
      rowTestId="followup-draft"
      addTestId="followup-draft-add"
      renderRow={(f, set, i) => (
        <>
          <TextInput
            style={{ flex: 1 }}
            placeholder={t('visits.placeholders.followUp')}
            aria-label={t('visits.fields.followUpText')}
            value={f.text}
            onChange={(e) => set({ text: e.currentTarget.value })}
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
            onChange={(d) => set({ dueDate: d })}
            error={errors[`followUps.${i}.dueDate`]}
            data-testid="followup-draft-due"
          />
        </>
      )}
    />
  )
}
