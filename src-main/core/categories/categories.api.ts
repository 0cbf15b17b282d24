import type { HandlersFor } from '../api/handlers'
import type { categoryCalls } from './categories.contract'
import {
  categoryPolicy,
  createCategory,
  deleteCategory,
  listCategories,
  updateCategory,
} from './categories.service'

export const categoryHandlers: HandlersFor<typeof categoryCalls> = {
  'categories.list': (_input, ctx) => listCategories(ctx),
  'categories.create': (input, ctx) => createCategory(ctx, input),
  'categories.update': (input, ctx) => updateCategory(ctx, input.id, input.values),
  'categories.delete': async (input, ctx) => {
    await deleteCategory(ctx, input.id)
    return { id: input.id }
  },
  'categories.policy': (input, ctx) => categoryPolicy(ctx.db, input.category),
}
