import type { formsZhCN } from './forms.zh-CN'

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }

/** English texts of unsaved changes and drafts; the same keys as forms.zh-CN.ts. */
export const formsEn: Widen<typeof formsZhCN> = {
  forms: {
    discard: {
      title: 'Discard unsaved changes?',
      body: 'This form holds changes that are not saved. Discarding deletes them and their draft.',
      keep: 'Keep editing',
      discard: 'Discard changes',
    },
    draft: {
      found: 'Unsaved draft ({{time}})',
      hint: 'This form held changes that were not saved. Restore puts the draft back; Discard deletes it.',
      stale:
        'This record was changed after the draft ({{time}}): restoring brings back only the fields the draft changed and keeps the latest values elsewhere; a field changed on both sides takes the draft’s.',
      dropped: 'Drafts keep no files or photos: add them again after restoring.',
      restore: 'Restore',
      discard: 'Discard',
      waiting: 'Unsaved drafts: {{count}}',
      waitingHint: 'Open the form again to restore or discard each:',
      kinds: { visit: 'Visit', sample: 'Sample', quote: 'Quote', factory: 'Factory' },
    },
  },
}
