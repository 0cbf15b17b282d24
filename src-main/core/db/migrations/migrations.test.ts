import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrateTo, migrateToLatest, openDatabase, type AppDatabase } from '../connection'
import { migrations } from './index'
import { hlcNodeFor } from '../../system/device'
import { legacyContactRows } from '../../factories/factory-contacts.legacy'

/**
 * Every migration is tested from an empty database and from the version before it. Adding a migration
 * means adding its case to UPGRADES (data written at the previous version, checked after the upgrade) and
 * its tables and indexes to LATEST_SCHEMA; the first test fails until you do.
 */

interface UpgradeCase {
  /** Writes representative rows with the schema of the previous version. */
  seed(sqlite: Database.Database): void
  /** Checks that the seeded rows survived and the new schema works. */
  check(sqlite: Database.Database): void
}

const UPGRADES: Record<string, UpgradeCase> = {
  '0002_factories': {
    seed(sqlite) {
      sqlite.prepare("INSERT INTO meta (key, value) VALUES ('device_id', 'dev-1')").run()
      sqlite
        .prepare(
          `INSERT INTO change_log (hlc, table_name, row_id, column_name, value, device_id)
           VALUES ('2025-01-01T00:00:00.000Z-0000-0123456789abcdef', 'factories', 'f1', 'name', '"甲"', 'dev-1')`,
        )
        .run()
    },
    check(sqlite) {
      expect(sqlite.prepare('SELECT value FROM meta WHERE key = ?').get('device_id')).toEqual({
        value: 'dev-1',
      })
      expect(sqlite.prepare('SELECT row_id, value, sent_at FROM change_log').all()).toEqual([
        { row_id: 'f1', value: '"甲"', sent_at: null },
      ])
      // The new table takes a row with only the required columns; the rest get their defaults.
      sqlite
        .prepare("INSERT INTO factories (id, name, created_at, updated_at) VALUES ('f1', '甲', 'now', 'now')")
        .run()
      expect(sqlite.prepare('SELECT status, categories, deleted_at FROM factories').get()).toEqual({
        status: 'prospect',
        categories: '[]',
        deleted_at: null,
      })
    },
  },
}

UPGRADES['0003_skus_quotes'] = {
  seed(sqlite) {
    sqlite
      .prepare(
        "INSERT INTO factories (id, name, created_at, updated_at) VALUES ('f1', '晋江示例纸业', 'now', 'now')",
      )
      .run()
  },
  check(sqlite) {
    expect(sqlite.prepare('SELECT name FROM factories').all()).toEqual([{ name: '晋江示例纸业' }])
    sqlite
      .prepare(
        `INSERT INTO skus (id, name, comparable_unit, retail_pack_spec, planned_order_packs, target_margin, created_at, updated_at)
         VALUES ('s1', '三层抽纸', '抽', '[{"count":2400,"label":"抽"}]', 10000, '0.35', 'now', 'now')`,
      )
      .run()
    sqlite
      .prepare(
        `INSERT INTO quotes (id, thread_id, round, sku_id, factory_id, quote_date, vat_basis, vat_rate, tiers, pack_spec, freight, created_at, updated_at)
         VALUES ('q1', 'q1', 1, 's1', 'f1', '2026-11-01', 'included', '0.13', '[]', '[]', '{"kind":"included"}', 'now', 'now')`,
      )
      .run()
    expect(sqlite.prepare('SELECT target_ratio, benchmark_channel FROM skus').get()).toEqual({
      target_ratio: '1/3',
      benchmark_channel: '',
    })
    expect(sqlite.prepare('SELECT currency, sample_id, moq_packs FROM quotes').get()).toEqual({
      currency: 'CNY',
      sample_id: '',
      moq_packs: null,
    })
  },
}

UPGRADES['0006_search'] = {
  seed(sqlite) {
    sqlite
      .prepare(
        "INSERT INTO factories (id, name, created_at, updated_at) VALUES ('f6', '家庭用纸巾三层厂', 'now', 'now')",
      )
      .run()
  },
  check(sqlite) {
    // The migration only creates the index; core start-up (ensureSearchIndex) fills it from the tables.
    expect(sqlite.prepare("SELECT name FROM factories WHERE id = 'f6'").get()).toEqual({
      name: '家庭用纸巾三层厂',
    })
    expect(sqlite.prepare('SELECT count(*) AS n FROM search_docs').get()).toEqual({ n: 0 })
    sqlite
      .prepare(
        "INSERT INTO search_docs (doc, kind, row_id, title) VALUES (1099511627777, 'factory', 'f6', '家庭用纸巾三层厂')",
      )
      .run()
    expect(
      sqlite.prepare('SELECT rowid AS doc FROM search_fts WHERE search_fts MATCH \'"纸巾三"\'').all(),
    ).toEqual([{ doc: 1099511627777 }])
    sqlite.prepare("DELETE FROM search_docs WHERE row_id = 'f6'").run()
    expect(
      sqlite.prepare('SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH \'"纸巾三"\'').get(),
    ).toEqual({
      n: 0,
    })
  },
}

UPGRADES['0005_photos'] = {
  seed(sqlite) {
    sqlite
      .prepare(
        "INSERT INTO factories (id, name, created_at, updated_at) VALUES ('f5', '江门示例纸业', 'now', 'now')",
      )
      .run()
  },
  check(sqlite) {
    expect(sqlite.prepare("SELECT name FROM factories WHERE id = 'f5'").get()).toEqual({
      name: '江门示例纸业',
    })
    const sha = 'a'.repeat(64)
    sqlite
      .prepare(
        `INSERT INTO photos (id, mime, width, height, bytes, created_at, updated_at)
         VALUES ('${sha}', 'image/jpeg', 4000, 3000, 2048, 'now', 'now')`,
      )
      .run()
    sqlite
      .prepare(
        `INSERT INTO photo_links (id, photo_id, owner_table, owner_id, created_at, updated_at)
         VALUES ('l1', '${sha}', 'factories', 'f5', 'now', 'now')`,
      )
      .run()
    expect(sqlite.prepare('SELECT taken_at FROM photos').get()).toEqual({ taken_at: null })
    expect(sqlite.prepare('SELECT caption, sort_order, deleted_at FROM photo_links').get()).toEqual({
      caption: '',
      sort_order: 0,
      deleted_at: null,
    })
  },
}

UPGRADES['0004_field_records'] = {
  seed(sqlite) {
    sqlite
      .prepare(
        `INSERT INTO skus (id, category, name, comparable_unit, retail_pack_spec, planned_order_packs, target_margin, created_at, updated_at)
         VALUES ('s1', '宠物主粮', '成犬粮', 'g', '[{"count":2000,"label":"g"}]', 1000, '0.35', 'now', 'now')`,
      )
      .run()
  },
  check(sqlite) {
    // The SKU written before the upgrade keeps its values and has no override recorded.
    expect(sqlite.prepare('SELECT name, category_override_reason FROM skus').get()).toEqual({
      name: '成犬粮',
      category_override_reason: '',
    })
    sqlite
      .prepare(
        "INSERT INTO visits (id, factory_id, visit_date, score_design, created_at, updated_at) VALUES ('v1', 'f1', '2026-03-02', 4, 'now', 'now')",
      )
      .run()
    sqlite
      .prepare(
        "INSERT INTO samples (id, code, source, factory_id, name, created_at, updated_at) VALUES ('x1', 'S-2026-AB12-00001', 'selectionCenter', 'f1', '湿厕纸', 'now', 'now')",
      )
      .run()
    expect(sqlite.prepare('SELECT score_design, score_rnd, note_rnd, tour_id FROM visits').get()).toEqual({
      score_design: 4,
      score_rnd: null,
      note_rnd: '',
      tour_id: null,
    })
    expect(sqlite.prepare('SELECT status, specs, evaluation_verdict FROM samples').get()).toEqual({
      status: 'requested',
      specs: '[]',
      evaluation_verdict: null,
    })
  },
}

UPGRADES['0007_sync'] = {
  seed(sqlite) {
    sqlite
      .prepare(
        `INSERT INTO change_log (hlc, table_name, row_id, column_name, value, device_id)
         VALUES ('2025-01-02T00:00:00.000Z-0000-0123456789abcdef', 'skus', 's7', 'name', '"抽纸"', 'dev-1')`,
      )
      .run()
  },
  check(sqlite) {
    const { seq } = sqlite.prepare("SELECT seq FROM change_log WHERE row_id = 's7'").get() as { seq: number }
    sqlite
      .prepare(
        "INSERT INTO sync_rejections (seq, code, message, rejected_at) VALUES (?, 'hq_owned_table', '', 'now')",
      )
      .run(seq)
    const conflict = `INSERT INTO sync_conflicts (table_name, row_id, column_name, winner_hlc, winner_device,
      winner_value, loser_hlc, loser_device, loser_value, recorded_at) VALUES ('factories', 'f1', 'notes', 'b', 'd2',
      '"x"', 'a', 'd1', '"y"', 'now')`
    sqlite.prepare(conflict).run()
    // The same pair of edits is recorded once.
    expect(() => sqlite.prepare(conflict).run()).toThrow(/UNIQUE/)
  },
}

UPGRADES['0008_demand_signals'] = {
  seed(sqlite) {
    sqlite
      .prepare(
        `INSERT INTO skus (id, category, name, comparable_unit, retail_pack_spec, planned_order_packs, target_margin, created_at, updated_at)
         VALUES ('s8', '生活用纸', '三层抽纸', '抽', '[{"count":2400,"label":"抽"}]', 10000, '0.35', 'now', 'now')`,
      )
      .run()
  },
  check(sqlite) {
    expect(sqlite.prepare("SELECT name FROM skus WHERE id = 's8'").get()).toEqual({ name: '三层抽纸' })
    sqlite
      .prepare(
        `INSERT INTO demand_signals (id, sku_id, month, channel, monthly_units, created_at, updated_at)
         VALUES ('d1', 's8', '2026-10', '天猫旗舰店', 42000, 'now', 'now')`,
      )
      .run()
    expect(sqlite.prepare('SELECT monthly_units, note, deleted_at FROM demand_signals').get()).toEqual({
      monthly_units: 42000,
      note: '',
      deleted_at: null,
    })
    expect(() =>
      sqlite
        .prepare(
          "INSERT INTO demand_signals (id, sku_id, month, channel, created_at, updated_at) VALUES ('d2', 's8', '2026-10', '京东自营', 'now', 'now')",
        )
        .run(),
    ).toThrow(/NOT NULL/)
  },
}

UPGRADES['0009_unsent_rows'] = {
  seed(sqlite) {
    const insert = sqlite.prepare(
      `INSERT INTO change_log (hlc, table_name, row_id, column_name, value, device_id, sent_at)
       VALUES ('2025-01-03T00:00:00.000Z-0000-0123456789abcdef', 'factories', ?, ?, '"x"', 'dev-1', ?)`,
    )
    insert.run('u1', 'name', null)
    insert.run('u1', 'city', null)
    insert.run('s1', 'name', 'now')
  },
  check(sqlite) {
    const counted = sqlite.prepare(
      'SELECT count(*) AS n FROM (SELECT DISTINCT table_name, row_id FROM change_log WHERE sent_at IS NULL)',
    )
    expect(counted.get()).toEqual({ n: 1 })
    const plan = sqlite
      .prepare(`EXPLAIN QUERY PLAN ${counted.source}`)
      .all()
      .map((step) => (step as { detail: string }).detail)
      .join('\n')
    expect(plan).toContain('change_log_unsent_rows')
  },
}

UPGRADES['0010_held_messages'] = {
  seed(sqlite) {
    sqlite
      .prepare(
        `INSERT INTO change_log (hlc, table_name, row_id, column_name, value, device_id, sent_at)
         VALUES ('2025-01-04T00:00:00.000Z-0000-0123456789abcdef', 'factories', 'f1', 'name', '"甲"', 'dev-1', 'now')`,
      )
      .run()
  },
  check(sqlite) {
    expect(sqlite.prepare('SELECT count(*) AS n FROM change_log').get()).toEqual({ n: 1 })
    const held = (table: string, extra: string, extraValue: string) =>
      sqlite
        .prepare(
          `INSERT INTO ${table} (seq, hlc, table_name, row_id, column_name, value, device_id, reason, recorded_at${extra})
           VALUES (7, '2025-01-04T00:00:00.000Z-0000-0123456789abcdef', 'factories', 'f1', 'status', '"hacked"', 'dev-2', 'r', 'now'${extraValue})`,
        )
        .run()
    held('sync_quarantine', ', field', ", 'status'")
    held('sync_parked', '', '')
    // A message is held once, however often its page is pulled.
    expect(() => held('sync_quarantine', ', field', ", 'status'")).toThrow(/UNIQUE/)
    expect(() => held('sync_parked', '', '')).toThrow(/UNIQUE/)
    expect(sqlite.prepare('SELECT field, base_hlc FROM sync_quarantine').get()).toEqual({
      field: 'status',
      base_hlc: null,
    })
  },
}

UPGRADES['0011_factory_contacts'] = {
  // A laptop at the previous version: contacts as JSON lists, one written by a change this laptop
  // recorded (its HLC stamps the rows), one imported before any change log, one factory deleted.
  seed(sqlite) {
    sqlite.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('device_id', 'dev-0011')").run()
    const factory = sqlite.prepare(
      `INSERT INTO factories (id, name, contacts, created_at, updated_at, deleted_at)
       VALUES (?, ?, ?, '2026-03-01T08:00:00.000Z', 'now', ?)`,
    )
    const wang = { name: '王强', role: '厂长', phone: '13712345678', wechat: 'wq-jj' }
    const li = { name: '李娜', role: '销售', phone: '', wechat: '' }
    factory.run('f11a', '晋江恒安纸业', JSON.stringify([wang, li, wang]), null)
    factory.run(
      'f11b',
      '佛山日化',
      JSON.stringify([{ name: ' 陈工 ', phone: '020-12345678' }, { role: '无名' }]),
      null,
    )
    factory.run('f11c', '已删除的厂', JSON.stringify([li]), 'now')
    factory.run('f11d', '坏数据厂', 'not json', null)
    factory.run('f11e', '无联系人', '[]', null)
    sqlite
      .prepare(
        `INSERT INTO change_log (hlc, table_name, row_id, column_name, value, device_id, sent_at)
         VALUES ('2026-04-02T09:30:00.000Z-0003-aaaaaaaaaaaaaaaa', 'factories', 'f11a', 'contacts', '"[]"', 'dev-x', 'now'),
                ('2026-04-01T09:30:00.000Z-0000-aaaaaaaaaaaaaaaa', 'factories', 'f11a', 'contacts', '"[]"', 'dev-x', 'now')`,
      )
      .run()
  },
  check(sqlite) {
    const node = hlcNodeFor('dev-0011')
    const rows = sqlite
      .prepare(
        'SELECT id, factory_id, name, role, phone, wechat, sort_order, created_at, updated_at, deleted_at FROM factory_contacts ORDER BY factory_id, sort_order',
      )
      .all() as Record<string, unknown>[]
    const a = legacyContactRows(
      'f11a',
      sqlite.prepare("SELECT contacts FROM factories WHERE id = 'f11a'").pluck().get() as string,
    )
    // Two equal entries get two rows (their occurrence differs); ids are UUID-shaped and derived.
    expect(a.map((r) => r.id)).toHaveLength(3)
    expect(new Set(a.map((r) => r.id)).size).toBe(3)
    for (const r of a)
      expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(rows.filter((r) => r.factory_id === 'f11a')).toEqual(
      a.map((r) => ({
        id: r.id,
        factory_id: 'f11a',
        name: r.name,
        role: r.role,
        phone: r.phone,
        wechat: r.wechat,
        sort_order: r.sort_order,
        // Stamped with the newest change of the list, not the time of the migration.
        created_at: '2026-04-02T09:30:00.000Z',
        updated_at: '2026-04-02T09:30:00.000Z',
        deleted_at: null,
      })),
    )
    expect(rows.filter((r) => r.factory_id === 'f11a').map((r) => r.name)).toEqual(['王强', '李娜', '王强'])
    // Trimmed, the nameless entry left out; no recorded change: the factory's creation stamps it.
    expect(rows.filter((r) => r.factory_id === 'f11b')).toMatchObject([
      { name: '陈工', phone: '020-12345678', role: '', created_at: '2026-03-01T08:00:00.000Z' },
    ])
    // A deleted factory's contacts move too (a restore brings them back); a malformed list yields none.
    expect(rows.filter((r) => r.factory_id === 'f11c')).toHaveLength(1)
    expect(rows.filter((r) => r.factory_id === 'f11d' || r.factory_id === 'f11e')).toEqual([])
    // Every moved row is recorded as this laptop's unsent change, one message per column.
    const messages = sqlite
      .prepare(
        "SELECT row_id, column_name, value, hlc, device_id, sent_at FROM change_log WHERE table_name = 'factory_contacts'",
      )
      .all() as Record<string, unknown>[]
    expect(messages).toHaveLength(5 * 9)
    const first = messages.filter((m) => m.row_id === a[0]!.id)
    expect(first.map((m) => m.column_name).sort()).toEqual(
      [
        'created_at',
        'deleted_at',
        'factory_id',
        'name',
        'phone',
        'role',
        'sort_order',
        'updated_at',
        'wechat',
      ].sort(),
    )
    expect(first.find((m) => m.column_name === 'phone')).toEqual({
      row_id: a[0]!.id,
      column_name: 'phone',
      value: '"13712345678"',
      hlc: `2026-04-02T09:30:00.000Z-0003-${node}`,
      device_id: 'dev-0011',
      sent_at: null,
    })
    // The legacy column is left as it was.
    expect(sqlite.prepare("SELECT contacts FROM factories WHERE id = 'f11d'").pluck().get()).toBe('not json')
  },
}

UPGRADES['0012_delete_conflicts'] = {
  seed(sqlite) {
    sqlite
      .prepare(
        "INSERT INTO samples (id, code, source, factory_id, name, created_at, updated_at) VALUES ('s1', 'S-1', 'selectionCenter', 'f1', '抽纸', 'now', 'now')",
      )
      .run()
  },
  check(sqlite) {
    expect(sqlite.prepare('SELECT code FROM samples').get()).toEqual({ code: 'S-1' })
    sqlite
      .prepare(
        "INSERT INTO synced_saves (table_name, row_id, hlc, seq, seen, deleted) VALUES ('samples', 's1', 'h1', 7, 3, 1)",
      )
      .run()
    expect(sqlite.prepare('SELECT edits, deleted FROM synced_saves').get()).toEqual({ edits: 0, deleted: 1 })
    const conflict = sqlite.prepare(
      "INSERT INTO delete_conflicts (table_name, row_id, delete_hlc, edit_hlc, recorded_at) VALUES ('samples', 's1', 'h1', 'h2', 'now')",
    )
    conflict.run()
    expect(() => conflict.run()).toThrow(/UNIQUE/)
  },
}

UPGRADES['0013_documents_certificates'] = {
  seed(sqlite) {
    sqlite
      .prepare(
        "INSERT INTO factories (id, name, created_at, updated_at) VALUES ('f13', '晋江恒安纸业', 'now', 'now')",
      )
      .run()
  },
  check(sqlite) {
    expect(sqlite.prepare('SELECT name FROM factories').get()).toEqual({ name: '晋江恒安纸业' })
    sqlite
      .prepare(
        `INSERT INTO certificates (id, factory_id, kind, valid_to, created_at, updated_at)
         VALUES ('c13', 'f13', 'bsci', '2027-01-31', 'now', 'now')`,
      )
      .run()
    expect(sqlite.prepare('SELECT kind_other, number, notes, valid_from FROM certificates').get()).toEqual({
      kind_other: '',
      number: '',
      notes: '',
      valid_from: null,
    })
    sqlite
      .prepare(
        `INSERT INTO documents (id, sha256, mime, bytes, file_name, owner_table, owner_id, created_at, updated_at)
         VALUES ('d13', ?, 'application/pdf', 10, 'bsci.pdf', 'factories', 'f13', 'now', 'now')`,
      )
      .run('a'.repeat(64))
    expect(sqlite.prepare('SELECT kind, title FROM documents').get()).toEqual({ kind: 'other', title: '' })
  },
}

UPGRADES['0014_credit_code_note'] = {
  seed(sqlite) {
    sqlite
      .prepare(
        "INSERT INTO factories (id, name, credit_code, created_at, updated_at) VALUES ('f14', '晋江纸业', '91350582MA2XXXXX1X', 'now', 'now')",
      )
      .run()
  },
  check(sqlite) {
    expect(
      sqlite.prepare("SELECT credit_code, credit_code_note FROM factories WHERE id = 'f14'").get(),
    ).toEqual({
      credit_code: '91350582MA2XXXXX1X',
      credit_code_note: '',
    })
  },
}

UPGRADES['0020_tour_days'] = {
  seed(sqlite) {
    sqlite
      .prepare(
        `INSERT INTO tours (id, name, start_date, end_date, planned_factory_ids, created_at, updated_at)
         VALUES ('t15', '晋江行', '2026-03-09', '2026-03-12', '["f1","f2"]', 'now', 'now')`,
      )
      .run()
  },
  check(sqlite) {
    // A tour planned before keeps its order and has no day planned yet.
    expect(
      sqlite.prepare("SELECT planned_factory_ids, planned_days FROM tours WHERE id = 't15'").get(),
    ).toEqual({
      planned_factory_ids: '["f1","f2"]',
      planned_days: '{}',
    })
  },
}

UPGRADES['0016_quote_links'] = {
  seed(sqlite) {
    sqlite
      .prepare(
        `INSERT INTO quotes (id, thread_id, round, sku_id, factory_id, sample_id, quote_date, currency, vat_basis,
           vat_rate, tiers, pack_spec, freight, created_at, updated_at)
         VALUES ('q1', 'q1', 1, 'k1', 'f1', 'S-OLD-7', '2026-01-01', 'USD', 'excluded', '0.13',
           '[{"fromPacks":1,"pricePerPack":"1"}]', '[{"count":24,"label":"包"}]', '{"kind":"included"}', 'now', 'now')`,
      )
      .run()
  },
  check(sqlite) {
    // The old free text stays; the new columns read as "no link, freight in the quote's currency, 件".
    expect(
      sqlite.prepare('SELECT sample_id, linked_sample_id, freight_currency, pack_word FROM quotes').get(),
    ).toEqual({ sample_id: 'S-OLD-7', linked_sample_id: null, freight_currency: '', pack_word: '' })
    sqlite.prepare("UPDATE quotes SET linked_sample_id = 's1', freight_currency = 'CNY'").run()
    expect(sqlite.prepare('SELECT freight_currency FROM quotes').pluck().get()).toBe('CNY')
  },
}

UPGRADES['0017_sample_requests'] = {
  seed(sqlite) {
    sqlite
      .prepare(
        `INSERT INTO visit_follow_ups (id, visit_id, text, due_date, created_at, updated_at)
         VALUES ('u1', 'v1', '寄样', '2026-03-01', 'now', 'now')`,
      )
      .run()
  },
  check(sqlite) {
    expect(sqlite.prepare('SELECT text, done FROM visit_follow_ups').get()).toEqual({ text: '寄样', done: 0 })
    // The new table takes a request with only the required columns; the steps read as not taken yet.
    sqlite
      .prepare(
        `INSERT INTO sample_requests (id, factory_id, item, requested_on, promised_ship_date, created_at, updated_at)
         VALUES ('r1', 'f1', '竹浆抽纸', '2026-03-01', '2026-03-06', 'now', 'now')`,
      )
      .run()
    expect(
      sqlite
        .prepare('SELECT quantity, shipped_on, courier, received_on, sample_id FROM sample_requests')
        .get(),
    ).toEqual({ quantity: 1, shipped_on: null, courier: '', received_on: null, sample_id: null })
  },
}

/** Tables and indexes of the latest version (Kysely's own bookkeeping tables included). */
UPGRADES['0019_lookup_indexes'] = {
  seed(sqlite) {
    sqlite
      .prepare(
        `INSERT INTO factories (id, name, credit_code, created_at, updated_at)
         VALUES ('f9', '晋江示例纸业', '91350582MA2XYZ1234', 'now', 'now')`,
      )
      .run()
  },
  check(sqlite) {
    // The duplicate check every factory save makes reads the index, not every factory.
    const lookup = sqlite.prepare(
      "SELECT id FROM factories WHERE credit_code = '91350582MA2XYZ1234' AND deleted_at IS NULL",
    )
    expect(lookup.all()).toEqual([{ id: 'f9' }])
    const plan = sqlite
      .prepare(`EXPLAIN QUERY PLAN ${lookup.source}`)
      .all()
      .map((step) => (step as { detail: string }).detail)
      .join('\n')
    expect(plan).toContain('factories_live_credit_code')
  },
}

const LATEST_SCHEMA = {
  tables: [
    'benchmarks',
    'categories',
    'certificates',
    'change_log',
    'currency_rates',
    'delete_conflicts',
    'demand_signals',
    'documents',
    'factories',
    'factory_contacts',
    'kysely_migration',
    'kysely_migration_lock',
    'meta',
    'photo_links',
    'photos',
    'quotes',
    'sample_requests',
    'sample_status_history',
    'samples',
    'search_codes',
    'search_docs',
    'search_fts',
    'search_fts_config',
    'search_fts_data',
    'search_fts_idx',
    'search_short',
    'skus',
    'sync_conflicts',
    'sync_parked',
    'sync_quarantine',
    'sync_rejections',
    'synced_saves',
    'tours',
    'visit_follow_ups',
    'visits',
  ],
  indexes: [
    'benchmarks_live_sku',
    'benchmarks_live_sku_observed',
    'categories_name',
    'certificates_live_factory',
    'certificates_live_valid_to',
    'change_log_field',
    'change_log_unsent',
    'change_log_unsent_rows',
    'delete_conflicts_pair',
    'demand_signals_live_sku',
    'documents_live_owner',
    'factories_live_credit_code',
    'factories_live_updated',
    'factory_contacts_factory',
    'factory_contacts_live_factory',
    'photo_links_live_owner',
    'photo_links_live_photo',
    'quotes_live_factory',
    'quotes_live_sample',
    'quotes_live_sku',
    'quotes_live_valid_until',
    'quotes_thread',
    'sample_requests_live_factory',
    'sample_requests_live_open',
    'sample_status_history_sample',
    'samples_code',
    'samples_live_factory',
    'samples_live_sku',
    'samples_live_status',
    'search_docs_row',
    'sync_conflicts_pair',
    'sync_parked_message',
    'sync_quarantine_message',
    'visit_follow_ups_live_due',
    'visit_follow_ups_visit',
    'visits_live_factory',
    'visits_live_tour',
  ],
}

const names = Object.keys(migrations)

function schemaObjects(sqlite: Database.Database, type: 'table' | 'index'): string[] {
  const rows = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all(type) as { name: string }[]
  return rows.map((r) => r.name)
}

function appliedMigrations(sqlite: Database.Database): string[] {
  const rows = sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]
  return rows.map((r) => r.name)
}

describe('migrations', () => {
  let dir: string
  let file: string
  let database: AppDatabase

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'workbench-migrations-'))
    file = join(dir, 'workbench.sqlite')
    database = openDatabase({ file })
  })
  afterEach(async () => {
    await database.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('are zero-padded, in order, and every one after the first has an upgrade case', () => {
    expect(names.length).toBeGreaterThan(0)
    expect([...names].sort()).toEqual(names)
    for (const name of names) expect(name).toMatch(/^\d{4}_[a-z0-9_]+$/)
    expect(Object.keys(UPGRADES).sort()).toEqual(names.slice(1))
  })

  it('bring an empty database to the latest schema, with WAL and foreign keys on', async () => {
    await migrateToLatest(database.db)
    expect(appliedMigrations(database.sqlite)).toEqual(names)
    expect(schemaObjects(database.sqlite, 'table')).toEqual(LATEST_SCHEMA.tables)
    expect(schemaObjects(database.sqlite, 'index')).toEqual(LATEST_SCHEMA.indexes)
    expect(database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(database.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
    expect(database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('are a no-op when run again, also after reopening the file', async () => {
    await migrateToLatest(database.db)
    const again = await migrateToLatest(database.db)
    expect(again.results).toEqual([])
    await database.close()
    database = openDatabase({ file })
    expect((await migrateToLatest(database.db)).results).toEqual([])
    expect(database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
  })

  describe.each(names.slice(1).map((name, i) => ({ name, previous: names[i]! })))(
    '$name from $previous',
    ({ name, previous }) => {
      it('keeps the data written at the previous version', async () => {
        await migrateTo(database.db, previous)
        expect(appliedMigrations(database.sqlite)).toEqual(names.slice(0, names.indexOf(previous) + 1))
        const upgrade = UPGRADES[name]!
        upgrade.seed(database.sqlite)
        await migrateToLatest(database.db)
        expect(appliedMigrations(database.sqlite)).toEqual(names)
        upgrade.check(database.sqlite)
        expect(database.sqlite.pragma('foreign_key_check')).toEqual([])
        expect(database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
      })
    },
  )
})
