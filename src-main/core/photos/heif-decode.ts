import { createRequire } from 'node:module'

/**
 * Decodes HEIC (HEVC-coded HEIF, what iPhones save) with libheif's WASM build: the libvips inside sharp
 * has no HEVC decoder. Used only on the photo worker's thread; the WASM module (~1.5 MB) is loaded on
 * the first HEIC and kept.
 */

interface HeifChannel {
  id: number
  data: Uint8Array
  stride: number
  width: number
  height: number
}
interface HeifImage {
  handle: number
  get_width(): number
  get_height(): number
  is_primary(): boolean
  has_alpha_channel(): boolean
  free(): void
}
interface LibHeif {
  HeifDecoder: new () => { decoder: number | null; decode(bytes: Uint8Array): HeifImage[] }
  heif_context_free(context: number): void
  heif_image_release(image: unknown): void
  heif_js_decode_image2(
    handle: number,
    colorspace: number,
    chroma: number,
  ): Promise<{ code?: number; message?: string; image: unknown; channels: HeifChannel[] } | null>
  heif_colorspace: { heif_colorspace_RGB: number }
  heif_chroma: { heif_chroma_interleaved_RGB: number; heif_chroma_interleaved_RGBA: number }
  heif_channel: { heif_channel_interleaved: number }
}

let loaded: LibHeif | undefined
function libheif(): LibHeif {
  // The bundle carries its .wasm inline, so nothing has to be found on disk beside the built worker.
  loaded ??= createRequire(import.meta.url)('libheif-js/wasm-bundle') as LibHeif
  return loaded
}

/** Raw interleaved pixels as sharp's `raw` input takes them. */
export interface DecodedPixels {
  data: Buffer
  width: number
  height: number
  channels: 3 | 4
}

/** The primary image's size as shown (libheif applies the irot/imir transforms), without decoding. */
export interface HeifPrimary {
  width: number
  height: number
  /** Decodes the pixels; call at most once. */
  decode(): Promise<DecodedPixels>
  /** Frees the WASM memory of the parsed file; call when done (also after decode). */
  release(): void
}

/** Parses a HEIF file; throws when libheif cannot read it. */
export function openHeif(bytes: Uint8Array): HeifPrimary {
  const heif = libheif()
  const decoder = new heif.HeifDecoder()
  const images = decoder.decode(bytes)
  const release = () => {
    for (const image of images) image.free()
    if (decoder.decoder) heif.heif_context_free(decoder.decoder)
    decoder.decoder = null
  }
  const primary = images.find((image) => image.is_primary()) ?? images[0]
  if (!primary) {
    release()
    throw new Error('the HEIF file holds no image libheif can read')
  }
  const width = primary.get_width()
  const height = primary.get_height()
  const decode = async (): Promise<DecodedPixels> => {
    const channels = primary.has_alpha_channel() ? 4 : 3
    const chroma =
      channels === 4
        ? heif.heif_chroma.heif_chroma_interleaved_RGBA
        : heif.heif_chroma.heif_chroma_interleaved_RGB
    const decoded = await heif.heif_js_decode_image2(
      primary.handle,
      heif.heif_colorspace.heif_colorspace_RGB,
      chroma,
    )
    if (!decoded || decoded.code)
      throw new Error(`libheif cannot decode the image: ${decoded?.message ?? 'no image'}`)
    try {
      const plane = decoded.channels.find((c) => c.id === heif.heif_channel.heif_channel_interleaved)
      if (!plane) throw new Error('libheif returned no interleaved plane')
      const row = width * channels
      const data = Buffer.allocUnsafe(row * height)
      if (plane.stride === row) data.set(plane.data.subarray(0, row * height))
      else
        for (let y = 0; y < height; y++)
          data.set(plane.data.subarray(y * plane.stride, y * plane.stride + row), y * row)
      return { data, width, height, channels }
    } finally {
      heif.heif_image_release(decoded.image)
    }
  }
  return { width, height, decode, release }
}
