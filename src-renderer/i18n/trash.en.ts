import type { trashErrorsZhCN, trashZhCN } from './trash.zh-CN'

/** English texts of the Trash and of deletes that met an edit (Sync screen), spread into en.ts. */
export const trashEn: typeof trashZhCN = {
  trash: {
    title: 'Trash',
    intro:
      'Deleted factories, tours, visits, follow-ups, samples, quotes, currency rates and photos, ready to restore; a restore syncs to the other laptops. Data HQ maintains (SKUs, benchmarks, demand, categories) is not here.',
    allKinds: 'All',
    kindFilter: 'Kind',
    deletedBy: 'Deleted by {{device}} at {{time}}',
    deletedAt: 'Deleted at {{time}}',
    untitled: '(no name)',
    restore: 'Restore',
    deletedMark: 'Deleted',
    deletedName: '{{name}} (deleted)',
    restored: 'Restored: {{records}}',
    empty: 'The trash is empty.',
    conflicts: {
      title: 'Deletes that met an edit',
      hint: 'Someone deleted a record that another buyer changed without seeing the delete (or the delete did not see the change): the record stays deleted, the change is kept in it, and a restore brings it back.',
      empty: 'No delete met an edit.',
      later: '{{deleter}} deleted {{record}}; {{editor}}’s later change to {{fields}} is kept',
      unseen:
        '{{deleter}} deleted {{record}} without seeing {{editor}}’s change to {{fields}}; the change is kept',
      kept: 'Kept: {{values}}',
      times: 'Deleted {{deletedAt}} · changed {{editedAt}}',
      restore: 'Restore this record',
      restoredState: 'Restored',
      fieldSeparator: ', ',
    },
  },
}

/** English error texts of the Trash, under errors.trash. */
export const trashErrorsEn: typeof trashErrorsZhCN = {
  rateExists: 'This currency has a current rate: delete it before restoring the old one',
}
