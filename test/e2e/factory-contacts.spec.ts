import { expect, test } from '@playwright/test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { api, enrol, openLaptop, syncNow, type Laptop } from './support/laptops'
import { freePort, killHard, mintHqCode, startHqProcess, type HqProcess } from './support/processes'

/**
 * Contacts as rows, walked by two buyers in real Chromium: a factory known to both laptops; with HQ
 * down, 王强's laptop changes a contact's phone and adds one in the factory form, 李娜's changes the
 * same contact's role and adds another; both also set the factory's status and categories differently.
 * After sync every contact and both edits are there on both laptops, and the Sync screen shows the two
 * conflicts in words (「合格」, 「生活用纸、湿厕纸」), not codes or JSON.
 */
test.describe.configure({ mode: 'serial' })
test.setTimeout(120_000)

const SHOTS = 'test-results/screens'
const FACTORY = '晋江恒安纸业有限公司'
const A_NAME = '王强的笔记本'
const B_NAME = '李娜的笔记本'

const hqDir = mkdtempSync(join(tmpdir(), 'workbench-hq-'))
let hqPort = 0
let hq: HqProcess
let a: Laptop
let b: Laptop
let factoryId = ''

async function openFactory(laptop: Laptop): Promise<void> {
  await laptop.page.goto(`${new URL(laptop.host.url).origin}/#/factories/${factoryId}`)
  await expect(laptop.page.getByTestId('factory-detail-name')).toHaveText(FACTORY)
}

/** The factory's status and categories, set through the API as the form would save them. */
async function setStatusAndCategories(laptop: Laptop, status: string, categories: string[]): Promise<void> {
  const {
    id: _id,
    createdAt: _c,
    updatedAt: _u,
    ...values
  } = await api<Record<string, unknown>>(laptop, 'factories.get', { id: factoryId })
  await api(laptop, 'factories.update', { id: factoryId, values: { ...values, status, categories } })
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

test('both laptops know the factory and its one contact', async () => {
  await enrol(a, hq.url, hq.firstCode!)
  await enrol(b, hq.url, await mintHqCode(hqDir))
  const factory = await api<{ id: string }>(a, 'factories.create', {
    name: FACTORY,
    province: '福建',
    city: '晋江',
    contacts: [{ name: '王强', role: '销售', phone: '13712345678' }],
  })
  factoryId = factory.id
  await syncNow(a)
  await syncNow(b)
  await openFactory(b)
  await expect(b.page.getByTestId('detail-contacts')).toContainText('137 1234 5678')
})

test('offline, each buyer edits a different field of the contact and adds one in the form', async () => {
  await killHard(hq)
  await openFactory(a)
  await a.page.getByTestId('factory-edit').click()
  let form = a.page.getByTestId('factory-form')
  await form.getByTestId('contact-0-phone').fill('13800138000')
  await form.getByTestId('contact-add').click()
  await form.getByTestId('contact-1-name').fill('陈静')
  await form.getByTestId('contact-1-role').fill('品控')
  await form.getByTestId('factory-save').click()
  await expect(form).toBeHidden()
  await setStatusAndCategories(a, 'qualified', ['生活用纸'])

  await openFactory(b)
  await b.page.getByTestId('factory-edit').click()
  form = b.page.getByTestId('factory-form')
  await form.getByTestId('contact-0-role').fill('厂长')
  await form.getByTestId('contact-add').click()
  await form.getByTestId('contact-1-name').fill('赵六')
  await form.getByTestId('contact-1-wechat').fill('zhao6-jj')
  await b.page.screenshot({ path: `${SHOTS}/factory-form-contacts.png`, fullPage: true })
  await form.getByTestId('factory-save').click()
  await expect(form).toBeHidden()
  await setStatusAndCategories(b, 'paused', ['生活用纸', '湿厕纸'])
})

test('after sync both laptops have every contact with both edits, and can remove one', async () => {
  hq = await startHqProcess(hqDir, hqPort)
  await syncNow(a)
  await syncNow(b)
  await syncNow(a)
  for (const laptop of [a, b]) {
    await openFactory(laptop)
    const contacts = laptop.page.getByTestId('detail-contacts')
    const wang = contacts.getByRole('row').filter({ hasText: '王强' })
    await expect(wang).toContainText('厂长')
    await expect(wang).toContainText('138 0013 8000')
    await expect(contacts).toContainText('陈静')
    await expect(contacts).toContainText('赵六')
    await expect(contacts.getByRole('row')).toHaveCount(4)
  }
  await a.page.screenshot({ path: `${SHOTS}/factory-contacts-merged.png`, fullPage: true })

  // 王强's laptop removes 赵六 row by row; the removal reaches 李娜's laptop.
  await a.page.getByTestId('factory-edit').click()
  const form = a.page.getByTestId('factory-form')
  const names = await Promise.all([0, 1, 2].map((i) => form.getByTestId(`contact-${i}-name`).inputValue()))
  await form.getByTestId(`contact-${names.indexOf('赵六')}-remove`).click()
  await form.getByTestId('factory-save').click()
  await expect(form).toBeHidden()
  await syncNow(a)
  await syncNow(b)
  await openFactory(b)
  await expect(b.page.getByTestId('detail-contacts').getByRole('row')).toHaveCount(3)
  await expect(b.page.getByTestId('detail-contacts')).not.toContainText('赵六')
})

test('the Sync screen shows the conflicting status and categories in words', async () => {
  for (const laptop of [a, b]) {
    await laptop.page.getByTestId('nav-sync').click()
    const conflicts = laptop.page.getByTestId('sync-conflicts')
    const status = conflicts.getByTestId('sync-conflict').filter({ hasText: '状态' })
    await expect(status).toContainText('暂停合作')
    await expect(status).toContainText('合格')
    await expect(status).not.toContainText('paused')
    const categories = conflicts.getByTestId('sync-conflict').filter({ hasText: '类目' })
    await expect(categories).toContainText('生活用纸、湿厕纸')
    await expect(categories).not.toContainText('[')
  }
  await b.page.getByTestId('sync-conflicts').screenshot({ path: `${SHOTS}/sync-conflicts-in-words-zh.png` })
  await b.page.getByTestId('language-switch').getByText('English').click()
  const conflicts = b.page.getByTestId('sync-conflicts')
  await expect(conflicts.getByTestId('sync-conflict').filter({ hasText: 'Status' })).toContainText('Paused')
  await expect(conflicts).toContainText('生活用纸, 湿厕纸')
  await conflicts.screenshot({ path: `${SHOTS}/sync-conflicts-in-words-en.png` })
})
