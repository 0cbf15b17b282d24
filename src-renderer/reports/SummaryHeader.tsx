import { Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { FactGrid } from './ReportSection'
import { signatureText } from './summary-format'

/** The head of a one-page summary: what it is, of what, its facts, and who made it when. */
export function SummaryHeader({
  kicker,
  title,
  facts,
  generatedAt,
  buyerName,
}: {
  kicker: string
  title: string
  facts: [string, ReactNode][]
  generatedAt: string
  buyerName: string
}) {
  const { t } = useTranslation()
  return (
    <header className="print-header print-header-plain">
      <div className="print-header-main">
        <Text className="print-kicker">{kicker}</Text>
        <Text className="print-title">{title}</Text>
        <FactGrid facts={facts} />
      </div>
      <Text className="print-signature" size="xs" c="dimmed">
        {signatureText(t, generatedAt, buyerName)}
      </Text>
    </header>
  )
}
