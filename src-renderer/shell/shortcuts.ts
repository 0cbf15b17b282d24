/** Every keyboard shortcut of the app, in one place: the shortcuts dialog lists exactly these. */
export interface Shortcut {
  /** The keys, as shown (mod is ⌘ on a Mac, Ctrl elsewhere). */
  keys: string[]
  /** Message key of what it does. */
  what: string
}

/** Grouped as the dialog shows them; each group's title is `shortcuts.groups.<name>`. */
export const SHORTCUTS: Record<'everywhere' | 'lists' | 'forms' | 'photos', Shortcut[]> = {
  everywhere: [
    { keys: ['?'], what: 'shortcuts.help' },
    { keys: ['mod', 'K'], what: 'shortcuts.search' },
  ],
  lists: [
    { keys: ['Tab'], what: 'shortcuts.listEnter' },
    { keys: ['↑', '↓'], what: 'shortcuts.listMove' },
    { keys: ['Home', 'End'], what: 'shortcuts.listEnds' },
    { keys: ['Enter'], what: 'shortcuts.listOpen' },
    { keys: ['Space'], what: 'shortcuts.listSelect' },
  ],
  forms: [
    { keys: ['Enter'], what: 'shortcuts.formSave' },
    { keys: ['Esc'], what: 'shortcuts.formClose' },
  ],
  photos: [
    { keys: ['Ctrl', 'V'], what: 'shortcuts.photoPaste' },
    { keys: ['←', '→'], what: 'shortcuts.photoBrowse' },
  ],
}

/** True when a key press is typing into a field, which keeps its keys. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target instanceof HTMLInputElement) return !/^(radio|checkbox|button|submit|reset)$/.test(target.type)
  return target.isContentEditable || /^(TEXTAREA|SELECT)$/.test(target.tagName)
}
