export * from './types';
export { createLabStore, applyEvent, type LabStore } from './labStore';
export { connectWorker } from './connectWorker';
export { historyCostSource, type HistorySource, type HistorySeries } from './costSource';
export { appendCosts } from './historySlice';
export { INITIAL_STOP } from './configSlice';
export { LabStoreContext, useLab, useLabShallow, useLabStoreApi } from './hooks';
export { MAX_PAGE_NOTES, type PageNote, type ShareState } from './shareSlice';
export { superviseWorker, type SupervisedWorker } from './workerSupervisor';
