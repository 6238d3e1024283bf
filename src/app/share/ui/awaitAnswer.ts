/**
 * Sends a command that starts a new run (loadData, loadNetwork) and resolves with the worker's
 * answer: the new run, or the reason it refused (the current run is then untouched).
 */
import type { LabStore } from '../../../store/labStore';
import type { LabCommand } from '../../../worker/protocol';

export type Answer = { ok: true } | { ok: false; error: string };

const ANSWER_TIMEOUT_MS = 15_000;

export function sendAndAwaitRun(store: LabStore, command: LabCommand, timeoutMs = ANSWER_TIMEOUT_MS): Promise<Answer> {
  const before = store.getState();
  // a refusal shows as a fresh error, so clear the old one first
  if (before.run.error !== null) store.setState({ run: { ...before.run, error: null } });
  const { initialNetwork } = store.getState();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: Answer) => {
      if (settled) return;
      settled = true;
      unsubscribe();
      clearTimeout(timer);
      resolve(answer);
    };
    const unsubscribe = store.subscribe((state) => {
      if (state.initialNetwork !== initialNetwork) finish({ ok: true });
      else if (state.run.error !== null) finish({ ok: false, error: state.run.error });
    });
    const timer = setTimeout(() => finish({ ok: false, error: 'the lab did not answer; try again' }), timeoutMs);
    store.getState().send(command);
  });
}
