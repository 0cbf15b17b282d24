import type { Photo, PhotoOwnerTable } from '@core/photos/photos.contract'
import { useCallback, useRef, useState } from 'react'
import { useApiContext } from '../api/api-context'
import { uploadPhoto } from './photo-api'

/** One file on its way into a record's gallery. */
export interface UploadItem {
  /** Stable key for the list. */
  key: number
  /** The file's name as the user picked, dropped or pasted it. */
  name: string
  /** Sending bytes, then the core making thumbnails and attaching, then done or failed. */
  status: 'uploading' | 'processing' | 'done' | 'failed'
  /** Share of bytes sent, 0–100. */
  percent: number
  /** Why it failed (an ApiCallError or anything else). */
  error?: unknown
}

/** The owner of the gallery the files are added to. */
export interface PhotoOwnerRef {
  /** Table of the record. */
  ownerTable: PhotoOwnerTable
  /** Id of the record. */
  ownerId: string
}

/**
 * Uploads files one after another (a 20 MB photo at a time is enough for a laptop), attaches each to
 * the owner, and keeps per-file status for the list under the dropzone. Without an owner (a record not
 * saved yet) each stored photo goes to `onStored` instead, for the record to link when it is saved.
 */
export function usePhotoUploads(owner: PhotoOwnerRef | null, onStored?: (photo: Photo, file: File) => void) {
  const { client, invalidate } = useApiContext()
  const [items, setItems] = useState<UploadItem[]>([])
  const queue = useRef<Promise<void>>(Promise.resolve())
  const nextKey = useRef(1)

  const update = useCallback((key: number, change: Partial<UploadItem>) => {
    setItems((all) => all.map((item) => (item.key === key ? { ...item, ...change } : item)))
  }, [])

  const add = useCallback(
    (files: File[]) => {
      for (const file of files) {
        const key = nextKey.current++
        setItems((all) => [...all, { key, name: file.name || 'clipboard', status: 'uploading', percent: 0 }])
        queue.current = queue.current.then(async () => {
          try {
            const photo = await uploadPhoto(file, (sent) => {
              const percent = Math.round(sent * 100)
              update(key, percent >= 100 ? { percent, status: 'processing' } : { percent })
            })
            if (owner) await client.call('photos.attach', { sha256: photo.sha256, ...owner, caption: '' })
            update(key, { status: 'done', percent: 100 })
            onStored?.(photo, file)
            if (owner) invalidate()
          } catch (error) {
            update(key, { status: 'failed', error })
          }
        })
      }
    },
    [client, invalidate, owner, onStored, update],
  )

  const clearFinished = useCallback(() => {
    setItems((all) => all.filter((item) => item.status === 'uploading' || item.status === 'processing'))
  }, [])

  return { items, add, clearFinished }
}
