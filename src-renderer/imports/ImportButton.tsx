import { Button } from '@mantine/core'
import type { ImportKind } from '@core/imports/imports.contract'
import { IconFileImport } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ImportDialog } from './ImportDialog'

/** "Import" on a list page (factories, samples) or an SKU's quotes: opens the import dialog. */
export function ImportButton({ kind, skuId }: { kind: ImportKind; skuId?: string }) {
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
      {opened ? <ImportDialog kind={kind} skuId={skuId} opened onClose={() => setOpened(false)} /> : null}
    </>
  )
}
