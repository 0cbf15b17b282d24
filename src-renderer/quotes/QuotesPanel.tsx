import { ActionIcon, Badge, Button, Group, Menu, Modal, Paper, Table, Text, Title } from '@mantine/core'
import type { PackFactor } from '@core/domain/pricing'
import type { Quote } from '@core/quotes/quotes.contract'
import { IconDots, IconEdit, IconHistory, IconPlus, IconRepeat, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from '../api/use-mutation'
import { errorMessage } from '../common/error-message'
import { notifyError, notifySuccess } from '../common/notify'
import { FormDrawer } from '../forms/FormDrawer'
import { ImportButton } from '../imports/ImportButton'
import { formatPackSpec, freightText, tiersText } from './quote-format'
import { QuoteAttachmentsButton } from './QuoteAttachmentsButton'
import { QuoteEditor, type QuoteEditMode } from './QuoteEditor'
import { QuoteRoundsTimeline } from './QuoteRoundsTimeline'

/** The latest round of every quote for the SKU, with revise, correct, history and delete. */
export function QuotesPanel({
  skuId,
  retailPack,
  quotes,
  currencies,
}: {
  skuId: string
  retailPack: readonly PackFactor[]
  quotes: Quote[]
  currencies: string[]
}) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState<{ mode: QuoteEditMode; quote: Quote | null } | null>(null)
  const [history, setHistory] = useState<Quote | null>(null)
  const [deleting, setDeleting] = useState<Quote | null>(null)
  const remove = useMutation('quotes.delete')

  const confirmDelete = async () => {
    if (!deleting) return
    try {
      await remove.run({ id: deleting.id })
      notifySuccess(t('quotes.deleted', { name: deleting.factoryName, round: deleting.round }))
      setDeleting(null)
    } catch (error) {
      notifyError(t('errors.title'), errorMessage(t, error))
    }
  }

  return (
    <Paper withBorder p="md" data-testid="quotes-panel">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('quotes.title', { count: quotes.length })}</Title>
        <Group gap="xs">
          <ImportButton kind="quotes" skuId={skuId} />
          <Button
            size="sm"
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing({ mode: 'create', quote: null })}
            data-testid="quote-new"
          >
            {t('quotes.new')}
          </Button>
        </Group>
      </Group>
      {quotes.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('quotes.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={1100}>
          <Table verticalSpacing={6} horizontalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('quotes.fields.factory')}</Table.Th>
                <Table.Th>{t('quotes.fields.quoteDate')}</Table.Th>
                <Table.Th>{t('quotes.fields.tiers')}</Table.Th>
                <Table.Th>{t('quotes.fields.packSpec')}</Table.Th>
                <Table.Th>{t('quotes.columns.terms')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('quotes.fields.moqPacks')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('quotes.fields.leadTimeDays')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {quotes.map((quote) => (
                <Table.Tr key={quote.id} data-testid="quote-row">
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={500}>
                        {quote.factoryName}
                      </Text>
                      <Badge
                        size="xs"
                        variant={quote.round > 1 ? 'light' : 'outline'}
                        color={quote.round > 1 ? 'blue' : 'gray'}
                        tt="none"
                        style={{ cursor: 'pointer', flexShrink: 0 }}
                        styles={{ label: { overflow: 'visible' } }}
                        onClick={() => setHistory(quote)}
                        data-testid="quote-round-badge"
                      >
                        {t('quotes.round', { round: quote.round })}
                      </Badge>
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{quote.quoteDate}</Text>
                    {quote.validUntil ? (
                      <Text size="xs" c="dimmed">
                        {t('quotes.validUntilText', { date: quote.validUntil })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td className="num" fz="xs">
                    {tiersText(t, quote.tiers, quote.currency)}
                  </Table.Td>
                  <Table.Td fz="xs">{formatPackSpec(quote.packSpec)}</Table.Td>
                  <Table.Td fz="xs">
                    {quote.vatBasis === 'excluded'
                      ? t('quotes.vatExcludedRate', { rate: Number(quote.vatRate) * 100 })
                      : t('quotes.vat.included')}
                    {' · '}
                    {freightText(t, quote.freight, quote.currency)}
                    {quote.paymentTerms ? ` · ${quote.paymentTerms}` : ''}
                  </Table.Td>
                  <Table.Td fz="xs">
                    {quote.moqPacks ? quote.moqPacks.toLocaleString() : t('common.none')}
                  </Table.Td>
                  <Table.Td fz="xs" className="num">
                    {quote.leadTimeDays != null
                      ? t('quotes.daysText', { days: quote.leadTimeDays })
                      : t('common.none')}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <Button
                        size="compact-xs"
                        variant="light"
                        leftSection={<IconRepeat size={12} />}
                        onClick={() => setEditing({ mode: 'revise', quote })}
                        data-testid="quote-revise"
                      >
                        {t('quotes.revise')}
                      </Button>
                      <QuoteAttachmentsButton quoteId={quote.id} title={quote.factoryName} />
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={t('common.more')}>
                            <IconDots size={16} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item
                            leftSection={<IconHistory size={14} />}
                            onClick={() => setHistory(quote)}
                          >
                            {t('quotes.history')}
                          </Menu.Item>
                          <Menu.Item
                            leftSection={<IconEdit size={14} />}
                            onClick={() => setEditing({ mode: 'update', quote })}
                          >
                            {t('quotes.correct')}
                          </Menu.Item>
                          <Menu.Item
                            color="red"
                            leftSection={<IconTrash size={14} />}
                            onClick={() => setDeleting(quote)}
                          >
                            {t('quotes.deleteRound')}
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <FormDrawer
        opened={editing !== null}
        size={760}
        title={editing ? t(`quotes.form.title.${editing.mode}`) : ''}
        onClose={() => setEditing(null)}
      >
        {() =>
          editing ? (
            <QuoteEditor
              skuId={skuId}
              retailPack={retailPack}
              quote={editing.quote}
              mode={editing.mode}
              currencies={currencies}
              onCancel={() => setEditing(null)}
              onSaved={() => setEditing(null)}
            />
          ) : null
        }
      </FormDrawer>
      <Modal
        opened={history !== null}
        onClose={() => setHistory(null)}
        title={history ? t('quotes.historyTitle', { name: history.factoryName }) : ''}
        size="lg"
      >
        {history ? <QuoteRoundsTimeline threadId={history.threadId} /> : null}
      </Modal>
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={t('quotes.deleteRound')}>
        <Text size="sm" mb="md">
          {deleting ? t('quotes.deleteBody', { name: deleting.factoryName, round: deleting.round }) : ''}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setDeleting(null)}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={remove.pending} onClick={() => void confirmDelete()}>
            {t('common.delete')}
          </Button>
        </Group>
      </Modal>
    </Paper>
  )
}
