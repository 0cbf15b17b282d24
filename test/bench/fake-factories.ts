import type { FactoryInput } from '../../src-main/core/factories/factories.contract'
import { creditCodeCheckChar } from '../../src-main/core/domain/credit-code'

/** Invented factories for load tests: varied names, places, belts and contacts, all valid input. */

interface Belt {
  province: string
  city: string
  area: string
  belt: string
  categories: string[]
  suffix: string[]
  brands: string[]
}

const BELTS: Belt[] = [
  {
    province: '福建',
    city: '泉州',
    area: '350582',
    belt: '晋江生活用纸',
    categories: ['生活用纸', '抽纸', '卷纸', '手帕纸'],
    suffix: ['纸业有限公司', '纸品有限公司'],
    brands: ['心相印', '清风'],
  },
  {
    province: '河北',
    city: '保定',
    area: '130607',
    belt: '保定生活用纸',
    categories: ['生活用纸', '卷纸', '原纸'],
    suffix: ['纸业有限公司', '卫生纸厂'],
    brands: ['洁柔'],
  },
  {
    province: '广东',
    city: '江门',
    area: '440705',
    belt: '江门生活用纸',
    categories: ['生活用纸', '湿厕纸', '面巾纸'],
    suffix: ['纸业有限公司'],
    brands: ['维达', 'Kirkland'],
  },
  {
    province: '广东',
    city: '东莞',
    area: '441900',
    belt: '东莞生活用纸',
    categories: ['生活用纸', '面巾纸', '厨房纸'],
    suffix: ['生活用品有限公司'],
    brands: ['舒洁', "Member's Mark"],
  },
  {
    province: '四川',
    city: '乐山',
    area: '511129',
    belt: '四川竹浆纸',
    categories: ['竹浆纸', '本色纸'],
    suffix: ['浆纸有限公司'],
    brands: [],
  },
  {
    province: '湖北',
    city: '仙桃',
    area: '429004',
    belt: '仙桃无纺布',
    categories: ['一次性浴巾', '一次性内裤', '压缩毛巾'],
    suffix: ['无纺制品有限公司', '卫生材料有限公司'],
    brands: ['Kirkland'],
  },
  {
    province: '福建',
    city: '泉州',
    area: '350503',
    belt: '泉州湿巾',
    categories: ['湿厕纸', '湿巾'],
    suffix: ['卫生用品有限公司'],
    brands: ['维达', '洁柔'],
  },
  {
    province: '广东',
    city: '广州',
    area: '440111',
    belt: '广州白云日化',
    categories: ['洗手液', '沐浴露', '洁厕液', '香薰'],
    suffix: ['日用化工有限公司', '日化有限公司'],
    brands: ['威露士', '滴露', '蓝月亮'],
  },
  {
    province: '广东',
    city: '中山',
    area: '442000',
    belt: '中山日化',
    categories: ['洗衣液', '蚊香液', '香薰'],
    suffix: ['日化有限公司'],
    brands: ['立白'],
  },
  {
    province: '广东',
    city: '佛山',
    area: '440605',
    belt: '佛山日化',
    categories: ['厨房清洁剂', '重油污清洁剂'],
    suffix: ['清洁用品有限公司'],
    brands: ['威猛先生'],
  },
  {
    province: '浙江',
    city: '金华',
    area: '330782',
    belt: '浙江日化',
    categories: ['香薰蜡烛', '扩香石', '洗衣凝珠'],
    suffix: ['香薰工艺品有限公司', '化工有限公司'],
    brands: [],
  },
  {
    province: '贵州',
    city: '遵义',
    area: '520382',
    belt: '仁怀酱香白酒',
    categories: ['白酒', '酱香型'],
    suffix: ['酒业有限公司', '酿造有限公司'],
    brands: ["Member's Mark"],
  },
  {
    province: '四川',
    city: '泸州',
    area: '510504',
    belt: '川南浓香白酒',
    categories: ['白酒', '浓香型'],
    suffix: ['酒业有限公司', '酒厂'],
    brands: [],
  },
]

const FIRST = '禾恒瑞嘉润鑫华源泰丰盛达美洁柔宏德兴隆顺安康宝金永信诚新利福祥众合益'.split('')
const SECOND = '映源丰达美华信泰宇辰晟恒通和光明远航彩韵雅悦锦绣川峰林'.split('')
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾'.split('')
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
  '秀英',
  '志强',
  '建华',
  '丽娟',
  '海峰',
]
const ROLES = ['总经理', '业务经理', '外贸经理', '厂长', '品控主管', '销售总监', '跟单']
const STATUSES = ['qualified', 'prospect', 'prospect', 'qualified', 'paused', 'blacklisted'] as const
const MOBILE_PREFIXES = ['135', '138', '139', '150', '158', '177', '186', '188', '199']
const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

/** A small deterministic PRNG, so every run benchmarks the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** `count` valid, varied factory inputs (as a buyer would enter them). */
export function fakeFactories(count: number, seed = 42): FactoryInput[] {
  const random = seededRandom(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('')
  return Array.from({ length: count }, (_, i) => {
    const belt = pick(BELTS)
    const brand = pick(FIRST) + pick(SECOND)
    const first17 = `91${belt.area}MA${Array.from({ length: 7 }, () => pick(CODE_ALPHABET.split(''))).join('')}`
    const contacts = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
      name: pick(SURNAMES) + pick(GIVEN),
      role: pick(ROLES),
      phone: pick(MOBILE_PREFIXES) + digits(8),
      wechat: '',
    }))
    return {
      name: `${belt.city}${brand}${pick(belt.suffix)}${i % 7 === 0 ? `第${1 + (i % 5)}分厂` : ''}`,
      shopId: random() < 0.7 ? `b2b-2208${digits(7)}` : '',
      creditCode: first17 + creditCodeCheckChar(first17),
      province: belt.province,
      city: belt.city,
      address: `${belt.city}市${brand}工业园 ${1 + Math.floor(random() * 200)} 号`,
      industrialBelt: belt.belt,
      categories: belt.categories.filter(() => random() < 0.7).slice(0, 3),
      oemBrands: belt.brands.filter(() => random() < 0.4),
      certifications: ['ISO 9001', ...(random() < 0.4 ? ['ISO 14001'] : [])],
      capacity: `日产 ${10 + Math.floor(random() * 300)} 吨`,
      contacts,
      status: pick(STATUSES),
      notes: random() < 0.2 ? '样品已寄到线下选品中心，待评审。' : '',
    }
  })
}
