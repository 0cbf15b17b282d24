import { describe, expect, it } from 'vitest'
import { sniffImageFormat } from './image-sniff'

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)))

describe('sniffImageFormat', () => {
  it('recognizes accepted formats by their first bytes', () => {
    expect(sniffImageFormat(bytes([0xff, 0xd8, 0xff, 0xe1]))).toBe('jpeg')
    expect(sniffImageFormat(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png')
    expect(sniffImageFormat(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('webp')
    expect(sniffImageFormat(bytes('GIF89a'))).toBe('gif')
    expect(sniffImageFormat(bytes('II', [0x2a, 0]))).toBe('tiff')
    expect(sniffImageFormat(bytes([0, 0, 0, 0x1c], 'ftypheic'))).toBe('heif')
    expect(sniffImageFormat(bytes([0, 0, 0, 0x1c], 'ftypavif'))).toBe('avif')
  })

  it('refuses text, SVG, PDF, video and empty input whatever the file is called', () => {
    expect(sniffImageFormat(bytes('hello.jpg'))).toBeNull()
    expect(sniffImageFormat(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull()
    expect(sniffImageFormat(bytes('%PDF-1.7'))).toBeNull()
    expect(sniffImageFormat(bytes([0, 0, 0, 0x18], 'ftypmp42'))).toBeNull()
    expect(sniffImageFormat(new Uint8Array())).toBeNull()
  })
})
