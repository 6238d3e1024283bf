/**
 * The slip library's names and sentences on the page, in its language, by slip id. The engine's
 * SLIPS keep the English for the CLI (the engine imports no catalog); tests/buglab/slipText.test.ts
 * checks the English catalog against them word for word, so the two cannot drift apart.
 */
import type { SlipId } from '../../engine';
import { type MessageKey, t } from '../../i18n/setup';

export const slipName = (id: SlipId): string => t(`bl.slip.${id}.name` as MessageKey);
export const slipSentence = (id: SlipId): string => t(`bl.slip.${id}.sentence` as MessageKey);
