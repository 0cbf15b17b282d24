import { photoUrl } from '../photos/photo-api'

/**
 * Where a report prints a photo from: its preview (never the original), marked '?print' so the browser
 * host's printer can answer with an 800 px copy (src-main/host/pdf-photos.ts) and keep the PDF small.
 * Hosts that do not intercept it (Electron's photo protocol, a browser's own print dialog) ignore the
 * query and serve the preview itself.
 */
export function printPhotoUrl(sha256: string): string {
  return `${photoUrl(sha256, 'preview')}?print`
}
