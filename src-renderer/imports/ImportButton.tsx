import { Button } from '@mantine/core'
import type { ImportKind } from '@core/imports/imports.contract'
import { IconFileImport } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ImportDialog } from './ImportDialog'

/** "Import" on a list page: opens the import dialog for factories or samples. */
export function ImportButton({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation()
  const [opened, setOpened] = useState(false)
  return (
    <>
      <Button
        variant="light"
        leftSection={<IconFileImport size={16} />}
        onClick={() => setOpened(true)}
        data-testid={`import-${kind}`}
      >
        {t('imports.button')}
      </Button>
      {opened ? <ImportDialog kind={kind} opened onClose={() => setOpened(false)} /> : null}
    </>
  )
}
