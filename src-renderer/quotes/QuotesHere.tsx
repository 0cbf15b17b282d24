import { Anchor, Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core'
import type { Quote } from '@core/quotes/quotes.contract'
import { IconPlus } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCall } from '../api/use-call'
import { minimumOrderText } from '../common/figures'
import { FormDrawer } from '../forms/FormDrawer'
import { tiersText } from './quote-format'
import { QuoteEditor } from './QuoteEditor'
import type { QuotePrefill } from './quote-form'

/**
 * "录入报价" where the buyer is — on a visit, a factory or a sample — opening the quote form with what
 * the page knows (factory, visit date, sample, SKU); the buyer picks the SKU when the page has none.
 */
export function EnterQuoteButton({
  prefill,
  contextNote,
  testId = 'quote-enter-here',
  variant = 'light',
}: {
  prefill: QuotePrefill
  contextNote?: string
  testId?: string
  variant?: 'light' | 'filled' | 'default'
}) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const rates = useCall('rates.list', {}, open)
  const currencies = useMemo(() => (rates.data ?? []).map((r) => r.currency), [rates.data])
  return (
    <>
      <Button
        variant={variant}
        leftSection={<IconPlus size={16} />}
        onClick={() => setOpen(true)}
        data-testid={testId}
      >
        {t('quoteUi.newQuote')}
      </Button>
      <FormDrawer
        opened={open}
        size={760}
        title={t('quotes.form.title.create')}
        onClose={() => setOpen(false)}
      >
        {() => (
          <QuoteEditor
            skuId={null}
            retailPack={[]}
            quote={null}
            mode="create"
            currencies={currencies}
            prefill={prefill}
            contextNote={contextNote}
            onCancel={() => setOpen(false)}
            onSaved={() => setOpen(false)}
          />
        )}
      </FormDrawer>
    </>
  )
}

/** Quotes outside their SKU page (a sample's, a factory's): SKU, factory and round, tiers, MOQ in the pack word. */
export function QuotesHerePanel({
  title,
  empty,
  quotes,
  action,
  testId,
}: {
  title: string
  empty: string
  quotes: Quote[]
  action?: React.ReactNode
  testId: string
}) {
  const { t, i18n } = useTranslation()
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{title}</Title>
        {action}
      </Group>
      {quotes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Table verticalSpacing={6} horizontalSpacing="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('quoteUi.samplesQuotes.sku')}</Table.Th>
              <Table.Th>{t('quotes.fields.factory')}</Table.Th>
              <Table.Th>{t('quotes.fields.quoteDate')}</Table.Th>
              <Table.Th>{t('quotes.fields.tiers')}</Table.Th>
              <Table.Th>{t('quotes.fields.moqPacks')}</Table.Th>
              <Table.Th>{t('quoteUi.fields.linkedSample')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {quotes.map((quote) => (
              <Table.Tr key={quote.id} data-testid="quote-here-row">
                <Table.Td>
                  <Anchor href={`#/skus/${quote.skuId}`} size="sm">
                    {quote.skuName || t('common.none')}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm">{quote.factoryName}</Text>
                    <Badge size="xs" variant="light" tt="none" style={{ flexShrink: 0 }}>
                      {t('quotes.round', { round: quote.round })}
                    </Badge>
                  </Group>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{quote.quoteDate}</Table.Td>
                <Table.Td fz="xs" className="num">
                  {tiersText(t, quote.tiers, quote.currency)}
                </Table.Td>
                <Table.Td fz="xs">
                  {quote.moqPacks
                    ? minimumOrderText(quote.moqPacks, quote.packWord, i18n.language)
                    : t('common.none')}
                </Table.Td>
                <Table.Td fz="xs">
                  {quote.linkedSampleId ? (
                    <Anchor href={`#/samples/${quote.linkedSampleId}`} size="xs">
                      {quote.linkedSampleCode || quote.linkedSampleId}
                    </Anchor>
                  ) : (
                    quote.sampleId || t('common.none')
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  )
}

/** The quotes linked to a sample, with "录入报价" prefilled with its factory, SKU and itself. */
export function SampleQuotesPanel({
  sampleId,
  factoryId,
  skuId,
}: {
  sampleId: string
  factoryId: string
  skuId: string | null
}) {
  const { t } = useTranslation()
  const quotes = useCall('quotes.list', { sampleId })
  const list = quotes.data ?? []
  return (
    <QuotesHerePanel
      testId="sample-quotes"
      title={t('quoteUi.samplesQuotes.title', { count: list.length })}
      empty={t('quoteUi.samplesQuotes.empty')}
      quotes={list}
      action={
        <EnterQuoteButton
          testId="sample-enter-quote"
          prefill={{ factoryId, skuId, linkedSampleId: sampleId }}
          contextNote={t('quoteUi.fromFactory')}
        />
      }
    />
  )
}

/** A factory's quotes, with "录入报价" prefilled with the factory. */
export function FactoryQuotesPanel({ factoryId }: { factoryId: string }) {
  const { t } = useTranslation()
  const quotes = useCall('quotes.list', { factoryId })
  const list = quotes.data ?? []
  return (
    <QuotesHerePanel
      testId="factory-quotes"
      title={t('quoteUi.factoryQuotes.title', { count: list.length })}
      empty={t('quoteUi.factoryQuotes.empty')}
      quotes={list}
      action={
        <EnterQuoteButton
          testId="factory-enter-quote"
          prefill={{ factoryId }}
          contextNote={t('quoteUi.fromFactory')}
        />
      }
    />
  )
}
