import type {
  FactoryImportField,
  ImportField,
  ImportKind,
  QuoteImportField,
  SampleImportField,
} from './imports.contract'

/**
 * The spreadsheet columns an import understands, per kind, and the header texts buyers use for them.
 * Headers are matched after normalizing (case, spaces, full-width brackets, a trailing "(必填)" or "*"),
 * so 工厂名称*, 工厂名称（必填） and "Factory Name" all find their field.
 */

const FACTORY_SYNONYMS: Record<FactoryImportField, string[]> = {
  name: [
    '工厂名称',
    '名称',
    '厂名',
    '工厂',
    '企业名称',
    '公司名称',
    '供应商名称',
    'name',
    'factory',
    'factoryname',
  ],
  creditCode: ['统一社会信用代码', '信用代码', '社会信用代码', 'creditcode', 'uscc'],
  shopId: ['店铺id', '店铺', '1688店铺', 'shopid', 'shop'],
  province: ['省份', '省', 'province'],
  city: ['城市', '市', 'city'],
  address: ['地址', '详细地址', '工厂地址', 'address'],
  industrialBelt: ['产业带', 'industrialbelt', 'belt'],
  categories: ['类目', '品类', '主营类目', '主营品类', 'categories', 'category'],
  oemBrands: ['代工品牌', 'oem品牌', '合作品牌', 'oembrands', 'oem'],
  certifications: ['资质', '认证', '资质认证', '证书', 'certifications', 'certificates'],
  capacity: ['产能', '月产能', 'capacity'],
  contactName: ['联系人', '联系人姓名', '姓名', 'contact', 'contactname'],
  contactRole: ['职务', '职位', '联系人职务', 'role', 'title'],
  contactPhone: [
    '电话',
    '手机',
    '手机号',
    '联系电话',
    '联系人电话',
    '联系人手机',
    '联系方式',
    'phone',
    'mobile',
    'tel',
  ],
  contactWechat: ['微信', '微信号', '联系人微信', 'wechat', 'weixin'],
  status: ['状态', '合作状态', 'status'],
  notes: ['备注', '说明', 'notes', 'note', 'remarks'],
}

const SAMPLE_SYNONYMS: Record<SampleImportField, string[]> = {
  name: ['样品名称', '样品', '名称', '品名', 'name', 'sample', 'samplename'],
  factory: ['工厂', '工厂名称', '厂名', '供应商', 'factory', 'factoryname'],
  sku: ['sku', 'sku名称', '对应sku'],
  category: ['类目', '品类', 'category'],
  categoryOverrideReason: ['例外原因', '排除品类例外原因', 'overridereason'],
  source: ['来源', '样品来源', 'source'],
  status: ['状态', '样品状态', 'status'],
  storageLocation: ['存放位置', '存放', '位置', '库位', 'storagelocation', 'location', 'storage'],
  specs: ['规格', '规格参数', 'specs', 'spec'],
  by: ['登记人', '经手人', 'by', 'registeredby'],
  notes: ['备注', '说明', 'notes', 'note', 'remarks'],
}

const QUOTE_SYNONYMS: Record<QuoteImportField, string[]> = {
  product: ['品名', '产品', '产品名称', '商品名称', '名称', '规格型号', 'product', 'item', 'name'],
  packSpec: ['规格', '包装', '包装规格', '箱规', '装箱', '装箱规格', 'pack', 'packing', 'packspec', 'spec'],
  fromPacks: ['起订量', '数量', '订量', '阶梯', '起订', 'moq', 'quantity', 'qty', 'from'],
  price: ['单价', '价格', '报价', '含税单价', '不含税单价', '出厂价', 'price', 'unitprice'],
  vat: ['含税', '税', '是否含税', '税率', '发票', 'vat', 'tax'],
  freight: ['运费', '物流', '运输', 'freight', 'shipping'],
  currency: ['币种', '货币', 'currency'],
  quoteDate: ['报价日期', '日期', 'date', 'quotedate'],
  validUntil: ['有效期', '有效期至', '报价有效期', 'validuntil', 'valid'],
  leadTimeDays: ['交期', '货期', '交货期', '生产周期', 'leadtime'],
  notes: ['备注', '说明', 'notes', 'note', 'remarks'],
}

const SYNONYMS: Record<ImportKind, Record<string, string[]>> = {
  factories: FACTORY_SYNONYMS,
  samples: SAMPLE_SYNONYMS,
  quotes: QUOTE_SYNONYMS,
}

/**
 * Where a list cell is cut, per list field. A category keeps its "/": in this trade 一次性内裤/浴巾 and
 * 湿巾/湿厕纸 are one category each. Brands and certificates are cut on "/" too (维达/心相印, ISO9001/BSCI).
 */
export const LIST_SEPARATORS: Record<'categories' | 'oemBrands' | 'certifications', RegExp> = {
  categories: /[、,，;；\n]+/,
  oemBrands: /[、,，;；/|\n]+/,
  certifications: /[、,，;；/|\n]+/,
}

/** A header as compared: lower case, no spaces, underscores or marks like * and (必填). */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（[【]\s*(必填|选填|required|optional)\s*[)）\]】]/g, '')
    .replace(/[\s_*:：-]/g, '')
}

/**
 * How many cells of a row name a known field of `kind` (of any kind when null): what makes a row look
 * like a header. A cell matches as a synonym or as a short text containing one (联系人电话).
 */
export function knownHeaderCells(kind: ImportKind | null, cells: readonly string[]): number {
  const words = kind === null ? ALL_WORDS : WORDS[kind]
  return cells.filter((cell) => {
    const header = normalizeHeader(cell)
    if (header === '' || header.length > 16) return false
    return words.some((w) => header === w || (w.length >= 2 && header.includes(w)))
  }).length
}

/**
 * The field each column most likely holds (null for none), each field used once: exact synonym matches
 * first, then headers that contain a synonym (联系人电话 → contactPhone), left to right.
 */
export function suggestMapping(kind: ImportKind, headers: readonly string[]): (ImportField | null)[] {
  const synonyms = Object.entries(SYNONYMS[kind]).map(
    ([field, words]) => [field as ImportField, words.map(normalizeHeader)] as const,
  )
  const normalized = headers.map(normalizeHeader)
  const mapping: (ImportField | null)[] = headers.map(() => null)
  const used = new Set<ImportField>()
  const assign = (score: (header: string, word: string) => number) => {
    normalized.forEach((header, column) => {
      if (mapping[column] !== null || header === '') return
      let best: { field: ImportField; score: number } | null = null
      for (const [field, words] of synonyms) {
        if (used.has(field)) continue
        const s = Math.max(0, ...words.map((w) => score(header, w)))
        if (s > 0 && (!best || s > best.score)) best = { field, score: s }
      }
      if (best) {
        mapping[column] = best.field
        used.add(best.field)
      }
    })
  }
  assign((header, word) => (header === word ? 1 : 0))
  // Then the longest synonym a header contains (联系人手机号 → 联系人手机); single characters (省, 市)
  // only ever match exactly.
  assign((header, word) => (word.length >= 2 && header.includes(word) ? word.length : 0))
  return mapping
}

const WORDS = Object.fromEntries(
  Object.entries(SYNONYMS).map(([kind, fields]) => [kind, Object.values(fields).flat().map(normalizeHeader)]),
) as Record<ImportKind, string[]>
const ALL_WORDS = [...new Set(Object.values(WORDS).flat())]
