/**
 * The bug lab (issue 5): where to start (the question's presets and the fix path), the twin run,
 * the sweep over many starts, the gate comparison, and the question's three slips with the code they change, and
 * Check my gradients (issue 14).
 * Everything lives in the store's bugLab slice, so runs go on and results stay across tab switches.
 */
import { useState } from 'react';
import { CheckSection } from './CheckSection';
import { FixPath } from './FixPath';
import { GateComparisonSection } from './GateComparisonSection';
import { MysterySection } from './MysterySection';
import { SlipsSection } from './SlipsSection';
import { SweepSection } from './SweepSection';
import { TwinSection } from './TwinSection';
import './bugLab.css';

export function BugLabTab() {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="buglab">
      <FixPath />
      <TwinSection />
      <SweepSection />
      <GateComparisonSection />
      <SlipsSection onProblem={setProblem} />
      <CheckSection />
      <MysterySection />
      {problem && (
        <p className="bl-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
