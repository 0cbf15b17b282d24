import type { IncomingMessage } from 'node:http'

/**
 * Reads a request body up to `limit` bytes; resolves null (and stops reading) once the limit is passed,
 * so an oversized upload is refused with 413 without being held in memory. Shared by the browser host
 * and the HQ server. `onProgress` hears the bytes received so far after each chunk (phone uploads).
 */
export function readBody(
  req: IncomingMessage,
  limit: number,
  onProgress?: (received: number) => void,
): Promise<Buffer | null> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > limit) return resolveBody(null)
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        resolveBody(null)
        req.pause()
        return
      }
      chunks.push(chunk)
      onProgress?.(size)
    })
    req.on('end', () => resolveBody(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}
