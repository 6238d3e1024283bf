/** The store's side of the worker: what connectWorker installs, and what the store's actions use. */
import type { LabCommand, LabEvent, Request } from '../worker/lab/protocol';

export interface BridgeSlice {
  /** sends a command to the worker (a no-op until connectWorker); for the store's own actions, never a component */
  send(command: LabCommand): void;
  /** sends a command the worker answers; settles once its answer (and every event before it) is in the store, rejects with the reason it failed */
  request(command: Request): Promise<void>;
  /** applies one worker event to the slices */
  receive(event: LabEvent): void;
  /** applies several events in order, as one store update */
  receiveAll(events: readonly LabEvent[]): void;
}
