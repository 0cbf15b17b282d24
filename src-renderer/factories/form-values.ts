import { formatPhone } from '@core/domain/phone'
import type { Factory, FactoryValues } from '@core/factories/factories.contract'

/** What the create form starts with: the contract's defaults. */
export const EMPTY_FACTORY: FactoryValues = {
  name: '',
  shopId: '',
  creditCode: '',
  creditCodeNote: '',
  province: '',
  city: '',
  address: '',
  industrialBelt: '',
  categories: [],
  oemBrands: [],
  certifications: [],
  capacity: '',
  contacts: [],
  status: 'prospect',
  notes: '',
}

/** The editable fields of a stored factory (the strict input schema rejects id and timestamps). */
export function valuesOf(factory: Factory): FactoryValues {
  const { id: _id, createdAt: _created, updatedAt: _updated, ...values } = factory
  // Phones are edited as they are shown (grouped); the save stores them in normal form again.
  return { ...values, contacts: values.contacts.map((c) => ({ ...c, phone: formatPhone(c.phone) })) }
}

export const EMPTY_CONTACT: FactoryValues['contacts'][number] = { name: '', role: '', phone: '', wechat: '' }
