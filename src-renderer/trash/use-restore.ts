import { useTranslation } from 'react-i18next'
import type { CallInput } from '@core/api/contract'
import { useMutation } from '../api/use-mutation'
import { errorMessage } from '../common/error-message'
import { notifyError, notifySuccess } from '../common/notify'
import { recordTitle } from '../sync/sync-list-parts'

/** Restores a deleted record and says, in words, everything the restore brought back. */
export function useRestore() {
  const { t } = useTranslation()
  const mutation = useMutation('trash.restore')
  const restore = async (input: CallInput<'trash.restore'>) => {
    try {
      const { restored } = await mutation.run(input)
      const records = restored.map((r) => recordTitle(t, r.kind, r.title || t('trash.untitled')))
      notifySuccess(t('trash.restored', { records: records.join(t('trash.conflicts.fieldSeparator')) }))
    } catch (error) {
      notifyError(t('errors.title'), errorMessage(t, error))
    }
  }
  return { restore, pending: mutation.pending }
}
