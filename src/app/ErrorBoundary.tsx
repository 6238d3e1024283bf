/**
 * Keeps a failure in one tab or one view inside it: instead of React emptying the whole page,
 * the view's place says what failed, with the error's message, and "Reload this view" renders it
 * afresh (from the store as it is now). Every tab and every live view sits in one of these.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { type MessageKey, t, useT } from '../i18n/setup';

interface Props {
  /** what the view is, for the message: "fault.cost" names "The cost curve" */
  name: MessageKey;
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** bumped by "Reload this view", so the children mount anew */
  generation: number;
}

/** How much of an error's message the view shows (it can be anything). */
const MESSAGE_CLIP = 300;

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null, generation: 0 };

  static getDerivedStateFromError(thrown: unknown): Partial<State> {
    return { error: thrown instanceof Error ? thrown : new Error(String(thrown)) };
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    // kept for whoever opens the console; the page itself carries on
    console.warn(`${t(this.props.name)} failed and was replaced by a message:`, error, info.componentStack);
  }

  private readonly reload = () => this.setState((state) => ({ error: null, generation: state.generation + 1 }));

  render(): ReactNode {
    const { error, generation } = this.state;
    if (!error) return <ViewGeneration key={generation}>{this.props.children}</ViewGeneration>;
    return <ViewFault name={this.props.name} text={String(error.message ?? '')} onReload={this.reload} />;
  }
}

/** What stands in the failed view's place (a function, so it follows the page's language). */
function ViewFault({ name, text, onReload }: { name: MessageKey; text: string; onReload: () => void }) {
  const t = useT();
  return (
    <div className="view-fault" role="alert">
      <p className="view-fault__title">{t('fault.title', { name: t(name) })}</p>
      <p className="view-fault__message">{text.length > MESSAGE_CLIP ? `${text.slice(0, MESSAGE_CLIP)}…` : text || t('fault.noMessage')}</p>
      <p className="view-fault__hint">{t('fault.hint')}</p>
      <button type="button" className="button button--small" onClick={onReload}>
        {t('fault.reload')}
      </button>
    </div>
  );
}

/** A keyed wrapper, so a reload remounts the children instead of reusing their broken state. */
function ViewGeneration({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
