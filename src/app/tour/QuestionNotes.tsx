/**
 * Notes on the question's code, each with the lab's own numbers: its summed cost, the answer's
 * output formula taken literally with cross-entropy, and the ragged NumPy array that no longer builds.
 */
import { useLabShallow } from '../../store/hooks';
import { formatNumber } from '../../views/format';
import { listText as list, useT } from '../../i18n/setup';

export function QuestionNotes() {
  const { twin, snapshot, data } = useLabShallow((s) => ({ twin: s.bugLab.twin, snapshot: s.snapshot, data: s.data }));
  const t = useT();
  // the question's own run when the tour's twin holds it, else whatever the live lab runs
  const question = twin.result && twin.data ? { cost: twin.result.buggy.finalCost, count: twin.data.count, what: t('notes.questionRun') } : null;
  const live = snapshot && data ? { cost: snapshot.evaluation.cost, count: data.count, what: t('notes.liveRun') } : null;
  const costRun = question ?? live;
  const output = snapshot?.pass.layers[snapshot.pass.layers.length - 1];
  const slopes = output ? Array.from(output.fPrimeAtZ) : [];
  const sizes = snapshot?.network.sizes ?? [];
  const shapes = sizes.slice(1).map((n, l) => `${n}×${sizes[l]}`);
  return (
    <section className="tour-notes" aria-labelledby="tour-notes-title">
      <h3 id="tour-notes-title">{t('notes.title')}</h3>
      <ul>
        {costRun && (
          <li>
            {t('notes.summed', { count: costRun.count, what: costRun.what, mean: formatNumber(costRun.cost), sum: formatNumber(costRun.cost * costRun.count) })}
          </li>
        )}
        {output && slopes.length > 0 && (
          <li>
            {t('notes.outputFormula', { min: formatNumber(Math.min(...slopes)), max: formatNumber(Math.max(...slopes)), count: snapshot!.pass.keptSamples })}
          </li>
        )}
        {shapes.length > 1 && <li>{t('notes.ragged', { shapes: list(shapes) })}</li>}
      </ul>
    </section>
  );
}
