export type ShortlistState =
  | { kind: 'checking' }
  | { kind: 'off' }
  | { kind: 'saving' }
  | { kind: 'on'; campaigns: number }
  | { kind: 'error'; message: string };

/** "Shortlist" — or, when the creator is already on it, says so. */
export function ShortlistButton({ state, onAdd }: { state: ShortlistState; onAdd(): void }) {
  if (state.kind === 'on') {
    return (
      <div class="rl-actions">
        <span class="rl-shortlisted" data-testid="shortlisted">
          ★ On your shortlist{state.campaigns > 1 ? ` (${state.campaigns} campaigns)` : ''}
        </span>
      </div>
    );
  }
  return (
    <div class="rl-actions">
      <button
        type="button"
        class="rl-btn"
        data-testid="shortlist-button"
        disabled={state.kind === 'checking' || state.kind === 'saving'}
        onClick={onAdd}
      >
        {state.kind === 'saving' ? 'Adding…' : '☆ Shortlist'}
      </button>
      {state.kind === 'error' && (
        <span class="rl-error" role="alert" data-testid="shortlist-error">
          {state.message}
        </span>
      )}
    </div>
  );
}
