/** The bug lab (issue 5): twin run, sweeps, the question's slips. To be filled by its integration. */
export function BugLabTab() {
  return <p className="mode-panel__empty">The bug lab is on its way.</p>;
}
