import { Button, Group, Modal, Text } from '@mantine/core'
import type { Factory } from '@core/factories/factories.contract'
import { useDisclosure } from '@mantine/hooks'
import { IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useMutation } from '../api/use-mutation'
import { errorMessage } from '../common/error-message'
import { notifyError, notifySuccess } from '../common/notify'

/** Delete with a confirmation; the deletion is a tombstone that syncs. */
export function DeleteFactoryButton({ factory, onDeleted }: { factory: Factory; onDeleted: () => void }) {
  const { t } = useTranslation()
  const [opened, { open, close }] = useDisclosure(false)
  const remove = useMutation('factories.delete')

  const confirm = async () => {
    try {
      await remove.run({ id: factory.id })
      close()
      notifySuccess(t('factories.delete.done', { name: factory.name }))
      onDeleted()
    } catch (error) {
      notifyError(t('errors.title'), errorMessage(t, error))
    }
  }

  return (
    <>
      <Button
        variant="light"
        color="red"
        leftSection={<IconTrash size={16} />}
        onClick={open}
        data-testid="factory-delete"
      >
        {t('common.delete')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('factories.delete.title')} centered>
        <Text size="sm">{t('factories.delete.body', { name: factory.name })}</Text>
        <Group justify="flex-end" mt="lg" gap="sm">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={remove.pending} onClick={confirm} data-testid="factory-delete-confirm">
            {t('factories.delete.confirm')}
          </Button>
        </Group>
      </Modal>
    </>
  )
}
