/** Step through one backprop pass (issue 4): to be filled by the step-through integration. */
export function StepThroughTab() {
  return <p className="mode-panel__empty">The step-through of one pass is on its way.</p>;
}
