import type { ImportPlan, ImportPreview } from '@/lib/store/exchange';

/** Invalid rows listed in full up to this many; a file of 10,000 bad rows still shows the count. */
const MAX_LISTED_INVALID = 200;

export interface ImportDialogProps {
  fileName: string;
  preview: ImportPreview;
  plan: ImportPlan;
  applying: boolean;
  /** Why the last "Apply" failed (nothing was written); null when it did not. */
  error: string | null;
  onApply: () => void;
  onCancel: () => void;
}

/**
 * What an import would do, before it does it: how many rows are new, how many replace stored
 * ones, and each invalid row with its line in the file and the reason (the very checks applying
 * makes: lib/store/import-check.ts). Everything from the file is rendered as text, in isolated
 * runs (`<bdi>`) so direction controls in it cannot reverse the words around it.
 */
export function ImportDialog({ fileName, preview, plan, applying, error, onApply, onCancel }: ImportDialogProps) {
  const canApply = preview.fileError === null && plan.new + plan.updated > 0 && !applying;
  const listed = preview.invalid.slice(0, MAX_LISTED_INVALID);
  return (
    <div class="rl-modal-backdrop">
      <div class="rl-modal" role="dialog" aria-modal="true" aria-labelledby="rl-import-title" data-testid="import-preview">
        <h2 id="rl-import-title">
          Import <bdi>{fileName}</bdi>
        </h2>
        {preview.fileError ? (
          <p class="rl-error" role="alert" data-testid="import-file-error">
            <bdi>{preview.fileError}</bdi>
          </p>
        ) : (
          <ul class="rl-import-counts">
            <li data-testid="import-new">
              <strong>{plan.new}</strong> new
            </li>
            <li data-testid="import-updated">
              <strong>{plan.updated}</strong> updated
            </li>
            <li data-testid="import-invalid" class={plan.invalid ? 'rl-warn' : undefined}>
              <strong>{plan.invalid}</strong> invalid (skipped)
            </li>
          </ul>
        )}
        {preview.fileError === null && plan.updated > 0 && (
          <p class="rl-muted">Updated rows replace the notes, tags, status, prices and results stored for that creator on that campaign.</p>
        )}
        {listed.length > 0 && (
          <div class="rl-invalid-list">
            <h3>Invalid rows</h3>
            <ol data-testid="import-invalid-rows">
              {listed.map((row) => (
                <li key={`${row.line}:${row.reason}`} data-testid="import-invalid-row">
                  <span class="rl-line">Line {row.line}:</span> <bdi>{row.reason}</bdi>
                </li>
              ))}
            </ol>
            {preview.invalid.length > listed.length && <p class="rl-muted">…and {preview.invalid.length - listed.length} more.</p>}
          </div>
        )}
        {error && (
          <p class="rl-error" role="alert" data-testid="import-error">
            <bdi>{error}</bdi>
          </p>
        )}
        <div class="rl-modal-actions">
          <button type="button" class="rl-btn" onClick={onCancel} disabled={applying}>
            Cancel
          </button>
          <button type="button" class="rl-btn rl-primary" onClick={onApply} disabled={!canApply} data-testid="import-apply">
            {applying ? 'Importing…' : `Apply (${plan.new + plan.updated} rows)`}
          </button>
        </div>
      </div>
    </div>
  );
}
