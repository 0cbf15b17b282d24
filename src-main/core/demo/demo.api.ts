import type { HandlersFor } from '../api/handlers'
import type { demoCalls } from './demo.contract'
import { clearDemoData, getDemoData } from './demo.service'

export const demoHandlers: HandlersFor<typeof demoCalls> = {
  'demo.get': (_input, ctx) => getDemoData(ctx),
  'demo.clear': (_input, ctx) => clearDemoData(ctx),
}
