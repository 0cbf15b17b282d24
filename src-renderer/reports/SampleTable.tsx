import { useTranslation } from 'react-i18next'
import type { VisitReportData } from './report-types'

type SampleRow = VisitReportData['samples'][number]

/** Samples as one line each: code, name, factory, SKU, status and the verdict against the benchmark. */
export function SampleTable({
  samples,
  withFactory,
  withSku = true,
}: {
  samples: readonly SampleRow[]
  withFactory: boolean
  /** false on an SKU's own summary, where every sample is for that SKU. */
  withSku?: boolean
}) {
  const { t } = useTranslation()
  return (
    <table className="print-table" data-testid="report-samples">
      <thead>
        <tr>
          <th>{t('reports.samples.code')}</th>
          <th>{t('reports.samples.name')}</th>
          {withFactory ? <th>{t('reports.sample.factory')}</th> : null}
          {withSku ? <th>{t('reports.sample.sku')}</th> : null}
          <th>{t('reports.samples.status')}</th>
          <th>{t('reports.samples.verdict')}</th>
        </tr>
      </thead>
      <tbody>
        {samples.map((s) => (
          <tr key={s.id}>
            <td className="num">{s.code}</td>
            <td>{s.name}</td>
            {withFactory ? <td>{s.factoryName ?? t('reports.deletedFactory')}</td> : null}
            {withSku ? <td>{s.skuName ?? t('common.none')}</td> : null}
            <td>{t(`reports.sampleStatus.${s.status}`)}</td>
            <td>{s.verdict ? t(`reports.verdict.${s.verdict}`) : t('common.none')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
