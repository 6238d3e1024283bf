/** Is this data a logic gate's truth table, whatever it was loaded as (a preset, a worked example, a file)? */
import { type Dataset, GATES, type GateName, gateDataset } from '../engine';

/** The gate whose four rows (in any order) these are, or null: then "solved" is the question's test, not an accuracy. */
export function gateOf(data: Dataset): GateName | null {
  if (data.kind === 'gate') return data.name as GateName;
  if (data.count !== 4 || data.inputSize !== 2 || data.outputSize !== 1) return null;
  const row = (d: Dataset, s: number) => `${d.inputs[2 * s]},${d.inputs[2 * s + 1]}→${d.targets[s]}`;
  const rows = new Set(Array.from({ length: 4 }, (_, s) => row(data, s)));
  const matches = (gate: GateName) => {
    const table = gateDataset(gate);
    return Array.from({ length: 4 }, (_, s) => row(table, s)).every((r) => rows.has(r));
  };
  return GATES.find(matches) ?? null;
}
