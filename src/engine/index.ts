/** The engine's public surface: pure TypeScript, no DOM, no globals, no Math.random. */
export * from './activations';
export * from './config';
export * from './costs';
export * from './csv';
export * from './datasets';
export * from './evaluate';
export * from './gradcheck';
export * from './grid';
export * from './inspect';
export * from './network';
export * from './networkFile';
export * from './options';
export { PassWorkspace, NAIVE_SIGMOID_OVERFLOW_Z } from './pass';
export * from './rng';
export * from './trainer';
export * from './slips';
export * from './stats';
export * from './twin';
