import type { FactorySummary } from '@core/factories/factories.contract'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import { routeHash } from '../shell/route'
import classes from './FactoryList.module.css'
import { formatDateTime, formatList, formatPlace } from './format'
import { GRID_TEMPLATE, ROW_HEIGHT } from './list-columns'
import { StatusBadge } from './StatusBadge'

/** One factory in the list; the whole row is a link to its page. Kept lean: few DOM nodes per row. */
export const FactoryListRow = memo(function FactoryListRow({
  factory,
  top,
}: {
  factory: FactorySummary
  top: number
}) {
  const { t } = useTranslation()
  const oem = factory.oemBrands.length > 0 ? formatList(factory.oemBrands) : ''
  return (
    <a
      className={classes.row}
      href={routeHash({ area: 'factory', id: factory.id })}
      style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)`, gridTemplateColumns: GRID_TEMPLATE }}
      data-testid="factory-row"
      role="row"
    >
      <div className={classes.cell} title={factory.name}>
        <div className={`${classes.cell} ${classes.name}`}>{factory.name}</div>
        {oem ? (
          <div className={`${classes.cell} ${classes.sub}`}>
            {t('factories.fields.oemBrands')}：{oem}
          </div>
        ) : null}
      </div>
      <div className={classes.cell}>{formatPlace(factory.province, factory.city) || t('common.none')}</div>
      <div className={classes.cell}>{factory.industrialBelt || t('common.none')}</div>
      <div className={classes.cell} title={formatList(factory.categories)}>
        {formatList(factory.categories) || t('common.none')}
      </div>
      <div>
        <StatusBadge status={factory.status} />
      </div>
      <div className={`${classes.cell} ${classes.dim}`}>{formatDateTime(factory.updatedAt)}</div>
    </a>
  )
})
