import { ActionIcon, Button, Fieldset, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core'
import type { FactoryValues } from '@core/factories/factories.contract'
import type { UseFormReturnType } from '@mantine/form'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { EMPTY_CONTACT } from './form-values'

/**
 * The contacts of a factory, each a row of its own: edit one, add one, remove one. A stored contact
 * keeps its id in the form, so saving edits that contact rather than replacing the list.
 */
export function ContactsFieldset({
  form,
  onRemoved,
}: {
  form: UseFormReturnType<FactoryValues>
  /** Told the id of a stored contact the buyer removed (new ones have none). */
  onRemoved?: (id: string) => void
}) {
  const { t } = useTranslation()
  const contacts = form.getValues().contacts
  const listError = form.errors.contacts
  return (
    <Fieldset legend={t('factories.fields.contacts')} variant="filled" p="sm">
      <Stack gap="xs">
        {contacts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('factories.contact.none')}
          </Text>
        ) : null}
        {contacts.map((_, index) => (
          <Group key={form.key(`contacts.${index}`)} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              size="xs"
              label={t('factories.contact.name')}
              withAsterisk
              style={{ flex: 1.1 }}
              data-testid={`contact-${index}-name`}
              {...form.getInputProps(`contacts.${index}.name`)}
            />
            <TextInput
              size="xs"
              label={t('factories.contact.role')}
              style={{ flex: 1 }}
              data-testid={`contact-${index}-role`}
              {...form.getInputProps(`contacts.${index}.role`)}
            />
            <TextInput
              size="xs"
              label={t('factories.contact.phone')}
              style={{ flex: 1.3 }}
              data-testid={`contact-${index}-phone`}
              {...form.getInputProps(`contacts.${index}.phone`)}
            />
            <TextInput
              size="xs"
              label={t('factories.contact.wechat')}
              style={{ flex: 1 }}
              data-testid={`contact-${index}-wechat`}
              {...form.getInputProps(`contacts.${index}.wechat`)}
            />
            <Tooltip label={t('factories.contact.remove')}>
              <ActionIcon
                variant="subtle"
                color="red"
                mt={22}
                aria-label={t('factories.contact.remove')}
                data-testid={`contact-${index}-remove`}
                onClick={() => {
                  const id = form.getValues().contacts[index]?.id
                  if (id) onRemoved?.(id)
                  form.removeListItem('contacts', index)
                }}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        ))}
        {listError ? (
          <Text size="xs" c="red">
            {listError}
          </Text>
        ) : null}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem('contacts', { ...EMPTY_CONTACT })}
            data-testid="contact-add"
          >
            {t('factories.contact.add')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  )
}
