import type { Factory } from '@core/factories/factories.contract'
import { useTranslation } from 'react-i18next'
import { FormDrawer } from '../forms/FormDrawer'
import { FactoryEditor } from './FactoryEditor'

/** The create/edit form in a side drawer, so the list or the factory stays in view behind it. */
export function FactoryFormDrawer({
  opened,
  factory,
  onClose,
  onSaved,
  title,
}: {
  opened: boolean
  /** The factory to edit, or null to create one. */
  factory: Factory | null
  onClose: () => void
  onSaved: (saved: Factory) => void
  /** The drawer's title when it says more than "new/edit factory" (e.g. "new factory on this tour"). */
  title?: string
}) {
  const { t } = useTranslation()
  return (
    <FormDrawer
      opened={opened}
      onClose={onClose}
      title={title ?? t(factory ? 'factories.form.editTitle' : 'factories.form.createTitle')}
    >
      {() => <FactoryEditor factory={factory} onSaved={onSaved} onCancel={onClose} />}
    </FormDrawer>
  )
}
