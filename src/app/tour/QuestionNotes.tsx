/**
 * Notes on the question's code, each with the lab's own numbers: its summed cost, the answer's
 * output formula taken literally with cross-entropy, and the ragged NumPy array that no longer builds.
 */
import { useLabShallow } from '../../store/hooks';
import { formatNumber } from '../../views/format';

export function QuestionNotes() {
  const { twin, snapshot, data } = useLabShallow((s) => ({ twin: s.bugLab.twin, snapshot: s.snapshot, data: s.data }));
  // the question's own run when the tour's twin holds it, else whatever the live lab runs
  const question = twin.result && twin.data ? { cost: twin.result.buggy.finalCost, count: twin.data.count, what: 'the question’s AND run (with f′(a))' } : null;
  const live = snapshot && data ? { cost: snapshot.evaluation.cost, count: data.count, what: 'the live run' } : null;
  const costRun = question ?? live;
  const output = snapshot?.pass.layers[snapshot.pass.layers.length - 1];
  const slopes = output ? Array.from(output.fPrimeAtZ) : [];
  const sizes = snapshot?.network.sizes ?? [];
  const shapes = sizes.slice(1).map((n, l) => `${n}×${sizes[l]}`);
  return (
    <section className="tour-notes" aria-labelledby="tour-notes-title">
      <h3 id="tour-notes-title">Notes on the question’s code</h3>
      <ul>
        {costRun && (
          <li>
            The question plotted the cost summed over its {costRun.count} samples, {costRun.count}× the mean the lab shows: {costRun.what} ends at a mean of{' '}
            {formatNumber(costRun.cost)}, which a summed plot shows as {formatNumber(costRun.cost * costRun.count)}.
          </li>
        )}
        {output && slopes.length > 0 && (
          <li>
            The answer’s output formula δᴸ = (a − y)·σ′(zᴸ), taken literally with cross-entropy, adds a slip: cross-entropy’s gradient already cancels σ′(zᴸ), so δᴸ = a − y. The
            extra factor is σ′(zᴸ), which on the live run is between {formatNumber(Math.min(...slopes))} and {formatNumber(Math.max(...slopes))} over the{' '}
            {snapshot!.pass.keptSamples} samples: the output δ would shrink by that much.
          </li>
        )}
        {shapes.length > 1 && (
          <li>
            The question’s code builds a NumPy array from a list of arrays of different shapes. With this network’s weight matrices (shapes {shapes.join(' and ')}) np.array raises a
            ValueError on current NumPy (since 1.24, unless dtype=object is given), so the question’s code no longer runs as written.
          </li>
        )}
      </ul>
    </section>
  );
}
