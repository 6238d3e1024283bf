/**
 * Keeps a failure in one tab or one view inside it: instead of React emptying the whole page,
 * the view's place says what failed, with the error's message, and "Reload this view" renders it
 * afresh (from the store as it is now). Every tab and every live view sits in one of these.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** what the view is, for the message: "The cost curve" */
  name: string;
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
    console.warn(`${this.props.name} failed and was replaced by a message:`, error, info.componentStack);
  }

  private readonly reload = () => this.setState((state) => ({ error: null, generation: state.generation + 1 }));

  render(): ReactNode {
    const { error, generation } = this.state;
    if (!error) return <ViewGeneration key={generation}>{this.props.children}</ViewGeneration>;
    const text = String(error.message ?? '');
    return (
      <div className="view-fault" role="alert">
        <p className="view-fault__title">{this.props.name} failed and is not shown.</p>
        <p className="view-fault__message">{text.length > MESSAGE_CLIP ? `${text.slice(0, MESSAGE_CLIP)}…` : text || 'No message was given.'}</p>
        <p className="view-fault__hint">The rest of the page works. Reloading the view draws it again from the current run.</p>
        <button type="button" className="button button--small" onClick={this.reload}>
          Reload this view
        </button>
      </div>
    );
  }
}

/** A keyed wrapper, so a reload remounts the children instead of reusing their broken state. */
function ViewGeneration({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
