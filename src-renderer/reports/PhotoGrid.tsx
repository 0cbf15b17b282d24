import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ReportPhotoData } from './report-types'
import { printPhotoUrl } from './print-photo'

/** At most this many photos per report: the sample's own first, then the visit's, then the factory's. */
export const MAX_REPORT_PHOTOS = 6

/** Photos three to a row with their captions and where each was taken (sample, visit, factory). */
export function PhotoGrid({ photos }: { photos: readonly ReportPhotoData[] }) {
  const { t } = useTranslation()
  const shown = photos.slice(0, MAX_REPORT_PHOTOS)
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
          <figure key={photo.linkId} className="print-photo">
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
