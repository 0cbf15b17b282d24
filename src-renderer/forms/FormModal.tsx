import { Modal, type ModalProps } from '@mantine/core'
import { useRef, type ReactNode } from 'react'
import { FormGuardContext } from './form-guard'
import { useCloseGuard } from './use-close-guard'

/** A short form in a centred modal, closing by the same rule as FormDrawer. */
export function FormModal({
  opened,
  title,
  onClose,
  size,
  children,
}: {
  opened: boolean
  title: ReactNode
  onClose: () => void
  size?: ModalProps['size']
  children: ReactNode
}) {
  const anchor = useRef<HTMLDivElement>(null)
  const { guard, requestClose, confirm } = useCloseGuard({ opened, onClose, anchor })
  return (
    <FormGuardContext.Provider value={guard}>
      <Modal opened={opened} onClose={requestClose} title={title} size={size} centered closeOnEscape={false}>
        <div ref={anchor}>{children}</div>
      </Modal>
      {confirm}
    </FormGuardContext.Provider>
  )
}
