import type { FactoryStatus, FactorySummary } from '@core/factories/factories.contract'
import { memo } from 'react'
import type { CertificateFlag } from '../certificates/use-certificate-flags'
import { routeHash } from '../shell/route'
import classes from './FactoryList.module.css'
import { formatDateTime, formatList, formatPlace } from './format'
import { GRID_TEMPLATE, ROW_HEIGHT } from './list-columns'
import { STATUS_COLORS } from './status-colors'

/** Texts every row shows, translated once by the list instead of once per row. */
export interface RowLabels {
  /** Status names by status. */
  status: Record<FactoryStatus, string>
  /** Prefix of the OEM-brands line. */
  oemBrands: string
  /** Marks a factory kept with a credit code whose check character fails. */
  creditCodeWarning: string
  /** Shown for an empty cell. */
  none: string
  /** The last-visit cell of a factory never visited. */
  neverVisited: string
}

function flagStyle(color: string): React.CSSProperties {
  return {
    '--status-bg': `var(--mantine-color-${color}-light)`,
    '--status-fg': `var(--mantine-color-${color}-light-color)`,
  } as React.CSSProperties
}

/**
 * One factory in the list; the whole row is a link to its page. Kept lean for scrolling at 10,000 rows:
 * few DOM nodes, no per-row hooks, plain elements instead of library components.
 */
export const FactoryListRow = memo(function FactoryListRow({
  factory,
  top,
  labels,
  certificate,
  index,
  tabbable,
  focusClass,
  onFocusRow,
}: {
  factory: FactorySummary
  /** Its index in the list: the list is one Tab stop and the arrows move between rows (useRovingList). */
  index: number
  /** The row that takes Tab. */
  tabbable: boolean
  /** The focus ring's class. */
  focusClass: string
  /** Told when the row takes focus, by click or Tab. */
  onFocusRow: (index: number) => void
  top: number
  labels: RowLabels
  /** Its most urgent certificate flag ("BSCI 23 天后到期"), if any. */
  certificate?: CertificateFlag
}) {
  const categories = formatList(factory.categories)
  const color = STATUS_COLORS[factory.status]
  return (
    <a
      className={`${classes.row} ${focusClass}`}
      tabIndex={tabbable ? 0 : -1}
      data-roving-index={index}
      onFocus={() => onFocusRow(index)}
      href={routeHash({ area: 'factory', id: factory.id })}
      style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)`, gridTemplateColumns: GRID_TEMPLATE }}
      data-testid="factory-row"
      role="row"
    >
      <div className={classes.cell} title={factory.name}>
        <div style={{ display: 'flex', gap: 6, alignItems: 'center', minWidth: 0 }}>
          <div className={`${classes.cell} ${classes.name}`}>{factory.name}</div>
          {certificate ? (
            <span
              className={classes.status}
              style={flagStyle(certificate.state === 'expired' ? 'red' : 'orange')}
              data-testid="factory-certificate-flag"
              data-state={certificate.state}
            >
              {certificate.text}
            </span>
          ) : null}
        </div>
        {factory.creditCodeWarning !== null ? (
          <div
            className={`${classes.cell} ${classes.sub} ${classes.warn}`}
            title={factory.creditCodeWarning}
            data-testid="row-creditCode-warning"
          >
            ⚠ {labels.creditCodeWarning}：{factory.creditCodeWarning}
          </div>
        ) : factory.oemBrands.length > 0 ? (
          <div className={`${classes.cell} ${classes.sub}`}>
            {labels.oemBrands}：{formatList(factory.oemBrands)}
          </div>
        ) : null}
      </div>
      <div className={classes.cell}>{formatPlace(factory.province, factory.city) || labels.none}</div>
      <div className={classes.cell}>{factory.industrialBelt || labels.none}</div>
      <div className={classes.cell} title={categories}>
        {categories || labels.none}
      </div>
      <div>
        <span className={classes.status} style={flagStyle(color)}>
          {labels.status[factory.status]}
        </span>
      </div>
      <div className={`${classes.cell} num`} data-testid="row-last-visit">
        {factory.glance.lastVisitDate ?? <span className={classes.dim}>{labels.neverVisited}</span>}
        {factory.glance.latestScore !== null ? (
          <span className={classes.score}> · {factory.glance.latestScore.toFixed(1)}</span>
        ) : null}
      </div>
      <div className={`${classes.cell} ${classes.dim}`}>{formatDateTime(factory.updatedAt)}</div>
    </a>
  )
})
