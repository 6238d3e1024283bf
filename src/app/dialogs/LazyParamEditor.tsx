/**
 * The weight-edit dialog, loaded with its words (the `errors` catalog group) the first time a weight
 * or bias is clicked, then kept mounted so closing it returns focus where it was.
 */
import { Suspense, lazy, useState } from 'react';
import { withCatalog } from '../../i18n/setup';
import { useLab } from '../../store/hooks';

const ParamEditorDialog = lazy(() => withCatalog('errors', import('./ParamEditor')).then((m) => ({ default: m.ParamEditor })));

export function ParamEditor() {
  const asked = useLab((s) => s.share.editingParam !== null);
  const [wanted, setWanted] = useState(false);
  // set during render (React's pattern for state derived from a change): from the first edit on, it stays
  if (asked && !wanted) setWanted(true);
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <ParamEditorDialog />
    </Suspense>
  );
}
