/** The header's share tools: File menu, Copy link and the shortcut sheet's button. */
import { CopyLink } from './CopyLink';
import { FileMenu } from './FileMenu';
import { ShortcutSheet } from './ShortcutSheet';
import { useT } from '../../../i18n/setup';
import './share.css';

export function ShareTools() {
  const t = useT();
  return (
    <div className="share-tools" role="group" aria-label={t('share.label')}>
      <FileMenu />
      <CopyLink />
      <ShortcutSheet />
    </div>
  );
}

export { NotesBanner } from './NotesBanner';
export { ParamEditor } from './ParamEditor';
