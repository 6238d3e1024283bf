/**
 * The mystery slip: one slip of the library, chosen from a seed, switched on in secret (in the
 * configuration's `slips`, which no control shows and the settings codec never writes). The link
 * carries it as an opaque page key `mystery=CODE` (the seed, scrambled), read before the settings
 * like the tour's key, so a teacher can send a whole class the same one.
 */
import { problemText } from '../../i18n/messageText';
import { createStore } from 'zustand/vanilla';
import { type LabConfig, MAX_SEED, Rng, SLIPS, SLIP_IDS, type SlipId, type SlippedConfig, namedDataset, sizesOf, slipApplies } from '../../engine';
import type { LabStore } from '../../store/labStore';
import { t } from '../../i18n/setup';

export const MYSTERY_KEY = 'mystery';
/** Scrambles the seed so the code does not read as a slip's number. */
const SCRAMBLE = 0x9e3779b9;

export function encodeMystery(seed: number): string {
  return ((seed ^ SCRAMBLE) >>> 0).toString(36);
}

/** The seed inside a code, or null for a code no button could have made. */
export function decodeMystery(code: string): number | null {
  if (!/^[0-9a-z]{1,7}$/.test(code)) return null;
  const value = parseInt(code, 36);
  if (value > MAX_SEED) return null;
  return (value ^ SCRAMBLE) >>> 0;
}

/** The slips a mystery may pick on this configuration: those a gradient shows and that change something here. */
export function mysteryCandidates(config: LabConfig, sizes: readonly number[]): SlipId[] {
  return SLIP_IDS.filter((id) => {
    const { showsInGradients, setting } = SLIPS[id];
    // a switch already on would hide nothing
    const alreadyOn = setting !== undefined && config[setting.field] === setting.value;
    return showsInGradients && !alreadyOn && slipApplies(id, sizes, config.cost);
  });
}

/** The seed's slip among the candidates (the same on every page for the same configuration). */
export function mysterySlip(seed: number, candidates: readonly SlipId[]): SlipId | null {
  if (candidates.length === 0) return null;
  return candidates[new Rng(seed).int(candidates.length)];
}

export interface MysteryState {
  code: string | null;
  slip: SlipId | null;
  /** the slips offered in the list */
  choices: SlipId[];
  guess: SlipId | null;
  revealed: boolean;
}

const CLOSED: MysteryState = { code: null, slip: null, choices: [], guess: null, revealed: false };
export const mysteryStore = createStore<MysteryState>(() => CLOSED);

function sizesOfLab(store: LabStore): number[] {
  const { config, data } = store.getState();
  return sizesOf(config, data ?? namedDataset(config.dataset, config.dataSeed));
}

/** Switches on the code's slip; returns a sentence when the code is refused. */
export function startMystery(store: LabStore, code: string): string | null {
  const seed = decodeMystery(code);
  if (seed === null) return t('mystery.badCode', { code: code.slice(0, 12) });
  const config = store.getState().config;
  const choices = mysteryCandidates(config, sizesOfLab(store));
  const slip = mysterySlip(seed, choices);
  if (!slip) return t('mystery.noSlip');
  const problem = store.getState().setConfig({ slips: [slip] } as Partial<LabConfig>);
  if (problem) return problemText(problem);
  mysteryStore.setState({ code, slip, choices, guess: null, revealed: false });
  // a preset or anything else that replaces the configuration drops the hidden slip: the mystery ends with it
  stopFollowing?.();
  stopFollowing = store.subscribe((state) => {
    if (!(state.config as LabConfig & SlippedConfig).slips?.includes(slip)) closeMystery();
  });
  return null;
}

let stopFollowing: (() => void) | null = null;

function closeMystery(): void {
  stopFollowing?.();
  stopFollowing = null;
  mysteryStore.setState(CLOSED);
  if (typeof location !== 'undefined' && typeof history !== 'undefined') {
    const url = new URL(location.href);
    url.searchParams.delete(MYSTERY_KEY);
    history.replaceState(history.state, '', url);
  }
}

/** A new mystery from a fresh random seed. */
export function newMystery(store: LabStore): string | null {
  const seed = crypto.getRandomValues(new Uint32Array(1))[0];
  return startMystery(store, encodeMystery(seed));
}

export function endMystery(store: LabStore): void {
  stopFollowing?.();
  stopFollowing = null;
  store.getState().setConfig({ slips: undefined } as Partial<LabConfig>);
  closeMystery();
}

/** The link's mystery code, and the query without it for the settings codec. */
export function readMysteryParam(search: string): { search: string; code: string | null } {
  const params = new URLSearchParams(search);
  const code = params.get(MYSTERY_KEY);
  if (code === null) return { search, code: null };
  params.delete(MYSTERY_KEY);
  return { search: params.toString(), code };
}

/** The query with the current mystery's code on it, or without one. */
export function withMystery(query: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(query);
  const code = mysteryStore.getState().code;
  if (code === null) next.delete(MYSTERY_KEY);
  else next.set(MYSTERY_KEY, code);
  return next;
}
