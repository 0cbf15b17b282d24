import type { Sample } from '@core/samples/samples.contract'
import dayjs from 'dayjs'
import classes from './labels.module.css'
import { QrCode } from './QrCode'

/** One 70 × 37 mm bag label: the code large, its QR, what the sample is and where it came from. */
export function SampleLabel({ sample }: { sample: Sample }) {
  return (
    <div className={classes.label} data-testid="sample-label">
      <div className={classes.code} data-testid="label-code">
        {sample.code}
      </div>
      <div className={classes.body}>
        <QrCode text={sample.code} className={classes.qr} />
        <div className={classes.meta}>
          <div className={classes.name}>{sample.name}</div>
          <div className={classes.line}>{sample.factoryName ?? ''}</div>
          {sample.skuName ? <div className={classes.line}>SKU {sample.skuName}</div> : null}
          <div className={classes.line}>{dayjs(sample.createdAt).format('YYYY-MM-DD')}</div>
          {sample.storageLocation ? <div className={classes.line}>{sample.storageLocation}</div> : null}
        </div>
      </div>
    </div>
  )
}
