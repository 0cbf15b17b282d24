import { existsSync } from 'node:fs'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { ok } from '../../../test/integration/support/api-result'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import type { FactorySummary } from '../factories/factories.contract'
import { photoRoutes } from '../photos/photos.api'
import type { PhotoLink } from '../photos/photos.contract'

describe('demo photos', () => {
  let core: TempCore | undefined
  afterEach(async () => {
    await core?.dispose()
  })

  it('give the factories a new user sees first a few real, captioned pictures with thumbnails', async () => {
    core = await createTempCore({ demo: true })
    const { items } = ok<{ items: FactorySummary[] }>(await core.dispatch('factories.list', { limit: 3 }))
    const routes = photoRoutes(core.context)
    for (const factory of items) {
      const photos = ok<{ items: PhotoLink[] }>(
        await core.dispatch('photos.list', { ownerTable: 'factories', ownerId: factory.id }),
      ).items
      expect(photos.length).toBeGreaterThanOrEqual(2)
      for (const photo of photos) {
        expect(photo.caption).not.toBe('')
        expect(photo).toMatchObject({ width: 1200, height: 900, mime: 'image/jpeg' })
        const thumb = await routes.file(photo.sha256, 'thumb')
        expect(existsSync(thumb!.path)).toBe(true)
        expect((await sharp(thumb!.path).metadata()).width).toBe(320)
      }
    }
  })
})
