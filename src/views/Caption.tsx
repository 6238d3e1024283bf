/**
 * A figure's grey caption, one line until asked: "more" shows the rest, "less" folds it again.
 * Long explanations stay one click away without pushing the figures below the fold.
 */
import { type ReactNode, useId, useLayoutEffect, useRef, useState } from 'react';
import { useT } from '../i18n/setup';

export function Caption({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const [overflows, setOverflows] = useState(false);
  const textRef = useRef<HTMLSpanElement>(null);
  const id = useId();
  const t = useT();
  // the toggle only when the text is longer than its one line (measured after each render)
  useLayoutEffect(() => {
    const text = textRef.current;
    if (!text || open) return;
    const longer = text.scrollWidth > text.clientWidth + 1;
    if (longer !== overflows) setOverflows(longer);
  });
  return (
    <figcaption className={open ? 'bl-caption is-open' : 'bl-caption'}>
      <span ref={textRef} id={id} className="bl-caption__text">
        {children}
      </span>
      {(overflows || open) && (
        <button type="button" className="bl-caption__toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          {open ? t('caption.less') : t('caption.more')}
        </button>
      )}
    </figcaption>
  );
}
