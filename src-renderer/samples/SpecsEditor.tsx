import { TextInput } from '@mantine/core'
import type { FormErrors } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { RowsEditor } from '../forms/RowsEditor'
import type { SpecDraft } from './sample-form'

/** Specs as key/value rows in the buyer's order (层数: 3, 抽数: 130). */
export function SpecsEditor({
  value,
  onChange,
  errors,
}: {
  value: SpecDraft[]
  onChange: (next: SpecDraft[]) => void
  errors: FormErrors
}) {
  const { t } = useTranslation()
  return (
    <RowsEditor
      label={t('samples.fields.specs')}
      value={value}
      onChange={onChange}
      blank={{ key: '', value: '' }}
      addLabel={t('samples.addSpec')}
      rowTestId="spec-row"
      addTestId="spec-add"
      renderRow={(s, set, i) => (
        <>
          <TextInput
            w={180}
            placeholder={t('samples.placeholders.specKey')}
            aria-label={t('samples.specKey')}
            value={s.key}
            onChange={(e) => set({ key: e.currentTarget.value })}
            error={errors[`specs.${i}.key`]}
            data-testid="spec-key"
          />
          <TextInput
            style={{ flex: 1 }}
            placeholder={t('samples.placeholders.specValue')}
            aria-label={t('samples.specValue')}
            value={s.value}
            onChange={(e) => set({ value: e.currentTarget.value })}
            error={errors[`specs.${i}.value`]}
            data-testid="spec-value"
          />
        </>
      )}
    />
  )
}
