import type { CoreContext } from '../api/context'
import { attachPhoto, uploadPhoto } from '../photos/photos.service'

/**
 * Demo photos for the newest demo factories: simple product and workshop drawings made with sharp from
 * SVG (nothing downloaded), stored through the same upload path as a buyer's photos. Labels in the
 * pictures are ASCII so they draw without CJK fonts; captions carry the Chinese.
 */

/** Factories that get photos: the newest ones, which the list shows first. */
const FACTORIES_WITH_PHOTOS = 6
const WIDTH = 1200
const HEIGHT = 900

type Drawing = (accent: string, label: string) => string

const frame = (body: string, background: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 1200 900">
    <rect width="1200" height="900" fill="${background}"/>${body}</svg>`

const caption = (label: string) =>
  `<text x="600" y="840" font-family="DejaVu Sans, Arial, sans-serif" font-size="44" fill="#333" text-anchor="middle">${label}</text>`

/** A soft pack of facial tissues, the tissue drawn out of its slot. */
const tissuePack: Drawing = (accent, label) =>
  frame(
    `<ellipse cx="600" cy="690" rx="380" ry="40" fill="#000" opacity="0.12"/>
     <rect x="230" y="300" width="740" height="380" rx="70" fill="${accent}"/>
     <rect x="230" y="300" width="740" height="120" rx="60" fill="#fff" opacity="0.25"/>
     <rect x="430" y="330" width="340" height="40" rx="20" fill="#fff" opacity="0.8"/>
     <path d="M500 350 C520 220 680 220 700 350 Z" fill="#fff"/>
     <circle cx="380" cy="560" r="70" fill="#fff" opacity="0.9"/>
     <text x="600" y="580" font-family="DejaVu Sans, Arial, sans-serif" font-size="64" font-weight="bold" fill="#fff">3-PLY</text>
     ${caption(label)}`,
    '#f3efe6',
  )

/** A pump bottle of hand soap or cleaner. */
const bottle: Drawing = (accent, label) =>
  frame(
    `<ellipse cx="600" cy="740" rx="220" ry="30" fill="#000" opacity="0.12"/>
     <rect x="560" y="120" width="80" height="110" rx="10" fill="#555"/>
     <rect x="520" y="140" width="120" height="26" rx="8" fill="#555"/>
     <rect x="470" y="230" width="260" height="80" rx="30" fill="#666"/>
     <rect x="420" y="290" width="360" height="460" rx="80" fill="${accent}"/>
     <rect x="460" y="420" width="280" height="200" rx="24" fill="#fff" opacity="0.9"/>
     <text x="600" y="535" font-family="DejaVu Sans, Arial, sans-serif" font-size="48" font-weight="bold" fill="${accent}" text-anchor="middle">500 ml</text>
     ${caption(label)}`,
    '#e9f1f4',
  )

/** A workshop hall with a production line. */
const workshop: Drawing = (accent, label) =>
  frame(
    `<rect x="0" y="560" width="1200" height="340" fill="#cfd4d8"/>
     <polygon points="100,560 100,260 400,160 400,260 700,160 700,260 1000,160 1000,560" fill="#b8c0c7"/>
     <rect x="140" y="470" width="900" height="60" rx="10" fill="#5d6b75"/>
     ${[0, 1, 2, 3, 4, 5]
       .map((i) => `<rect x="${180 + i * 140}" y="400" width="90" height="70" rx="8" fill="${accent}"/>`)
       .join('')}
     <rect x="160" y="300" width="120" height="90" fill="#fff" opacity="0.7"/>
     <rect x="860" y="300" width="120" height="90" fill="#fff" opacity="0.7"/>
     ${caption(label)}`,
    '#dde3e8',
  )

/** A shipping carton with a label. */
const carton: Drawing = (accent, label) =>
  frame(
    `<ellipse cx="600" cy="720" rx="360" ry="36" fill="#000" opacity="0.12"/>
     <polygon points="300,330 600,230 900,330 600,430" fill="#d9b98a"/>
     <polygon points="300,330 600,430 600,720 300,620" fill="#c49a62"/>
     <polygon points="900,330 600,430 600,720 900,620" fill="#b0874f"/>
     <rect x="360" y="460" width="180" height="110" fill="#fff" transform="skewY(18) translate(0,-140)"/>
     <rect x="640" y="470" width="200" height="36" fill="${accent}" transform="skewY(-18) translate(0,230)"/>
     ${caption(label)}`,
    '#f1ede7',
  )

/** What to draw for a factory, by what it makes. */
function drawingsFor(categories: string[]): { draw: Drawing; label: string; caption: string }[] {
  const joined = categories.join(' ')
  const product = /纸|巾/.test(joined)
    ? { draw: tissuePack, label: 'Facial tissue sample', caption: '样品：抽纸' }
    : /酒/.test(joined)
      ? { draw: carton, label: 'Baijiu 6 x 500 ml case', caption: '样品：整箱包装' }
      : { draw: bottle, label: 'Cleaner sample', caption: '样品：瓶装' }
  return [
    product,
    { draw: workshop, label: 'Production line', caption: '生产车间' },
    { draw: carton, label: 'Export carton', caption: '外箱包装' },
  ]
}

const ACCENTS = ['#3b82c4', '#2f9e6e', '#d9822b', '#b83280', '#6b5bd2', '#c2410c']

/** Adds a few photos to the newest demo factories and one to each demo sample; runs once, on first start. */
export async function seedDemoPhotos(ctx: CoreContext): Promise<void> {
  // Loaded only when seeding, not on every start.
  const { default: sharp } = await import('sharp')
  const factories = await ctx.db
    .selectFrom('factories')
    .select(['id', 'name', 'categories'])
    .where('deleted_at', 'is', null)
    .orderBy('id', 'desc')
    .limit(FACTORIES_WITH_PHOTOS)
    .execute()
  for (const [index, factory] of factories.entries()) {
    const accent = ACCENTS[index % ACCENTS.length]!
    const plan = drawingsFor(JSON.parse(factory.categories) as string[]).slice(0, index % 2 === 0 ? 3 : 2)
    for (const item of plan) {
      const svg = item.draw(accent, `${item.label} · #${index + 1}`)
      const bytes = await sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer()
      const photo = await uploadPhoto(ctx, bytes)
      await attachPhoto(ctx, {
        sha256: photo.sha256,
        ownerTable: 'factories',
        ownerId: factory.id,
        caption: item.caption,
      })
    }
  }
  // Every demo sample gets a picture of itself, so sample pages and reports show one.
  const samples = await ctx.db
    .selectFrom('samples')
    .select(['id', 'name', 'category'])
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute()
  for (const [index, sample] of samples.entries()) {
    const [product] = drawingsFor([sample.category, sample.name])
    if (!product) continue
    const svg = product.draw(ACCENTS[index % ACCENTS.length]!, `Sample #${index + 1}`)
    const photo = await uploadPhoto(ctx, await sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer())
    await attachPhoto(ctx, {
      sha256: photo.sha256,
      ownerTable: 'samples',
      ownerId: sample.id,
      caption: `样品：${sample.name}`,
    })
  }
}
