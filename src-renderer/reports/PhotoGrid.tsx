import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ReportPhotoData } from './report-types'
import { printPhotoUrl } from './print-photo'

/** At most this many of a sample's own photos per report (two rows). */
export const MAX_REPORT_PHOTOS = 6
/** At most this many of the factory's photos (its visit's, then its own): one row beside the sample's. */
export const MAX_FACTORY_PHOTOS = 3

/** Photos three to a row with their captions and where each was taken (sample, visit, factory). */
export function PhotoGrid({
  photos,
  max = MAX_REPORT_PHOTOS,
}: {
  photos: readonly ReportPhotoData[]
  /** How many to print; the rest are counted below the grid. */
  max?: number
}) {
  const { t } = useTranslation()
  const shown = photos.slice(0, max)
  if (shown.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('reports.photos.none')}
      </Text>
    )
  }
  return (
    <>
      <div className="print-photos" data-testid="report-photos">
        {shown.map((photo) => (
          <figure key={photo.linkId} className="print-photo" data-owner={photo.ownerTable}>
            <img src={printPhotoUrl(photo.sha256)} alt={photo.caption} loading="eager" decoding="sync" />
            <figcaption>
              <span className="print-photo-origin">{t(`reports.photos.from.${photo.ownerTable}`)}</span>
              {photo.caption}
            </figcaption>
          </figure>
        ))}
      </div>
      {photos.length > shown.length ? (
        <Text size="xs" c="dimmed" mt={4}>
          {t('reports.photos.more', { count: photos.length - shown.length })}
        </Text>
      ) : null}
    </>
  )
}
