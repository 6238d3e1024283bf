/**
 * The "setParam" command: the user typed a new value for one weight or bias on the graph.
 * The trainer reads the network's params directly, so the next epoch trains from the new value.
 */
import { type Network, type Run, layoutOf } from '../../engine';

/** Values beyond this are refused: they only saturate every unit and blow the cost up. */
export const MAX_PARAM_MAGNITUDE = 1e6;

/** Why `value` cannot go into params[index] of `net`, or null. */
export function paramEditError(net: Network, index: unknown, value: unknown): string | null {
  const count = layoutOf(net.sizes).parameterCount;
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= count)
    return `parameter: expected an index from 0 to ${count - 1}, got ${String(index)}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return `value: expected a finite number, got ${String(value)}`;
  if (Math.abs(value) > MAX_PARAM_MAGNITUDE) return `value: expected a number from −${MAX_PARAM_MAGNITUDE} to ${MAX_PARAM_MAGNITUDE}, got ${value}`;
  return null;
}

/** Sets the parameter and shows the result; throws (changing nothing) when the edit is refused. */
export function setParameter(run: Run, command: { index: unknown; value: unknown }, sendSnapshot: () => void): void {
  if (run.trainer.divergence) throw new RangeError('the run diverged: press Reset before editing a weight');
  const problem = paramEditError(run.net, command.index, command.value);
  if (problem) throw new RangeError(problem);
  run.net.params[command.index as number] = command.value as number;
  run.trainer.paramsChanged();
  sendSnapshot();
}
