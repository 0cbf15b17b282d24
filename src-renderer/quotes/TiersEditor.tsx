import { ActionIcon, Button, Group, Input, NumberInput, Stack, Text, TextInput } from '@mantine/core'
import type { FormErrors } from '@mantine/form'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { TierDraft } from './quote-form'

/** Most tiers a quote may have (the schema's limit). */
const MAX_TIERS = 20

/** Price tiers as a factory lists them: from N packs on, this price per pack. */
export function TiersEditor({
  value,
  onChange,
  errors,
  currency,
}: {
  value: TierDraft[]
  onChange: (next: TierDraft[]) => void
  errors: FormErrors
  /** The quote's currency, shown beside each price. */
  currency: string
}) {
  const { t } = useTranslation()
  const set = (index: number, patch: Partial<TierDraft>) =>
    onChange(value.map((tier, i) => (i === index ? { ...tier, ...patch } : tier)))
  return (
    <Input.Wrapper
      label={t('quotes.fields.tiers')}
      description={t('quotes.hints.tiers')}
      withAsterisk
      error={errors.tiers}
      data-testid="quote-tiers"
    >
      <Stack gap={6} mt={4}>
        {value.map((tier, i) => (
          <Group key={i} gap={6} wrap="nowrap" align="flex-start">
            <Text size="sm" c="dimmed" pt={7} w={28} ta="right">
              {t('quotes.tierFrom')}
            </Text>
            <NumberInput
              w={150}
              min={1}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=","
              aria-label={t('quotes.fields.fromPacks')}
              placeholder={t('quotes.fields.fromPacks')}
              rightSection={<Text size="xs">{t('quotes.packUnit')}</Text>}
              value={tier.fromPacks}
              onChange={(fromPacks) => set(i, { fromPacks })}
              error={errors[`tiers.${i}.fromPacks`]}
              data-testid={`tier-${i}-from`}
            />
            <Text size="sm" c="dimmed" pt={7}>
              →
            </Text>
            <TextInput
              w={170}
              inputMode="decimal"
              aria-label={t('quotes.fields.pricePerPack')}
              placeholder={t('quotes.fields.pricePerPack')}
              leftSection={<Text size="xs">{currency}</Text>}
              leftSectionWidth={44}
              rightSection={<Text size="xs">/{t('quotes.packUnit')}</Text>}
              value={tier.pricePerPack}
              onChange={(e) => set(i, { pricePerPack: e.currentTarget.value })}
              error={errors[`tiers.${i}.pricePerPack`]}
              data-testid={`tier-${i}-price`}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              mt={4}
              aria-label={t('quotes.removeTier')}
              disabled={value.length <= 1}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
              data-testid={`tier-${i}-remove`}
            >
              <IconTrash size={15} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconPlus size={14} />}
            disabled={value.length >= MAX_TIERS}
            onClick={() => onChange([...value, { fromPacks: '', pricePerPack: '' }])}
            data-testid="tier-add"
          >
            {t('quotes.addTier')}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  )
}
