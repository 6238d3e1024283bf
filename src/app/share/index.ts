/** Share, keep and survive: URL state, saved settings, imports and exports. (The CSP plugin, csp.ts, is build-time only.) */
export * from './properties';
export * from './urlState';
export * from './persist';
export * from './storeBridge';
export * from './files';
export * from './browser';
export * from './exportImage';
