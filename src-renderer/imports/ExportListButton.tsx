import { Button } from '@mantine/core'
import type { CallInput } from '@core/api/contract'
import { IconDownload } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiContext } from '../api/api-context'
import { errorMessage } from '../common/error-message'
import { notifyError } from '../common/notify'
import { downloadFile } from '../forms/download'
import type { Language } from '../i18n/language'

/** The list exports: each takes its list's filter plus the language of the headers. */
type ListExport =
  | 'exports.factories'
  | 'exports.samples'
  | 'exports.visits'
  | 'exports.tours'
  | 'exports.targets'

/** "Export to Excel" for a list: the same filter as on screen, headers in the user's language. */
export function ExportListButton<K extends ListExport>({
  call,
  input,
}: {
  call: K
  /** The list's filter, without the language (the UI's language is used). */
  input: Omit<CallInput<K>, 'language'>
}) {
  const { t, i18n } = useTranslation()
  const { client } = useApiContext()
  const [busy, setBusy] = useState(false)
  const run = async () => {
    setBusy(true)
    try {
      const language = i18n.language as Language
      downloadFile(await client.call(call, { ...input, language } as CallInput<K>))
    } catch (error) {
      notifyError(t('errors.title'), errorMessage(t, error))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button
      variant="light"
      leftSection={<IconDownload size={16} />}
      loading={busy}
      onClick={() => void run()}
      data-testid={`export-${call.slice('exports.'.length)}`}
    >
      {t('exportList.button')}
    </Button>
  )
}
