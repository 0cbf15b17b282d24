import { Button, Group, Modal, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/**
 * 「放弃未保存的修改？」 before a form with changes closes. Keeping on editing is the default (it has the
 * focus, and Escape or a click outside mean it), so a second stray key never throws work away.
 */
export function ConfirmDiscard({
  opened,
  onKeep,
  onDiscard,
}: {
  opened: boolean
  /** Back to the form, values as they were. */
  onKeep: () => void
  /** Close the form and drop its changes. */
  onDiscard: () => void
}) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={opened}
      onClose={onKeep}
      title={t('forms.discard.title')}
      centered
      size="sm"
      data-testid="discard-confirm"
    >
      <Text size="sm" mb="md">
        {t('forms.discard.body')}
      </Text>
      <Group justify="flex-end" gap="sm">
        <Button color="red" variant="light" onClick={onDiscard} data-testid="discard-confirm-discard">
          {t('forms.discard.discard')}
        </Button>
        <Button onClick={onKeep} data-autofocus data-testid="discard-confirm-keep">
          {t('forms.discard.keep')}
        </Button>
      </Group>
    </Modal>
  )
}
