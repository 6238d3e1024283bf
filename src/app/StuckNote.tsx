/**
 * Whether the run on show is stuck in saturation (engine/health.ts saturationLock) where the buggy
 * derivative had a hand in its weights: then the note (a lazy chunk with its own messages) says so.
 */
import { lazy, Suspense, useMemo } from 'react';
import { saturationLock } from '../engine';
import { withCatalog } from '../i18n/setup';
import { costAtEpoch } from '../store/historySlice';
import { useLab, useLabShallow } from '../store/hooks';

const StuckNoteBody = lazy(() => withCatalog('stucknote', import('./StuckNoteBody')).then((m) => ({ default: m.StuckNoteBody })));

export function StuckNote() {
  const s = useLabShallow((state) => {
    const markers = state.costMarkers.filter((marker) => marker.changes.some((change) => change.setting === 'derivative'));
    const switched = markers[markers.length - 1] ?? null;
    return {
      snapshot: state.snapshot,
      live: state.snapshot !== null && !state.snapshot.scrubbed && state.snapshot.runId === state.run.runId,
      shown: state.ui.mode === 'live' && state.story.tourStep === null && !state.story.landing,
      // while it trains, only a run that trains on from weights of other settings (a plain run would flash it as it goes)
      settled: !state.run.running || state.run.carriedOver !== null,
      derivative: state.config.derivative,
      epoch: state.run.epoch,
      switchedAt: switched?.epoch ?? null,
      costAtSwitch: switched ? costAtEpoch(state, switched.epoch) : null,
      costNow: costAtEpoch(state, state.run.epoch),
      solved: state.snapshot?.evaluation.solved ?? false,
    };
  });
  const restart = useLab((state) => state.resetWithCorrectDerivative);
  const { snapshot, derivative } = s;
  // only where the buggy derivative had a hand in these weights: then f′(z) from the initial weights is another run
  const buggyHand = derivative === 'buggy' || s.switchedAt !== null;
  const possible = snapshot !== null && s.live && s.shown && s.settled && buggyHand && !s.solved;
  // the samples are looked at only when the note could show, not on every frame of a plain run
  const lock = useMemo(() => (possible && snapshot ? saturationLock(snapshot.network, snapshot.pass, derivative) : null), [possible, snapshot, derivative]);
  if (!snapshot || !lock) return null;
  // the cost since f′(z) took over, when it trained on these weights
  const sinceSwitch =
    derivative === 'correct' && s.switchedAt !== null && s.epoch > s.switchedAt && s.costAtSwitch !== null && s.costNow !== null
      ? { epoch: s.switchedAt, from: s.costAtSwitch, to: s.costNow, epochs: s.epoch - s.switchedAt }
      : null;
  return (
    <Suspense fallback={null}>
      <StuckNoteBody
        lock={lock}
        pass={snapshot.pass}
        inputSize={snapshot.network.sizes[0]}
        derivative={derivative}
        sinceSwitch={sinceSwitch}
        onRestart={restart}
      />
    </Suspense>
  );
}
