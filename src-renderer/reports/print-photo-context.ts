import { createContext, useContext } from 'react'
import { photoUrl } from '../photos/photo-api'

/** Print-size image address per photo hash, resolved before the report renders. */
export const PrintPhotoContext = createContext<ReadonlyMap<string, string>>(new Map())

/** The address to print a photo from: its print-size copy, else the preview (never the original). */
export function usePrintPhotoUrl(): (sha256: string) => string {
  const urls = useContext(PrintPhotoContext)
  return (sha256) => urls.get(sha256) ?? photoUrl(sha256, 'preview')
}
