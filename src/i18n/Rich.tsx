/** A translated sentence with one piece of markup (a formula with <sup>) in the place its {slot} says. */
import type { ReactNode } from 'react';

const MARK = '\u0001';

/** `text` is a message rendered with its slot filled by MARK; the node goes where the mark is. */
export function withNode(render: (mark: string) => string, node: ReactNode): ReactNode {
  const [before, after = ''] = render(MARK).split(MARK);
  return (
    <>
      {before}
      {node}
      {after}
    </>
  );
}
