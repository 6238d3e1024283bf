/**
 * The "setParam" command: the user typed a new value for one weight or bias on the graph.
 * The trainer reads the network's params directly, so the next epoch trains from the new value.
 */
import { EngineError, type EngineMessage, type Network, type NumberRule, type Run, engineMessage, layoutOf, ruleError } from '../../engine';

/** Values beyond this are refused: they only saturate every unit and blow the cost up. */
const MAX_PARAM_MAGNITUDE = 1e6;

/** What a weight or bias may be set to: the dialog reads the typed text by it, the worker checks the command by it. */
export const PARAM_VALUE_RULE: NumberRule = { whole: false, min: -MAX_PARAM_MAGNITUDE, max: MAX_PARAM_MAGNITUDE };

/** Why `value` cannot go into params[index] of `net`, or null. */
function paramEditError(net: Network, index: unknown, value: unknown): EngineMessage | null {
  const count = layoutOf(net.sizes).parameterCount;
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= count)
    return engineMessage('paramIndex', { max: count - 1, value: String(index) });
  return ruleError(PARAM_VALUE_RULE, value, engineMessage('paramName'));
}

/** Sets the parameter and shows the result; throws (changing nothing) when the edit is refused. */
export function setParameter(run: Run, command: { index: unknown; value: unknown }, sendSnapshot: () => void): void {
  if (run.trainer.divergence) throw new EngineError(engineMessage('paramDiverged'));
  const problem = paramEditError(run.net, command.index, command.value);
  if (problem) throw new EngineError(problem);
  run.net.params[command.index as number] = command.value as number;
  run.trainer.paramsChanged();
  sendSnapshot();
}
