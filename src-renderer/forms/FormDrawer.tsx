import { Drawer } from '@mantine/core'
import type { ReactNode } from 'react'

/**
 * A create/edit form in a side drawer, so the page stays in view behind it. The form is mounted only
 * while open, so every opening starts from fresh values.
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
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={size}
      title={title}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
      closeOnClickOutside={false}
    >
      {opened ? children() : null}
    </Drawer>
  )
}
