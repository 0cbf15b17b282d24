import { expect, test } from '@playwright/test'
import Database from 'better-sqlite3'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { api, enrol, openLaptop, syncNow, type Laptop } from './support/laptops'
import { freePort, killHard, mintHqCode, startHqProcess, type HqProcess } from './support/processes'

/**
 * Issue 6's walk, as a new team would do it: `npm run hq` on an empty directory prints its address and a
 * first code; two laptops (two browser hosts with their own data) enrol; laptop A registers a sample and
 * both sync; HQ goes down; A changes where the sample is kept and its notes, B then changes the notes
 * too; HQ comes back and both sync. Both fields survive, B's later notes win on both laptops and on HQ,
 * and each laptop's Sync screen says whose edit replaced whose.
 */
test.describe.configure({ mode: 'serial' })
test.setTimeout(120_000)

const SHOTS = 'resources/screenshots'
const SAMPLE = '竹浆本色抽纸 三层120抽'
const A_NAME = '王强的笔记本'
const B_NAME = '李娜的笔记本'
const A_STORAGE = '选品中心 B-3 架'
const A_NOTES = '王强：手感偏薄，要求加厚'
const B_NOTES = '李娜：厂家同意加厚到 40g，下周寄新样'

const hqDir = mkdtempSync(join(tmpdir(), 'workbench-hq-'))
let hqPort = 0
let hq: HqProcess
let a: Laptop
let b: Laptop
let sampleId = ''

async function editSample(laptop: Laptop, values: { storage?: string; notes?: string }): Promise<void> {
  const { page } = laptop
  await page.goto(`${new URL(laptop.host.url).origin}/#/samples/${sampleId}`)
  await page.getByTestId('sample-edit').click()
  const form = page.getByTestId('sample-form')
  if (values.storage !== undefined) await form.getByTestId('sample-storage').fill(values.storage)
  if (values.notes !== undefined) await form.getByTestId('sample-notes').fill(values.notes)
  await form.getByTestId('sample-save').click()
  await expect(form).toBeHidden()
}

async function expectSample(laptop: Laptop, storage: string, notes: string): Promise<void> {
  const { page } = laptop
  await page.goto(`${new URL(laptop.host.url).origin}/#/samples/${sampleId}`)
  await expect(page.getByTestId('sample-page-name')).toHaveText(SAMPLE)
  await expect(page.getByTestId('sample-page-storage')).toHaveText(storage)
  await expect(page.getByTestId('sample-page-notes')).toHaveText(notes)
}

/** HQ's value of one field: the newest message in its log (what every replica must converge to). */
function hqValue(column: string): unknown {
  const db = new Database(join(hqDir, 'hq.sqlite'), { readonly: true })
  try {
    const row = db
      .prepare(
        `SELECT value FROM messages WHERE table_name = 'samples' AND row_id = ? AND column_name = ?
         ORDER BY hlc DESC LIMIT 1`,
      )
      .get(sampleId, column) as { value: string } | undefined
    return row ? JSON.parse(row.value) : undefined
  } finally {
    db.close()
  }
}

test.beforeAll(async ({ browser }) => {
  hqPort = await freePort()
  hq = await startHqProcess(hqDir, hqPort)
  a = await openLaptop(browser, A_NAME)
  b = await openLaptop(browser, B_NAME)
})

test.afterAll(async () => {
  for (const running of [hq, a?.host, b?.host]) if (running) await killHard(running)
})

test('HQ on an empty directory prints its address and a first enrolment code', () => {
  expect(hq.url).toBe(`http://127.0.0.1:${hqPort}`)
  expect(hq.firstCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
})

test('both laptops enrol with one-time codes', async () => {
  await enrol(a, hq.url, hq.firstCode!)
  await a.page.screenshot({ path: `${SHOTS}/sync-settings-enrolled.png`, fullPage: true })
  await enrol(b, hq.url, await mintHqCode(hqDir))
})

test('a sample registered on laptop A reaches laptop B', async () => {
  const factory = await api<{ id: string }>(a, 'factories.create', {
    name: '晋江禾映纸业有限公司',
    province: '福建',
    city: '晋江',
  })
  const sample = await api<{ id: string }>(a, 'samples.create', {
    source: 'selectionCenter',
    factoryId: factory.id,
    name: SAMPLE,
    storageLocation: '选品中心 A-1 架',
    notes: '待评估',
  })
  sampleId = sample.id
  await syncNow(a)
  await syncNow(b)
  await expectSample(b, '选品中心 A-1 架', '待评估')
})

test('with HQ down, A edits two fields and B the same notes later; sync says HQ is unreachable', async () => {
  await killHard(hq)
  await editSample(a, { storage: A_STORAGE, notes: A_NOTES })
  const offline = await syncNow(a)
  expect(offline).toMatch(/无法连接|离线|不可达/)
  await a.page.screenshot({ path: `${SHOTS}/sync-offline.png`, fullPage: true })
  await editSample(b, { notes: B_NOTES })
})

test('HQ back: both fields survive, the later notes win everywhere, and whose edit was replaced is shown', async () => {
  hq = await startHqProcess(hqDir, hqPort)
  expect(hq.firstCode).toBeNull()
  await syncNow(a)
  await syncNow(b)
  await syncNow(a)

  for (const laptop of [a, b]) await expectSample(laptop, A_STORAGE, B_NOTES)
  expect(hqValue('storage_location')).toBe(A_STORAGE)
  expect(hqValue('notes')).toBe(B_NOTES)

  for (const laptop of [a, b]) {
    await laptop.page.getByTestId('nav-sync').click()
    const conflict = laptop.page.getByTestId('sync-conflicts').getByTestId('sync-conflict').first()
    await expect(conflict).toContainText(B_NAME)
    await expect(conflict).toContainText(A_NAME)
    await expect(conflict).toContainText(B_NOTES)
    await expect(conflict).toContainText(A_NOTES)
    await expect(conflict).toContainText(SAMPLE)
  }
  await a.page.screenshot({ path: `${SHOTS}/sync-conflict-laptop-a.png`, fullPage: true })
  await b.page.screenshot({ path: `${SHOTS}/sync-conflict-laptop-b.png`, fullPage: true })
})
