import { z } from 'zod'
import { creditCodeProblem } from '../domain/credit-code'
import { defineSyncedTable, stored } from '../write/stored-columns'
import { FACTORY_STATUSES, FactoryInput } from './factories.contract'

const tags = () => stored.json(FactoryInput.shape.categories, [])

/**
 * The factories table as every writer sees it (the write path, HQ's push, the laptop's apply): its
 * columns as stored, lists as JSON text of the contract's shapes, limits as the contract's inputs.
 */
export const factoriesTable = defineSyncedTable({
  name: 'factories',
  entity: 'factory',
  rowId: 'uuid',
  columns: z.object({
    name: stored.text(100, { required: true }),
    // The contract's checks, written for stored (already trimmed, upper-cased) text.
    shop_id: stored.matching(/^(|[\w.-]{2,64})$/, ''),
    // A failing check character is kept with a reason (credit_code_note); length and alphabet are not.
    credit_code: stored.satisfying(
      (v) => v === '' || (creditCodeProblem(v) !== 'length' && creditCodeProblem(v) !== 'character'),
      '',
    ),
    credit_code_note: stored.text(200),
    province: stored.text(20),
    city: stored.text(30),
    address: stored.text(200),
    industrial_belt: stored.text(40),
    categories: tags(),
    oem_brands: tags(),
    certifications: tags(),
    capacity: stored.text(200),
    /**
     * Legacy JSON Contact[]: written only by laptops before migration 0011 (contacts are rows of
     * factory_contacts now); this version never writes it, and converts what arrives by sync.
     */
    contacts: stored.optional(stored.json(FactoryInput.shape.contacts, [])),
    status: stored.oneOf(FACTORY_STATUSES),
    notes: stored.text(5000),
  }),
})
