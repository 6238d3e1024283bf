/** The header's share tools: File menu, Copy link and the shortcut sheet's button. */
import { CopyLink } from './CopyLink';
import { FileMenu } from './FileMenu';
import { ShortcutSheet } from './ShortcutSheet';
import './share.css';

export function ShareTools() {
  return (
    <div className="share-tools" role="group" aria-label="Share and files">
      <FileMenu />
      <CopyLink />
      <ShortcutSheet />
    </div>
  );
}

export { NotesBanner } from './NotesBanner';
export { ParamEditor } from './ParamEditor';
;
