import type { PhotoLink } from '@core/photos/photos.contract'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from '../api/use-mutation'
import { errorMessage } from '../common/error-message'
import { notifyError, notifySuccess } from '../common/notify'
import { PhotoGallery } from './PhotoGallery'
import { PhotoViewer } from './PhotoViewer'

/** Linked photos as a gallery whose captions can be edited and links removed, with the viewer. */
export function EditableGallery({ photos }: { photos: PhotoLink[] }) {
  const { t } = useTranslation()
  const caption = useMutation('photos.updateCaption')
  const unlink = useMutation('photos.unlink')
  const [viewing, setViewing] = useState<number | null>(null)
  const fail = useCallback((error: unknown) => notifyError(t('errors.title'), errorMessage(t, error)), [t])
  return (
    <>
      <PhotoGallery
        photos={photos}
        onOpen={setViewing}
        onCaption={(linkId, text) => caption.run({ linkId, caption: text }).catch(fail)}
        onUnlink={(linkId) =>
          unlink
            .run({ linkId })
            .then(() => notifySuccess(t('photos.unlinked')))
            .catch(fail)
        }
      />
      <PhotoViewer photos={photos} index={viewing} onIndex={setViewing} />
    </>
  )
}
