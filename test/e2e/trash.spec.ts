import { expect, test } from '@playwright/test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { api, enrol, openLaptop, syncNow, type Laptop } from './support/laptops'
import { freePort, killHard, mintHqCode, startHqProcess, type HqProcess } from './support/processes'

/**
 * Deletes that tell, as two buyers meet them: 李娜 deletes a sample while 王强, not yet synced, changes
 * its notes. After both sync, each Sync screen says so in words ("李娜 deleted 样品 …; 王强's change to
 * 备注 is kept") with a restore; 李娜's Trash lists it with who deleted it; 王强's one click brings it
 * back, with his notes, on both laptops. A factory deleted and restored from the Trash page too.
 */
test.describe.configure({ mode: 'serial' })
test.setTimeout(120_000)

const SHOTS = 'resources/screenshots'
const SAMPLE = '竹浆本色抽纸 三层120抽'
const FACTORY = '晋江禾映纸业有限公司'
const OTHER_FACTORY = '佛山宠优食品有限公司'
const LI = '李娜的笔记本'
const WANG = '王强的笔记本'
const WANG_NOTES = '王强：厂家同意加厚到 40g，下周寄新样'

const hqDir = mkdtempSync(join(tmpdir(), 'workbench-hq-'))
let hq: HqProcess
let li: Laptop
let wang: Laptop
let sampleId = ''
let otherFactoryId = ''

const samplePage = (laptop: Laptop) => `${new URL(laptop.host.url).origin}/#/samples/${sampleId}`

test.beforeAll(async ({ browser }) => {
  hq = await startHqProcess(hqDir, await freePort())
  li = await openLaptop(browser, LI)
  wang = await openLaptop(browser, WANG)
  await enrol(li, hq.url, hq.firstCode!)
  await enrol(wang, hq.url, await mintHqCode(hqDir))
  const factory = await api<{ id: string }>(li, 'factories.create', {
    name: FACTORY,
    province: '福建',
    city: '晋江',
  })
  otherFactoryId = (await api<{ id: string }>(li, 'factories.create', { name: OTHER_FACTORY })).id
  sampleId = (
    await api<{ id: string }>(li, 'samples.create', {
      source: 'selectionCenter',
      factoryId: factory.id,
      name: SAMPLE,
      notes: '待评估',
    })
  ).id
  await syncNow(li)
  await syncNow(wang)
})

test.afterAll(async () => {
  for (const running of [hq, li?.host, wang?.host]) if (running) await killHard(running)
})

test('李娜 deletes the sample; 王强, not yet synced, changes its notes; both Sync screens tell', async () => {
  await li.page.goto(samplePage(li))
  await li.page.getByTestId('sample-delete').click()
  await li.page.getByTestId('sample-delete-confirm').click()
  await expect(li.page.getByTestId('sample-page')).toBeHidden()
  await syncNow(li)

  await wang.page.goto(samplePage(wang))
  await wang.page.getByTestId('sample-edit').click()
  const form = wang.page.getByTestId('sample-form')
  await form.getByTestId('sample-notes').fill(WANG_NOTES)
  await form.getByTestId('sample-save').click()
  await expect(form).toBeHidden()
  await syncNow(wang)
  await syncNow(li)

  for (const laptop of [li, wang]) {
    await laptop.page.getByTestId('nav-sync').click()
    const told = laptop.page.getByTestId('delete-conflicts').getByTestId('delete-conflict')
    await expect(told).toHaveCount(1)
    await expect(told).toContainText(`${LI} 删除了样品`)
    await expect(told).toContainText(SAMPLE)
    await expect(told).toContainText(`${WANG} 之后对「备注」的修改已保留`)
    await expect(told).toContainText(WANG_NOTES)
    await expect(told.getByTestId('delete-conflict-restore')).toBeVisible()
  }
  await wang.page.screenshot({ path: `${SHOTS}/sync-delete-conflict.png`, fullPage: true })
})

test('the Trash lists what was deleted, by whom and when, and restores a factory', async () => {
  await api(li, 'factories.delete', { id: otherFactoryId })
  await li.page.getByTestId('nav-trash').click()
  const items = li.page.getByTestId('trash-list').getByTestId('trash-item')
  await expect(items).toHaveCount(2)
  await expect(items.nth(0)).toContainText(OTHER_FACTORY)
  await expect(items.nth(0)).toContainText(`${LI} 删除于`)
  await expect(items.nth(1)).toContainText(SAMPLE)
  await li.page.screenshot({ path: `${SHOTS}/trash.png`, fullPage: true })

  await items.nth(0).getByTestId('trash-restore').click()
  await expect(li.page.getByText(`已恢复：工厂 ${OTHER_FACTORY}`)).toBeVisible()
  await expect(items).toHaveCount(1)
  await li.page.getByTestId('nav-factories').click()
  await expect(li.page.getByRole('row').filter({ hasText: OTHER_FACTORY })).toBeVisible()
})

test('王强 restores the sample from the conflict; it comes back with his notes on both laptops', async () => {
  await wang.page.getByTestId('nav-sync').click()
  await wang.page.getByTestId('delete-conflict-restore').click()
  await expect(wang.page.getByTestId('delete-conflict-restored')).toBeVisible()
  await syncNow(wang)
  await syncNow(li)
  for (const laptop of [li, wang]) {
    await laptop.page.goto(samplePage(laptop))
    await expect(laptop.page.getByTestId('sample-page-name')).toHaveText(SAMPLE)
    await expect(laptop.page.getByTestId('sample-page-notes')).toHaveText(WANG_NOTES)
    await laptop.page.getByTestId('nav-sync').click()
    await expect(laptop.page.getByTestId('delete-conflict-restored')).toBeVisible()
  }
  await li.page.screenshot({ path: `${SHOTS}/sync-delete-conflict-restored.png`, fullPage: true })
  await li.page.getByTestId('nav-trash').click()
  await expect(li.page.getByTestId('trash-list')).toContainText('回收站是空的')
})

test('a sample whose factory was deleted names the factory, marked deleted, with a restore', async () => {
  const [sample] = await api<{ factoryId: string }[]>(li, 'samples.list', {})
  await api(li, 'factories.delete', { id: sample!.factoryId })
  await li.page.goto(samplePage(li))
  const parent = li.page.getByTestId('sample-page').getByTestId('deleted-parent')
  await expect(parent).toContainText(FACTORY)
  await expect(parent).toContainText('已删除')
  await li.page.screenshot({ path: `${SHOTS}/sample-deleted-factory.png`, fullPage: true })
  await parent.getByTestId('deleted-parent-restore').click()
  await expect(li.page.getByTestId('sample-page').getByRole('link', { name: FACTORY })).toBeVisible()
})
