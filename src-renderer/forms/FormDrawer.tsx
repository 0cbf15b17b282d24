import { Drawer } from '@mantine/core'
import { useRef, type ReactNode } from 'react'
import { FormGuardContext } from './form-guard'
import { useCloseGuard } from './use-close-guard'

/**
 * A create/edit form in a side drawer, so the page stays in view behind it. The form is mounted only
 * while open, so every opening starts from fresh values (or offers its draft). Every way out (X, click
 * outside, Escape with no popup open, Cancel, leaving the page) asks first when the form has changes.
 */
export function FormDrawer({
  opened,
  title,
  onClose,
  size = 680,
  children,
}: {
  opened: boolean
  title: string
  onClose: () => void
  size?: number
  children: () => ReactNode
}) {
  const anchor = useRef<HTMLDivElement>(null)
  const { guard, requestClose, confirm } = useCloseGuard({ opened, onClose, anchor })
  return (
    <FormGuardContext.Provider value={guard}>
      <Drawer
        opened={opened}
        onClose={requestClose}
        position="right"
        size={size}
        title={title}
        styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
        closeOnEscape={false}
      >
        <div ref={anchor}>{opened ? children() : null}</div>
      </Drawer>
      {confirm}
    </FormGuardContext.Provider>
  )
}
