import { ActionIcon, Button, Group, Input, NumberInput, Stack, Text, TextInput } from '@mantine/core'
import { formatPackSpec } from '@core/domain/pricing'
import type { FormErrors } from '@mantine/form'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { packOf, type PackFactorDraft } from './draft-values'

/** Most levels a pack spec may have (the schema's limit). */
const MAX_LEVELS = 6

/** The spec with its total ('24包 × 100抽 = 2,400抽') once every level has a count above 0. */
export function packSummary(drafts: readonly PackFactorDraft[]): string | null {
  const spec = packOf(drafts)
  const complete =
    spec.length > 0 && spec.every((f) => Number.isFinite(f.count) && f.count > 0 && f.label !== '')
  return complete ? formatPackSpec(spec) : null
}

/**
 * A pack as the factory or the shelf states it: levels of count × label, outermost first (24 包 × 100
 * 抽), with the total of comparable units shown as it is typed.
 */
export function PackSpecEditor({
  label,
  description,
  value,
  onChange,
  errors,
  path,
  testId,
}: {
  label: string
  description?: string
  value: PackFactorDraft[]
  onChange: (next: PackFactorDraft[]) => void
  /** The form's errors; this editor shows those under `path`. */
  errors: FormErrors
  /** The form path of the spec, e.g. 'packSpec'. */
  path: string
  testId: string
}) {
  const { t } = useTranslation()
  const set = (index: number, patch: Partial<PackFactorDraft>) =>
    onChange(value.map((factor, i) => (i === index ? { ...factor, ...patch } : factor)))
  const summary = packSummary(value)
  return (
    <Input.Wrapper label={label} description={description} error={errors[path]} data-testid={testId}>
      <Stack gap={6} mt={4}>
        {value.map((factor, i) => (
          <Group key={i} gap={6} wrap="nowrap" align="flex-start">
            {i > 0 ? (
              <Text c="dimmed" pt={6} w={12} ta="center">
                ×
              </Text>
            ) : (
              <Text w={12} />
            )}
            <NumberInput
              w={120}
              min={0}
              allowNegative={false}
              thousandSeparator=","
              aria-label={t('pack.count')}
              placeholder={t('pack.count')}
              value={factor.count}
              onChange={(count) => set(i, { count })}
              error={errors[`${path}.${i}.count`]}
              data-testid={`${testId}-${i}-count`}
            />
            <TextInput
              w={96}
              aria-label={t('pack.label')}
              placeholder={t('pack.labelPlaceholder')}
              value={factor.label}
              onChange={(e) => set(i, { label: e.currentTarget.value })}
              error={errors[`${path}.${i}.label`]}
              data-testid={`${testId}-${i}-label`}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              mt={4}
              aria-label={t('pack.removeLevel')}
              disabled={value.length <= 1}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
            >
              <IconTrash size={15} />
            </ActionIcon>
          </Group>
        ))}
        <Group gap="sm">
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconPlus size={14} />}
            disabled={value.length >= MAX_LEVELS}
            onClick={() => onChange([...value, { count: '', label: '' }])}
            data-testid={`${testId}-add`}
          >
            {t('pack.addLevel')}
          </Button>
          {summary ? (
            <Text size="sm" fw={500} data-testid={`${testId}-total`}>
              {summary}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Input.Wrapper>
  )
}
