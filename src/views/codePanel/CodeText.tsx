/** A line of Python split into code and its # comment, so the comment can be dimmed. */
export function CodeText({ text }: { text: string }) {
  const hash = text.indexOf('#');
  if (hash < 0) return <>{text || ' '}</>;
  return (
    <>
      {text.slice(0, hash)}
      <span className="bl-code__comment">{text.slice(hash)}</span>
    </>
  );
}
