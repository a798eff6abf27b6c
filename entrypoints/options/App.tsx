import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { checkDraft, draftFromSettings, OptionsForm, orderTierRows, type SettingsDraft } from '@/components/OptionsForm';
import { DEFAULT_SETTINGS, type FieldErrors, type Settings } from '@/lib/settings';
import { readSettings, watchSettings, writeSettings } from '@/utils/settings-store';

/** JSON with keys sorted, so two settings objects compare by content. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function timeNow(): string {
  return new Date().toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

interface Elsewhere {
  settings: Settings;
  notes: string[];
}

/**
 * The options page: reads the settings, keeps a draft while the user edits, saves it, and
 * follows changes made elsewhere ("This is me" on a card, another options tab) unless the user
 * has unsaved edits, in which case it offers to reload.
 */
export function App() {
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [elsewhere, setElsewhere] = useState<Elsewhere | null>(null);
  /** The settings the draft started from (as stored). */
  const base = useRef<Settings | null>(null);
  const dirtyRef = useRef(false);

  const markDirty = (value: boolean) => {
    dirtyRef.current = value;
    setDirty(value);
  };

  /** Show stored settings; `keepCustom` keeps the custom rows typed so far when they are not in use. */
  const apply = useCallback((settings: Settings, withNotes: string[], keepCustom: boolean) => {
    base.current = settings;
    setDraft((prev) => draftFromSettings(settings, keepCustom && prev ? { name: prev.tiers.name, tiers: prev.tiers.tiers } : undefined));
    setNotes(withNotes);
    setErrors({});
    setFailure(null);
    setElsewhere(null);
    dirtyRef.current = false;
    setDirty(false);
  }, []);

  useEffect(() => {
    let alive = true;
    const stop = watchSettings((settings, changeNotes) => {
      if (!alive || base.current === null) return;
      if (canonical(settings) === canonical(base.current)) return; // our own save, or no real change
      if (dirtyRef.current) setElsewhere({ settings, notes: changeNotes });
      else apply(settings, changeNotes, true);
    });
    void readSettings().then((loaded) => {
      if (alive) apply(loaded.settings, loaded.notes, false);
    });
    return () => {
      alive = false;
      stop();
    };
  }, [apply]);

  if (draft === null) {
    return (
      <Page>
        <p class="rl-o-muted" data-testid="options-loading">
          Loading your settings…
        </p>
      </Page>
    );
  }

  const save = async () => {
    // Tier 1 is the largest audience: the rows take the order they are numbered and saved in
    // first, so a message about "Tier 2" names the row shown second.
    const ordered = orderTierRows(draft);
    if (ordered !== draft) setDraft(ordered);
    const checked = checkDraft(ordered);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFailure(null);
      return;
    }
    setSaving(true);
    const result = await writeSettings(checked.settings);
    setSaving(false);
    if (result.ok) {
      apply(result.settings, [], true);
      setSavedAt(timeNow());
    } else if ('errors' in result) {
      setErrors(result.errors);
      setFailure(null);
    } else {
      setErrors({});
      setFailure(result.message);
    }
  };

  const reset = async () => {
    setSaving(true);
    const result = await writeSettings(structuredClone(DEFAULT_SETTINGS));
    setSaving(false);
    if (result.ok) {
      apply(result.settings, [], false);
      setSavedAt(timeNow());
    } else setFailure('errors' in result ? 'The default settings could not be saved.' : result.message);
  };

  return (
    <Page>
      {elsewhere && (
        <div class="rl-o-elsewhere" role="status" data-testid="options-elsewhere">
          <span>Changed in another window — reload to see the new settings (your unsaved edits here will be lost).</span>
          <button type="button" class="rl-btn" data-testid="options-reload" onClick={() => apply(elsewhere.settings, elsewhere.notes, true)}>
            Reload
          </button>
        </div>
      )}
      <OptionsForm
        value={draft}
        errors={errors}
        notes={notes}
        saving={saving}
        savedAt={savedAt}
        dirty={dirty}
        failure={failure}
        onChange={(next) => {
          setDraft(next);
          markDirty(true);
          setFailure(null);
        }}
        onSave={() => void save()}
        onReset={() => void reset()}
      />
    </Page>
  );
}

function Page({ children }: { children: ComponentChildren }) {
  return (
    <div class="rl-root rl-o-page">
      <header class="rl-o-head">
        <span class="rl-logo" aria-hidden="true">
          R
        </span>
        <h1>Settings</h1>
        <span class="rl-o-muted">Reloquence Lens</span>
      </header>
      <main class="rl-o-main">{children}</main>
    </div>
  );
}
