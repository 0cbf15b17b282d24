import { ActionIcon, Modal, Tooltip } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconPaperclip } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { DocumentsPanel } from './DocumentsPanel'

/** A quote row's documents (the factory's price sheet as it sent it), in a dialog. */
export function QuoteDocumentsButton({ quoteId, title }: { quoteId: string; title: string }) {
  const { t } = useTranslation()
  const [opened, { open, close }] = useDisclosure(false)
  return (
    <>
      <Tooltip label={t('documents.title')}>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('documents.title')}
          onClick={open}
          data-testid="quote-documents"
        >
          <IconPaperclip size={16} />
        </ActionIcon>
      </Tooltip>
      <Modal opened={opened} onClose={close} title={title} size="xl">
        {opened ? <DocumentsPanel ownerTable="quotes" ownerId={quoteId} defaultKind="price_sheet" /> : null}
      </Modal>
    </>
  )
}
