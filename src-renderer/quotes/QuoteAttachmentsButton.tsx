import { ActionIcon, Divider, Modal, Stack, Tooltip } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconPaperclip } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { DocumentsPanel } from '../documents/DocumentsPanel'
import { PhotosPanel } from '../photos/PhotosPanel'

/**
 * A quote row's attachments in a dialog: the factory's price sheet as it sent it, and the photos that
 * go with the offer (the sample on the table, a carton's marking, the price board), from disk or the phone.
 */
export function QuoteAttachmentsButton({ quoteId, title }: { quoteId: string; title: string }) {
  const { t } = useTranslation()
  const [opened, { open, close }] = useDisclosure(false)
  const label = t('quoteUi.attachments')
  return (
    <>
      <Tooltip label={label}>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={label}
          onClick={open}
          data-testid="quote-documents"
        >
          <IconPaperclip size={16} />
        </ActionIcon>
      </Tooltip>
      <Modal opened={opened} onClose={close} title={`${title} · ${label}`} size="xl">
        {opened ? (
          <Stack gap="lg">
            <DocumentsPanel ownerTable="quotes" ownerId={quoteId} defaultKind="price_sheet" />
            <Divider />
            <PhotosPanel ownerTable="quotes" ownerId={quoteId} />
          </Stack>
        ) : null}
      </Modal>
    </>
  )
}
