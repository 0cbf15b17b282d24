import type { Factory } from '@core/factories/factories.contract'
import { useTranslation } from 'react-i18next'
import { useMutation } from '../api/use-mutation'
import { ConfirmDeleteButton } from '../common/ConfirmDeleteButton'
import { notifySuccess } from '../common/notify'

/** Delete with a confirmation; the deletion is a tombstone that syncs. */
export function DeleteFactoryButton({ factory, onDeleted }: { factory: Factory; onDeleted: () => void }) {
  const { t } = useTranslation()
  const remove = useMutation('factories.delete')
  return (
    <ConfirmDeleteButton
      title={t('factories.delete.title')}
      body={t('factories.delete.body', { name: factory.name })}
      confirmLabel={t('factories.delete.confirm')}
      pending={remove.pending}
      testId="factory-delete"
      onConfirm={async () => {
        await remove.run({ id: factory.id })
        notifySuccess(t('factories.delete.done', { name: factory.name }))
        onDeleted()
      }}
    />
  )
}
