import { Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { PdfExportButton } from '../reports/PdfExportButton'

/** The negotiation sheet of an SKU (a page per factory) or a factory: as an A4 PDF and as a phone card PNG. */
export function NegotiationButtons({
  kind,
  id,
}: {
  kind: 'negotiation-sku' | 'negotiation-factory'
  id: string
}) {
  const { t } = useTranslation()
  return (
    <Group gap="xs" wrap="nowrap">
      <PdfExportButton
        kind={kind}
        id={id}
        size="xs"
        label={t('negotiation.button')}
        testId="negotiation-pdf"
      />
      <PdfExportButton
        kind={kind}
        id={id}
        size="xs"
        format="png"
        label={t('negotiation.card')}
        testId="negotiation-png"
      />
    </Group>
  )
}
