import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HEIF_ENC_MISSING, heicFromJpeg } from '../integration/support/heic'
import { createPhotoProcessor } from '../../src-main/core/photos/photo-processor'
import { phoneLikeJpeg } from './photo-thumbnail'
import type { BenchRow } from './report'
import { timeRuns } from './stats'

/** A top-level 'free' box: HEIF readers skip it, so it makes each run's content unique. */
function freeBox(text: string): Buffer {
  const body = Buffer.from(text)
  const header = Buffer.alloc(8)
  header.writeUInt32BE(8 + body.length)
  header.write('free', 4, 'latin1')
  return Buffer.concat([header, body])
}

/**
 * DESIGN.md: a HEIC 4032x3024 thumbnail + preview in <= 400 ms, off the UI thread. Ours: the whole store
 * of an iPhone-sized HEIC upload in the photo worker (libheif's WASM HEVC decoder, then sharp for the
 * 320 px thumbnail and 1600 px preview, and the writes). Baseline: the same picture as a JPEG through the
 * same worker, which libvips decodes natively with shrink-on-load.
 */
export async function benchPhotoHeic(runs: number): Promise<BenchRow[]> {
  const what = 'photo 4032x3024 HEIC: thumbnail + preview stored, in the worker'
  const baselineWhat = 'the same picture as a JPEG, same worker'
  if (HEIF_ENC_MISSING) {
    return [
      { what, value: null, baselineWhat, baseline: null, target: 400, unit: 'ms', note: HEIF_ENC_MISSING },
    ]
  }
  const jpeg = await phoneLikeJpeg(4032, 3024)
  const heic = heicFromJpeg(jpeg, 60)
  const root = mkdtempSync(join(tmpdir(), 'workbench-bench-heic-'))
  const processor = createPhotoProcessor()
  try {
    const value = await timeRuns(
      runs,
      (i) => processor.store(Buffer.concat([heic, freeBox(`run ${i}`)]), root),
      1,
    )
    const baseline = await timeRuns(
      runs,
      (i) => processor.store(Buffer.concat([jpeg, Buffer.from(`run ${i}`)]), root),
      1,
    )
    const ratio = value.p50 / baseline.p50
    return [
      {
        what: `${what} (${(heic.length / 1e6).toFixed(1)} MB)`,
        value,
        baselineWhat,
        baseline,
        target: 400,
        unit: 'ms',
        note: `HEIC takes ${ratio.toFixed(1)}x the JPEG (p50): HEVC decodes in WASM on one thread, at full size`,
      },
    ]
  } finally {
    await processor.close()
    rmSync(root, { recursive: true, force: true })
  }
}
