import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core'
import type { FormErrors } from '@mantine/form'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
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
  const set = (i: number, patch: Partial<SpecDraft>) =>
    onChange(value.map((s, j) => (j === i ? { ...s, ...patch } : s)))
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('samples.fields.specs')}
      </Text>
      {value.map((s, i) => (
        <Group key={i} gap="xs" wrap="nowrap" align="flex-start" data-testid="spec-row">
          <TextInput
            w={180}
            placeholder={t('samples.placeholders.specKey')}
            aria-label={t('samples.specKey')}
            value={s.key}
            onChange={(e) => set(i, { key: e.currentTarget.value })}
            error={errors[`specs.${i}.key`]}
            data-testid="spec-key"
          />
          <TextInput
            style={{ flex: 1 }}
            placeholder={t('samples.placeholders.specValue')}
            aria-label={t('samples.specValue')}
            value={s.value}
            onChange={(e) => set(i, { value: e.currentTarget.value })}
            error={errors[`specs.${i}.value`]}
            data-testid="spec-value"
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
          onClick={() => onChange([...value, { key: '', value: '' }])}
          data-testid="spec-add"
        >
          {t('samples.addSpec')}
        </Button>
      </Group>
    </Stack>
  )
}
