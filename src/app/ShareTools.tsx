/** The header's share tools: File menu, Copy link and the shortcut sheet's button. */
import { CopyLink } from './links/CopyLink';
import { FileMenu } from './files/FileMenu';
import { ShortcutSheet } from './dialogs/ShortcutSheet';
import { useT } from '../i18n/setup';
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

export { NotesBanner } from './dialogs/NotesBanner';
export { ParamEditor } from './dialogs/LazyParamEditor';
