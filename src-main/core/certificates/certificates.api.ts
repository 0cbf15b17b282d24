import type { HandlersFor } from '../api/handlers'
import type { certificateCalls } from './certificates.contract'
import {
  createCertificate,
  deleteCertificate,
  getCertificate,
  listCertificates,
  listExpiring,
  updateCertificate,
} from './certificates.service'

export const certificateHandlers: HandlersFor<typeof certificateCalls> = {
  'certificates.list': async (input, ctx) => ({ items: await listCertificates(ctx, input.factoryId) }),
  'certificates.get': (input, ctx) => getCertificate(ctx, input.id),
  'certificates.create': (input, ctx) => createCertificate(ctx, input.factoryId, input.values),
  'certificates.update': (input, ctx) => updateCertificate(ctx, input.id, input.values),
  'certificates.delete': async (input, ctx) => {
    await deleteCertificate(ctx, input.id)
    return { id: input.id }
  },
  'certificates.expiring': (input, ctx) => listExpiring(ctx, input),
}
