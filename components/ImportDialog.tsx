import { headerKey, IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ImportField, type ImportPlan, type ImportPreview } from '@/lib/store/exchange';
import { plural } from '@/lib/metrics/format';
import { PLATFORM_LABELS, type Platform } from '@/lib/platforms/types';
import { ENTRY_STATUSES, ENTRY_STATUS_HINTS, ENTRY_STATUS_LABELS, type EntryStatus } from '@/lib/store/shortlist';

/** Invalid rows listed in full up to this many; a file of 10,000 bad rows still shows the count. */
const MAX_LISTED_INVALID = 200;

/** A change to how the file is read; the preview is read again with it. */
export interface MappingChange {
  /** The field of every column, by position. */
  columns?: Array<ImportField | null>;
  defaultPlatform?: Platform | null;
  /** Status texts of the file (their keys) → the status they are read as. */
  statuses?: Record<string, EntryStatus>;
}

export interface ImportDialogProps {
  fileName: string;
  preview: ImportPreview;
  plan: ImportPlan;
  applying: boolean;
  /** The file is being read again after a change. */
  reading?: boolean;
  /** Why the last "Apply" failed (nothing was written); null when it did not. */
  error: string | null;
  onChange?: (change: MappingChange) => void;
  onApply: () => void;
  onCancel: () => void;
}

/** The fields in the order the column choice lists them: what names a creator first. */
const FIELD_ORDER: readonly ImportField[] = [
  'handle',
  'profileUrl',
  'platform',
  'displayName',
  'followers',
  'er',
  'erPerView',
  'pricePoint',
  'agreedPrice',
  'status',
  'notes',
  'tags',
  'campaign',
  ...IMPORT_FIELDS.filter((f) => !['handle', 'profileUrl', 'platform', 'displayName', 'followers', 'er', 'erPerView', 'pricePoint', 'agreedPrice', 'status', 'notes', 'tags', 'campaign'].includes(f)),
];

const BY_LABEL: Record<string, string> = { chosen: 'your choice', guessed: 'guessed', default: 'no match: choose one' };

/**
 * What an import would do, before it does it: how many rows are new, how many replace stored
 * ones, and each invalid row with its line in the file and the reason (the very checks applying
 * makes: lib/store/import-check.ts). For a CSV, which field each column is read into (guessed
 * from its header, changeable, remembered for the next file), the platform of rows that name
 * none, and what each status the shortlist does not have is read as. Everything from the file
 * is rendered as text, in isolated runs (`<bdi>`) so direction controls in it cannot reverse
 * the words around it.
 */
export function ImportDialog({ fileName, preview, plan, applying, reading = false, error, onChange, onApply, onCancel }: ImportDialogProps) {
  const canApply = preview.fileError === null && plan.new + plan.updated > 0 && !applying && !reading;
  const listed = preview.invalid.slice(0, MAX_LISTED_INVALID);
  const columns = preview.columns;
  // A file written by the extension itself reads as it is: its columns are folded away.
  const ownFormat = columns !== null && columns.headers.every((h, i) => columns.mapping[i] !== null && headerKey(h) === headerKey(columns.mapping[i] ?? ''));
  const noPlatform = columns !== null && !columns.mapping.includes('platform');
  return (
    <div class="rl-modal-backdrop">
      <div class="rl-modal rl-modal-import" role="dialog" aria-modal="true" aria-labelledby="rl-import-title" aria-busy={reading} data-testid="import-preview">
        <h2 id="rl-import-title">
          Import <bdi>{fileName}</bdi>
        </h2>
        {preview.fileError ? (
          <p class="rl-error" role="alert" data-testid="import-file-error">
            <bdi>{preview.fileError}</bdi>
          </p>
        ) : (
          <ul class="rl-import-counts" aria-live="polite">
            <li data-testid="import-new">
              <strong>{plan.new.toLocaleString('en-US')}</strong> new
            </li>
            <li data-testid="import-updated">
              <strong>{plan.updated.toLocaleString('en-US')}</strong> updated
            </li>
            <li data-testid="import-invalid" class={plan.invalid ? 'rl-warn' : undefined}>
              <strong>{plan.invalid.toLocaleString('en-US')}</strong> invalid (skipped)
            </li>
          </ul>
        )}
        {reading && (
          <p class="rl-muted" role="status" data-testid="import-reading">
            Reading the file again…
          </p>
        )}
        {preview.fileError === null && plan.updated > 0 && (
          <p class="rl-muted">Updated rows replace the notes, tags, status, prices and results stored for that creator on that campaign.</p>
        )}

        {columns && onChange && (
          <details class="rl-import-section" open={!ownFormat} data-testid="import-columns">
            <summary>
              <strong>Columns</strong>{' '}
              <span class="rl-muted">
                {ownFormat
                  ? `${columns.headers.length} columns, read as named`
                  : `${columns.mapping.filter((m) => m !== null).length} of ${columns.headers.length} columns read; choose what each column holds`}
              </span>
            </summary>
            <table class="rl-mapping-table">
              <thead>
                <tr>
                  <th scope="col">Column of the file</th>
                  <th scope="col">First row</th>
                  <th scope="col">Read as</th>
                </tr>
              </thead>
              <tbody>
                {columns.headers.map((header, i) => (
                  <tr key={i} data-testid="import-column">
                    <td>
                      <bdi>{header === '' ? `Column ${i + 1}` : header}</bdi>
                    </td>
                    <td class="rl-sample">
                      <bdi>{columns.samples[i] ?? ''}</bdi>
                    </td>
                    <td>
                      <select
                        aria-label={`Read column “${header || `Column ${i + 1}`}” as`}
                        value={columns.mapping[i] ?? ''}
                        disabled={reading || applying}
                        data-testid="import-column-field"
                        onChange={(e) => {
                          const field = (e.currentTarget.value || null) as ImportField | null;
                          // A field goes to one column: choosing it here takes it from another.
                          const next = columns.mapping.map((m, j) => (j === i ? field : m === field ? null : m));
                          onChange({ columns: next });
                        }}
                      >
                        <option value="">Not imported</option>
                        {FIELD_ORDER.map((f) => (
                          <option key={f} value={f}>
                            {IMPORT_FIELD_LABELS[f]}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <label class="rl-import-platform">
              Platform of rows that name none{noPlatform ? ' (the file has no platform column)' : ''}:{' '}
              <select
                value={columns.defaultPlatform ?? ''}
                disabled={reading || applying}
                data-testid="import-default-platform"
                onChange={(e) => onChange({ defaultPlatform: (e.currentTarget.value || null) as Platform | null })}
              >
                <option value="">None: such rows are invalid</option>
                {(Object.keys(PLATFORM_LABELS) as Platform[]).map((p) => (
                  <option key={p} value={p}>
                    {PLATFORM_LABELS[p]}
                  </option>
                ))}
              </select>
            </label>
            <p class="rl-muted rl-small">A profile address (instagram.com/…, youtube.com/@…, tiktok.com/@…, x.com/…) gives the platform and the handle by itself.</p>
          </details>
        )}

        {preview.statuses.length > 0 && onChange && (
          <section class="rl-import-section" data-testid="import-statuses">
            <h3>Statuses</h3>
            <p class="rl-muted rl-small">These statuses are not the shortlist's: choose what each one means. No row is left out for its status.</p>
            <ul class="rl-status-map">
              {preview.statuses.map((s) => (
                <li key={s.key} data-testid="import-status">
                  <span>
                    “<bdi>{s.text}</bdi>” <span class="rl-muted">({plural(s.rows, 'row')})</span>
                  </span>
                  <span aria-hidden="true">→</span>
                  <select
                    aria-label={`Read status “${s.text}” as`}
                    value={s.status}
                    disabled={reading || applying}
                    data-testid="import-status-choice"
                    onChange={(e) => onChange({ statuses: { [s.key]: e.currentTarget.value as EntryStatus } })}
                  >
                    {ENTRY_STATUSES.map((status) => (
                      <option key={status} value={status} title={ENTRY_STATUS_HINTS[status]}>
                        {ENTRY_STATUS_LABELS[status]}
                      </option>
                    ))}
                  </select>
                  <span class={s.by === 'default' ? 'rl-warn-text rl-small' : 'rl-muted rl-small'}>{BY_LABEL[s.by]}</span>
                </li>
              ))}
            </ul>
          </section>
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
            {preview.invalid.length > listed.length && <p class="rl-muted">…and {(preview.invalid.length - listed.length).toLocaleString('en-US')} more.</p>}
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
            {applying ? 'Importing…' : `Apply (${plural(plan.new + plan.updated, 'row')})`}
          </button>
        </div>
      </div>
    </div>
  );
}
