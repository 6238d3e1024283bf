/**
 * The page's notes (a bad link, settings that could not be saved, a worker that failed and was
 * restarted) and the weight or bias being edited on the graph.
 */
import type { Problem } from '../engine';
import type { CoreState } from './coreState';
import type { SliceCreator } from './sliceCreator';

/** What this slice reads and writes of the store. */
type Needs = CoreState;

interface PageNote {
  /** what the note is about: a URL key, 'worker', 'storage' … ('' for the page as a whole) */
  key: string;
  /** one sentence, coded (worded in the page's language) or already in words; shown as text, never as HTML */
  message: Problem;
}

/** What makes two notes the same note. */
const sameness = (note: PageNote) => (typeof note.message === 'string' ? note.message : JSON.stringify(note.message));

/** A hostile link cannot flood the page: older notes go first. */
export const MAX_PAGE_NOTES = 16;

interface ShareState {
  notes: PageNote[];
  /** index into params of the weight or bias whose editor is open, or null */
  editingParam: number | null;
}

export interface ShareSlice {
  share: ShareState;
  /** Adds notes to the banner (a note already shown is not repeated). */
  addNotes(notes: readonly PageNote[]): void;
  dismissNotes(): void;
  /** Opens the editor of params[index] (pausing the run), or closes it with null. */
  editParam(index: number | null): void;
}

export const createShareSlice: SliceCreator<ShareSlice, Needs> = (set, get) => ({
  share: { notes: [], editingParam: null },

  addNotes(notes) {
    const current = get().share.notes;
    const fresh = notes.filter(
      (note, k) => !current.some((shown) => sameness(shown) === sameness(note)) && notes.findIndex((other) => sameness(other) === sameness(note)) === k,
    );
    if (fresh.length === 0) return;
    set({ share: { ...get().share, notes: [...current, ...fresh].slice(-MAX_PAGE_NOTES) } });
  },

  dismissNotes() {
    if (get().share.notes.length > 0) set({ share: { ...get().share, notes: [] } });
  },

  editParam(index) {
    // a value typed while the weights keep moving would be overwritten at once
    if (index !== null && get().run.running) get().pause();
    set({ share: { ...get().share, editingParam: index } });
  },
});
