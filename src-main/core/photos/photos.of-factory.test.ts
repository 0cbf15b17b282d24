import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok } from '../../../test/integration/support/api-result'
import { seedPaperSku } from '../../../test/integration/support/paper-sku'
import { createTempCore, type TempCore } from '../../../test/integration/support/temp-core'
import { photoRoutes } from './photos.api'
import type { Photo, PhotoLink } from './photos.contract'

/** A factory page's photos of its visits and samples, through the dispatcher on a real SQLite file. */

const colour = (fill: string) =>
  sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="48"><rect width="64" height="48" fill="${fill}"/></svg>`,
    ),
  )
    .jpeg()
    .toBuffer()

describe('photos of a factory’s visits and samples', () => {
  let core: TempCore
  const call = async <T>(name: string, input: unknown) => ok<T>(await core.dispatch(name, input))
  beforeEach(async () => {
    core = await createTempCore()
  })
  afterEach(async () => {
    await core.dispose()
  })

  it('lists the visit’s photos, then the samples’, then the quotes’, and leaves out other factories and deleted records', async () => {
    const upload = async (fill: string) =>
      ok<Photo>(await photoRoutes(core.context).upload(await colour(fill)))
    const attach = (sha256: string, ownerTable: string, ownerId: string) =>
      call<PhotoLink>('photos.attach', { sha256, ownerTable, ownerId })
    const factory = await call<{ id: string }>('factories.create', { name: '晋江禾映纸业' })
    const other = await call<{ id: string }>('factories.create', { name: '泉州净洁日化' })
    const visit = await call<{ id: string }>('visits.create', {
      factoryId: factory.id,
      visitDate: '2026-03-10',
    })
    const sample = await call<{ id: string }>('samples.create', {
      source: 'visit',
      visitId: visit.id,
      factoryId: factory.id,
      name: '竹浆抽纸',
    })
    const gone = await call<{ id: string }>('samples.create', {
      source: 'selectionCenter',
      factoryId: factory.id,
      name: '旧样',
    })
    const stranger = await call<{ id: string }>('samples.create', {
      source: 'selectionCenter',
      factoryId: other.id,
      name: '洗手液',
    })
    const paper = await seedPaperSku((name, input) => core.dispatch(name, input))
    const quote = await call<{ id: string }>('quotes.create', { ...paper.quoteA(), factoryId: factory.id })
    const [line, roll, old, soap, own, board] = await Promise.all(
      ['#ff0000', '#00ff00', '#0000ff', '#ffff00', '#00ffff', '#ff00ff'].map(upload),
    )
    await attach(board!.sha256, 'quotes', quote.id)
    await attach(line!.sha256, 'visits', visit.id)
    await attach(roll!.sha256, 'samples', sample.id)
    await attach(old!.sha256, 'samples', gone.id)
    await attach(soap!.sha256, 'samples', stranger.id)
    await attach(own!.sha256, 'factories', factory.id)
    await call('samples.delete', { id: gone.id })

    const { items } = await call<{ items: PhotoLink[] }>('photos.ofFactory', { factoryId: factory.id })
    expect(items.map((p) => [p.ownerTable, p.sha256])).toEqual([
      ['visits', line!.sha256],
      ['samples', roll!.sha256],
      ['quotes', board!.sha256],
    ])
  })
})
