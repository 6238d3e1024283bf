/**
 * What the engine says when it refuses something, as a code and its values, never as a sentence:
 * the page writes it in the visitor's language (`error.<code>` in the catalogs, i18n/codedText.ts)
 * and the CLI in English from the same catalog (cli/messages.ts), so each sentence lives in one place.
 * A value is a number or text printed as it is, or another message (a part that is itself worded).
 */
export const ENGINE_CODES = [
  // a value described inside a message (describeValue)
  'valueNothing',
  'valueArray',
  'valueObject',
  'valueMissingField',
  // JSON syntax (json.ts)
  'jsonInvalid',
  'jsonAt',
  'jsonTooDeep',
  'jsonInvalidSymbol',
  'jsonInvalidNumberFormat',
  'jsonPropertyNameExpected',
  'jsonValueExpected',
  'jsonColonExpected',
  'jsonCommaExpected',
  'jsonCloseBraceExpected',
  'jsonCloseBracketExpected',
  'jsonEndOfFileExpected',
  'jsonInvalidCommentToken',
  'jsonUnexpectedEndOfComment',
  'jsonUnexpectedEndOfString',
  'jsonUnexpectedEndOfNumber',
  'jsonInvalidUnicode',
  'jsonInvalidEscapeCharacter',
  'jsonInvalidCharacter',
  // CSV (csv.ts)
  'csvExpectedText',
  'csvTooLarge',
  'csvTooManyColumns',
  'csvNotColumnName',
  'csvNotColumnNameNumber',
  'csvColumnTwice',
  'csvNoInputColumns',
  'csvNoTargetColumns',
  'csvInputColumnMissing',
  'csvTargetColumnMissing',
  'csvTooManyRows',
  'csvWrongCount',
  'csvValueMissing',
  'csvValueTooLong',
  'csvNotNumber',
  'csvTooLargeNumber',
  'csvNoHeader',
  'csvNoRows',
  // datasets as rows or JSON (datasets.ts)
  'rowsNotArray',
  'rowsNone',
  'rowsTooMany',
  'rowsTargetCount',
  'rowNotArray',
  'rowWidth',
  'rowUneven',
  'rowEntry',
  'datasetNotObject',
  'datasetMissing',
  'costTargets',
  // shapes (network.ts)
  'shapeTooFew',
  'shapeSize',
  'shapeHiddenLayers',
  'shapeHiddenNeurons',
  'shapeInputs',
  'shapeOutputs',
  'shapeActivations',
  // the network file (networkFile.ts)
  'networkNotObject',
  'networkFormat',
  'networkVersion',
  'networkLayers',
  'networkActivations',
  'networkActivation',
  'networkLeakySlope',
  'networkWeights',
  'networkBiases',
  'networkRows',
  'networkRow',
  'networkWeight',
  'networkBiasCount',
  'networkBias',
  'networkFileTooLarge',
  // what is loaded into the lab (loadChecks.ts)
  'loadNoDataset',
  'loadNoSamples',
  'loadNoColumns',
  'loadInputCount',
  'loadTargetCount',
  'loadNotFinite',
  'loadDomain',
  'loadNoNetwork',
  'loadParamCount',
  'loadParamNotFinite',
  'loadInputsDiffer',
  'loadOutputsDiffer',
  // settings (settingChecks.ts, options.ts, config.ts)
  'settingNumber',
  // a number typed into a page field (readTypedNumber)
  'typedEmpty',
  'typedNotNumber',
  'typedTooLarge',
  'settingChoice',
  'settingSwitch',
  'settingList',
  'settingListLength',
  'settingListItem',
  'range',
  'rangeZero',
  'crossEntropyOutput',
  'hiddenLayer',
  // the run (trainer.ts, health.ts, the training worker's stops)
  'divergedCost',
  'divergedValue',
  'divergedReset',
  'stopEpochLimit',
  'stopEpochLimitPlay',
  'stopTargetCost',
  'reluDead',
  // the page's file readers (app/files)
  'fileNetwork',
  'fileData',
  'fileTooLarge',
  'fileTooNested',
  'fileUnreadable',
  'dataTooBig',
  'fileBytesTooLarge',
  'fileNotRead',
  'pngNoCanvas',
  'pngNotEncoded',
  'pngNotDrawn',
  // notes on the page's settings (app/storage, app/links)
  'settingNotApplied',
  'linkLabel',
  'linkNone',
  'linkMore',
  'linkUnreadable',
  'linkTooLong',
  'linkVersion',
  'linkTwice',
  'linkBadValue',
  'linkUnknown',
  'linkConflict',
  'valueTooLong',
  'valueNotNumber',
  'valueTooLarge',
  'valueNotWhole',
  'valueOutside',
  'valueNotChoice',
  'valueNotSwitch',
  'valueNotList',
  'valueListTooMany',
  'valueListOutside',
  'valueUnreadable',
  'savedBlocked',
  'savedDamaged',
  'saveNoStorage',
  'saveFailed',
  'saveFull',
  'saveBlocked',
  // the store's own refusals
  'noDataYet',
  'twinTooLong',
  'noSweepPool',
  'epochRange',
  'unknownPreset',
  'runReplaced',
  // the training worker failed (store/workerSupervisor.ts, connectWorker.ts, pendingRequests.ts): a note, and why
  'workerGivenUp',
  'workerRestarted',
  'workerFailedUnanswered',
  'workerStopped',
  'noWorker',
  'workerLate',
  'workerIgnored',
  'workerSilent',
  'workerNoAnswer',
  'workerThrew',
  'workerUnreadable',
  'workerInvalid',
  'workerNoDetail',
  // a snapshot the worker could not send (worker/lab/snapshot.ts)
  'snapshotFailed',
  'snapshotMemory',
  'snapshotRefused',
  // the Bug lab's worker pool (store/sweepPool.ts)
  'sweepRunning',
  'sweepStarts',
  'sweepSeeds',
  'sweepWorkerFailed',
  'twinWorkerFailed',
  // "<what>: <problem>": a gate's, a file's or a field's problem
  'namedProblem',
  // exercise sets (app/exercise/exerciseSet.ts)
  'exerciseSet',
  'exerciseTooLarge',
  'exerciseExpected',
  'exerciseStepId',
  'exerciseId',
  'exerciseInputs',
  'exerciseTargets',
  'exerciseSample',
  'exerciseNoStep',
  'exerciseNotOpened',
  'exerciseBadName',
  'exerciseNoSuchSet',
  'exerciseUnreadable',
  'exerciseLinkShape',
  'exerciseLinkSample',
  'exerciseLinkStep',
  // a weight or bias typed on the graph (worker/lab/paramEdit.ts)
  'paramIndex',
  'paramName',
  'paramDiverged',
] as const;

export type EngineCode = (typeof ENGINE_CODES)[number];
export type MessageValue = string | number | EngineMessage;

export interface EngineMessage {
  readonly code: EngineCode;
  readonly values: Readonly<Record<string, MessageValue>>;
}

/** A host's own error text (JSON.parse's, a worker's) put into a message: cut to 200 characters, so an endless one stays one line. */
export const foreignErrorText = (text: string): string => text.slice(0, 200);

export function engineMessage(code: EngineCode, values: Record<string, MessageValue> = {}): EngineMessage {
  return { code, values };
}

/** Whether a value is an engine message (a worker's answer, a thrown error's detail). */
export function isEngineMessage(value: unknown): value is EngineMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    (ENGINE_CODES as readonly unknown[]).includes((value as EngineMessage).code) &&
    typeof (value as EngineMessage).values === 'object' &&
    (value as EngineMessage).values !== null
  );
}

/** A refusal thrown by the engine (buildRun on a bad configuration): its message is the code, its detail the message. */
export class EngineError extends RangeError {
  constructor(readonly detail: EngineMessage) {
    super(detail.code);
  }
}

/** A refusal or fault as it travels to the page: an engine message, or a text worded elsewhere (a thrown error's own message). */
export type Problem = EngineMessage | string;

/** A problem a caught error describes: an EngineError's message, else the error's text. */
export function problemOf(error: unknown): Problem {
  if (error instanceof EngineError) return error.detail;
  return error instanceof Error ? error.message : String(error);
}
