import { Alert, Button, Group, NumberInput, SegmentedControl, Text } from '@mantine/core'
import type { Sample } from '@core/samples/samples.contract'
import { IconPrinter } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiContext } from '../api/api-context'
import { BackLink } from '../common/BackLink'
import { errorMessage } from '../common/error-message'
import classes from './labels.module.css'
import { SampleLabel } from './SampleLabel'
import { paginate, PER_SHEET } from './sheet'

type Layout = 'sheet' | 'single'

/**
 * The print view for sample labels: one label for a label printer (70 × 37 mm pages) or A4 sheets of 24.
 * The toolbar is screen-only; the page size comes from @page, so the print dialog starts right.
 */
export function LabelSheetPage({ ids }: { ids: string[] }) {
  const { t } = useTranslation()
  const { client } = useApiContext()
  const [samples, setSamples] = useState<Sample[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [layout, setLayout] = useState<Layout>(ids.length === 1 ? 'single' : 'sheet')
  const [skip, setSkip] = useState(0)
  const key = ids.join(',')

  useEffect(() => {
    let current = true
    Promise.all(
      key
        .split(',')
        .filter(Boolean)
        .map((id) => client.call('samples.get', { id })),
    ).then(
      (loaded) => current && setSamples(loaded),
      (e: unknown) => current && setError(e),
    )
    return () => {
      current = false
    }
  }, [client, key])

  const back = ids.length === 1 ? `#/samples/${ids[0]}` : '#/samples'
  const pageRule =
    layout === 'single' ? '@page { size: 70mm 37mm; margin: 0 }' : '@page { size: A4; margin: 0 }'

  return (
    <div className={classes.page} data-testid="label-page" data-layout={layout}>
      <style>{pageRule}</style>
      <div className={classes.toolbar}>
        <Group justify="space-between" wrap="nowrap">
          <BackLink href={back}>{t('labels.back')}</BackLink>
          <Group gap="sm" wrap="nowrap">
            <SegmentedControl
              size="xs"
              value={layout}
              onChange={(v) => setLayout(v as Layout)}
              data={[
                { value: 'single', label: t('labels.layout.single') },
                { value: 'sheet', label: t('labels.layout.sheet') },
              ]}
              data-testid="label-layout"
            />
            {layout === 'sheet' ? (
              <NumberInput
                size="xs"
                w={150}
                min={0}
                max={PER_SHEET - 1}
                allowDecimal={false}
                allowNegative={false}
                leftSection={<Text size="xs">{t('labels.skip')}</Text>}
                leftSectionWidth={60}
                value={skip}
                onChange={(v) => setSkip(typeof v === 'number' ? Math.min(Math.max(v, 0), PER_SHEET - 1) : 0)}
                aria-label={t('labels.skipHint')}
                title={t('labels.skipHint')}
              />
            ) : null}
            <Button
              size="xs"
              leftSection={<IconPrinter size={14} />}
              disabled={!samples || samples.length === 0}
              onClick={() => window.print()}
              data-testid="label-print"
            >
              {t('labels.printNow')}
            </Button>
          </Group>
        </Group>
        {samples ? (
          <Text size="xs" c="dimmed" mt={6}>
            {layout === 'sheet'
              ? t('labels.sheetHint', { count: samples.length, sheets: paginate(samples, skip).length })
              : t('labels.singleHint', { count: samples.length })}
          </Text>
        ) : null}
        {error ? (
          <Alert color="red" variant="light" mt="sm">
            {errorMessage(t, error)}
          </Alert>
        ) : null}
        {ids.length === 0 ? (
          <Alert color="gray" variant="light" mt="sm">
            {t('labels.none')}
          </Alert>
        ) : null}
      </div>
      {samples && layout === 'single'
        ? samples.map((s) => (
            <div key={s.id} className={classes.single}>
              <SampleLabel sample={s} />
            </div>
          ))
        : null}
      {samples && layout === 'sheet'
        ? paginate(samples, skip).map((cells, i) => (
            <div key={i} className={classes.sheet} data-testid="label-sheet">
              {cells.map((s, j) =>
                s ? (
                  <SampleLabel key={s.id} sample={s} />
                ) : (
                  <div key={`blank-${j}`} className={classes.blank} />
                ),
              )}
            </div>
          ))
        : null}
    </div>
  )
}
