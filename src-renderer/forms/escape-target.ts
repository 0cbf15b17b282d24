/**
 * Whether an Escape pressed on `target` is the form dialog's to handle, or belongs to a popup inside it.
 *
 * Mantine closes a Modal/Drawer on Escape from a capture listener on window, which runs before any popup
 * sees the key: a date picker's Escape closed the whole form. Our form dialogs turn that off and ask this
 * instead, from their own capture listener (so the DOM still shows what was open when the key went down).
 * Escape is the dialog's only when the key came from inside it (not from a nested modal or a portalled
 * dropdown) and the focused field has no popup open: an open Combobox (Select, TagsInput, Autocomplete)
 * or a Menu marks its target data-mantine-stop-propagation, a Popover target says aria-expanded, and a
 * DateInput (which says neither) has its calendar in the document.
 */
export function escapeIsForDialog(target: EventTarget | null, dialog: Element): boolean {
  const doc = dialog.ownerDocument
  const element = target instanceof Element ? target : null
  if (element === null || element === doc.body || element === doc.documentElement) {
    // Focus nowhere in particular: the key is the topmost dialog's (popovers with roles count too).
    const open = doc.querySelectorAll('[role="dialog"]')
    return open[open.length - 1] === dialog
  }
  if (element.closest('[role="dialog"]') !== dialog) return false
  if (element.closest('[data-mantine-stop-propagation="true"]')) return false
  if (element.closest('[aria-haspopup][aria-expanded="true"]')) return false
  if (element.closest('[data-dates-input]') && doc.querySelector('[data-dates-dropdown]')) return false
  return true
}
