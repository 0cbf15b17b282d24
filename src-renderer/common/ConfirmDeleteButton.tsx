import { Button, Group, Modal, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconTrash } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../common/error-message'
import { notifyError } from '../common/notify'

/** A delete button that asks first; a refusal from the core (e.g. a tour with visits) is shown as is. */
export function ConfirmDeleteButton({
  title,
  body,
  onConfirm,
  pending,
  testId,
  confirmLabel,
  label,
  icon,
  size,
}: {
  /** The confirmation's title. */
  title: string
  /** What will be deleted, in words. */
  body: string
  /** Deletes; a rejection is shown as a notification and the dialog stays open. */
  onConfirm: () => Promise<unknown>
  /** True while the deletion runs. */
  pending: boolean
  /** data-testid of the delete button; the dialog's confirm button gets `${testId}-confirm`. */
  testId: string
  /** The confirm button's text; 'Delete' when left out. */
  confirmLabel?: string
  /** The button's own text and icon, for a removal that is not called delete (revoke); 'Delete' and a bin by default. */
  label?: string
  icon?: ReactNode
  /** Button size; 'sm' by default. */
  size?: 'xs' | 'sm'
}) {
  const { t } = useTranslation()
  const [opened, { open, close }] = useDisclosure(false)
  const confirm = async () => {
    try {
      await onConfirm()
      close()
    } catch (error) {
      notifyError(t('errors.title'), errorMessage(t, error))
    }
  }
  return (
    <>
      <Button
        variant="light"
        color="red"
        size={size}
        leftSection={icon ?? <IconTrash size={16} />}
        onClick={open}
        data-testid={testId}
      >
        {label ?? t('common.delete')}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Text size="sm">{body}</Text>
        <Group justify="flex-end" mt="lg" gap="sm">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={pending}
            onClick={() => void confirm()}
            data-testid={`${testId}-confirm`}
          >
            {confirmLabel ?? t('common.delete')}
          </Button>
        </Group>
      </Modal>
    </>
  )
}
