import { Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core'
import {
  FACTORY_STATUSES,
  creditCodeNeedsReason,
  type FactoryValues,
} from '@core/factories/factories.contract'
import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { ContactsFieldset } from './ContactsFieldset'
import { DivisionFields } from './DivisionFields'

/** Chinese writers separate list items with full-width commas and 、 as often as with commas. */
const TAG_SPLIT = [',', '，', '、', ';', '；']

/** Every field a buyer fills in for a factory. */
export function FactoryFields({
  form,
  onContactRemoved,
}: {
  form: UseFormReturnType<FactoryValues>
  /** Told the id of each stored contact the buyer removes (the save names it for removal). */
  onContactRemoved?: (id: string) => void
}) {
  const { t } = useTranslation()
  const label = (field: keyof FactoryValues) => t(`factories.fields.${field}`)
  const tags = (field: 'categories' | 'oemBrands' | 'certifications') => (
    <TagsInput
      label={label(field)}
      placeholder={t('factories.hints.tags')}
      splitChars={TAG_SPLIT}
      clearable
      data-testid={`field-${field}`}
      {...form.getInputProps(field)}
    />
  )
  // A code whose check character fails is kept with a reason: warn, and ask for it.
  const needsReason = creditCodeNeedsReason(form.values.creditCode.trim().toUpperCase())
  return (
    <Stack gap="sm">
      <TextInput
        label={label('name')}
        placeholder={t('factories.placeholders.name')}
        withAsterisk
        data-autofocus
        data-testid="field-name"
        {...form.getInputProps('name')}
      />
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
        <TextInput
          label={label('creditCode')}
          description={
            needsReason ? (
              <Text span size="xs" c="orange.8" data-testid="creditCode-warning">
                {t('factories.hints.creditCodeChecksum')}
              </Text>
            ) : (
              t('factories.hints.creditCode')
            )
          }
          maxLength={18}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.04em' } }}
          data-testid="field-creditCode"
          {...form.getInputProps('creditCode')}
        />
        {needsReason && (
          <TextInput
            label={label('creditCodeNote')}
            placeholder={t('factories.hints.creditCodeNote')}
            withAsterisk
            maxLength={200}
            data-testid="field-creditCodeNote"
            {...form.getInputProps('creditCodeNote')}
          />
        )}
        <TextInput
          label={label('shopId')}
          description={t('factories.hints.shopId')}
          data-testid="field-shopId"
          {...form.getInputProps('shopId')}
        />
        <DivisionFields form={form} />
      </SimpleGrid>
      <TextInput label={label('address')} data-testid="field-address" {...form.getInputProps('address')} />
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
        <TextInput
          label={label('industrialBelt')}
          placeholder={t('factories.placeholders.industrialBelt')}
          data-testid="field-industrialBelt"
          {...form.getInputProps('industrialBelt')}
        />
        <Select
          label={label('status')}
          allowDeselect={false}
          data={FACTORY_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
          data-testid="field-status"
          {...form.getInputProps('status')}
        />
      </SimpleGrid>
      {tags('categories')}
      {tags('oemBrands')}
      {tags('certifications')}
      <TextInput
        label={label('capacity')}
        placeholder={t('factories.placeholders.capacity')}
        data-testid="field-capacity"
        {...form.getInputProps('capacity')}
      />
      <ContactsFieldset form={form} onRemoved={onContactRemoved} />
      <Textarea
        label={label('notes')}
        autosize
        minRows={3}
        maxRows={10}
        data-testid="field-notes"
        {...form.getInputProps('notes')}
      />
    </Stack>
  )
}
