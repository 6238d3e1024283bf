/**
 * Who owns a key press: the page's one-key shortcuts (Space, ←, →) or the focused control.
 * A control keeps its own keys (a button's Space, a radio group's or tab list's arrows) only when
 * the user reached it with the keyboard, as the WAI-ARIA authoring practices expect; after a click
 * it is just where the pointer was, and the page's shortcuts win. Text entry always keeps its keys.
 */

// until the first pointer press, focus can only have moved by keyboard (or by the page itself)
let focusByKeyboard = true;
let tracking = false;

/** Starts following how focus moves: Tab (with or without Shift) is the keyboard, any pointer press is not. */
export function trackFocusOrigin(target: Window = window): void {
  if (tracking) return;
  tracking = true;
  target.addEventListener('pointerdown', () => (focusByKeyboard = false), { capture: true });
  target.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Tab') focusByKeyboard = true;
    },
    { capture: true },
  );
}

/** Was the focused control reached with the keyboard (Tab) since the last pointer press? */
export function focusCameFromKeyboard(): boolean {
  return focusByKeyboard;
}

/** For tests: sets the flag as a Tab or a click would. */
export function setFocusOrigin(keyboard: boolean): void {
  focusByKeyboard = keyboard;
}

const NOT_TEXT_INPUTS = ['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'file', 'color', 'image'];

/** The user is typing: a text field, a number field, a text area or editable content. */
export function isTextEntry(target: EventTarget | null | undefined): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  const tag = element.tagName;
  if (tag === 'TEXTAREA') return true;
  if (tag === 'INPUT') return !NOT_TEXT_INPUTS.includes((element as HTMLInputElement).type);
  const role = element.getAttribute?.('role');
  return role === 'textbox' || role === 'spinbutton' || role === 'combobox';
}

/** A control with keys of its own: buttons (Space), selects, radios, tabs, sliders, menus, the graph (arrows). */
function hasOwnKeys(element: HTMLElement): boolean {
  if (['BUTTON', 'SELECT', 'SUMMARY', 'A', 'INPUT'].includes(element.tagName)) return true;
  const role = element.getAttribute('role');
  if (role && ['button', 'tab', 'radio', 'slider', 'menuitem', 'option', 'checkbox', 'switch'].includes(role)) return true;
  return typeof element.closest === 'function' && element.closest('figure') !== null;
}

/** A control whose arrow keys change a choice: a radio group, a tab list, a select, a slider, the graph's focus. */
export function arrowsChangeIt(target: EventTarget | null | undefined): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const element = target as HTMLElement;
  if (element.tagName === 'SELECT') return true;
  if (element.tagName === 'INPUT' && ['radio', 'range'].includes((element as HTMLInputElement).type)) return true;
  const role = element.getAttribute('role');
  if (role === 'tab' || role === 'radio' || role === 'slider') return true;
  return typeof element.closest === 'function' && element.closest('figure') !== null;
}

/**
 * Who handles a key press: 'typing' in a text field; 'control' inside a dialog or an open menu, or on
 * a control the keyboard brought focus to; 'page' everywhere else, its one-key shortcuts included.
 */
export function keyOwner(target: EventTarget | null | undefined): 'typing' | 'control' | 'page' {
  if (!target || typeof (target as Element).tagName !== 'string') return 'page';
  const element = target as HTMLElement;
  if (isTextEntry(element)) return 'typing';
  if (typeof element.closest === 'function' && element.closest('dialog, [role="menu"]')) return 'control';
  if (!hasOwnKeys(element)) return 'page';
  return focusByKeyboard ? 'control' : 'page';
}

/** Do the page's one-key shortcuts handle this key press? */
export function pageKeysWin(target: EventTarget | null | undefined): boolean {
  return keyOwner(target) === 'page';
}
