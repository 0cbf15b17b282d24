import { useTranslation } from 'react-i18next'
import type { CallResult } from '@core/api/contract'

/** '3 条记录（12 处修改）' waiting to go up, or '0'. */
export function UnsentCount({ status, testId }: { status: CallResult<'sync.status'>; testId: string }) {
  const { t } = useTranslation()
  return (
    <span data-testid={testId} data-changes={status.unsent}>
      {status.unsentRecords === 0
        ? '0'
        : t('hq.status.unsentValue', {
            records: status.unsentRecords.toLocaleString(),
            changes: status.unsent.toLocaleString(),
          })}
    </span>
  )
}
