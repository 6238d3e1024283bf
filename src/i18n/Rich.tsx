/** Translated sentences with markup (a <kbd>, a formula) in the places their {slots} say. */
import { Fragment, type ReactNode } from 'react';

const MARK = '\u0001';

/** A translated sentence with several pieces of markup, each where its {slot} is. */
export function withNodes(render: (marks: Record<string, string>) => string, nodes: Record<string, ReactNode>): ReactNode {
  const names = Object.keys(nodes);
  const marks = Object.fromEntries(names.map((name, i) => [name, `${MARK}${i}${MARK}`]));
  const parts = render(marks).split(new RegExp(`${MARK}(\\d+)${MARK}`));
  // split with a group: text, index, text, index, …
  // biome-ignore lint/suspicious/noArrayIndexKey: a message's parts never move; their place is their identity
  return <>{parts.map((part, i) => (i % 2 === 0 ? part : <Fragment key={i}>{nodes[names[Number(part)]]}</Fragment>))}</>;
}
