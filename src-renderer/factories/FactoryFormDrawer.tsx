import { Drawer } from '@mantine/core'
import type { Factory } from '@core/factories/factories.contract'
import { useTranslation } from 'react-i18next'
import { FactoryEditor } from './FactoryEditor'

/** The create/edit form in a side drawer, so the list or the factory stays in view behind it. */
export function FactoryFormDrawer({
  opened,
  factory,
  onClose,
  onSaved,
}: {
  opened: boolean
  /** The factory to edit, or null to create one. */
  factory: Factory | null
  onClose: () => void
  onSaved: (saved: Factory) => void
}) {
  const { t } = useTranslation()
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={680}
      title={t(factory ? 'factories.form.editTitle' : 'factories.form.createTitle')}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
      closeOnClickOutside={false}
    >
      {/* Mounted only while open, so every opening starts from fresh values. */}
      {opened ? <FactoryEditor factory={factory} onSaved={onSaved} onCancel={onClose} /> : null}
    </Drawer>
  )
}
