/**
 * The shortlist page's campaign controls: which campaign is shown (with a form to create one or
 * rename the one shown), and archive or delete it. They take the campaigns and report choices;
 * the page writes them.
 */
import { useState } from 'preact/hooks';
import { isolate } from '@/lib/bidi';
import { plural } from '@/lib/metrics/format';
import { DEFAULT_CAMPAIGN_ID } from '@/lib/store/db';
import type { CampaignSummary } from '@/lib/store/shortlist';

/** The picker's value for every campaign's entries at once; otherwise a campaign id. */
export const ALL_CAMPAIGNS = '';

export interface CampaignPickerProps {
  campaigns: CampaignSummary[];
  value: string;
  onChange: (id: string) => void;
  onCreate: (name: string) => Promise<boolean>;
  onRename: ((name: string) => Promise<boolean>) | null;
}

/** The campaign shown, and a small form to create one or rename the one shown. */
export function CampaignPicker({ campaigns, value, onChange, onCreate, onRename }: CampaignPickerProps) {
  const [mode, setMode] = useState<'create' | 'rename' | null>(null);
  const [name, setName] = useState('');
  const current = campaigns.find((c) => c.id === value);

  async function submit(e: Event) {
    e.preventDefault();
    const run = mode === 'create' ? onCreate : onRename;
    if (run && (await run(name))) setMode(null);
  }

  return (
    <div class="rl-campaigns">
      <label>
        <span class="rl-visually-hidden">Campaign</span>
        <select value={value} onChange={(e) => onChange(e.currentTarget.value)} data-testid="campaign-picker">
          <option value={ALL_CAMPAIGNS}>All campaigns</option>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {isolate(c.name)} ({c.entries}){c.archived ? ' · archived' : ''}
            </option>
          ))}
        </select>
      </label>
      {mode ? (
        <form class="rl-inline-form" onSubmit={submit}>
          <input
            type="text"
            aria-label={mode === 'create' ? 'New campaign name' : 'New name'}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
            maxLength={100}
            ref={(el) => el?.focus()}
          />
          <button type="submit" class="rl-btn rl-primary">
            {mode === 'create' ? 'Create' : 'Rename'}
          </button>
          <button type="button" class="rl-btn" onClick={() => setMode(null)}>
            Cancel
          </button>
        </form>
      ) : (
        <>
          <button
            type="button"
            class="rl-btn"
            onClick={() => {
              setName('');
              setMode('create');
            }}
          >
            New campaign
          </button>
          {onRename && current && (
            <button
              type="button"
              class="rl-btn"
              onClick={() => {
                setName(current.name);
                setMode('rename');
              }}
            >
              Rename
            </button>
          )}
        </>
      )}
    </div>
  );
}

export interface CampaignActionsProps {
  campaign: CampaignSummary;
  onArchive: (archived: boolean) => Promise<boolean>;
  onDelete: () => Promise<boolean>;
}

/**
 * Archive or delete the campaign shown. Deleting asks first, saying how many entries go with it
 * (the creators stay when they are on another campaign). The default "No campaign" is where
 * every creator shortlisted from a page lands, so it can be neither.
 */
export function CampaignActions({ campaign, onArchive, onDelete }: CampaignActionsProps) {
  const [confirming, setConfirming] = useState(false);
  if (campaign.id === DEFAULT_CAMPAIGN_ID) return null;
  if (confirming) {
    return (
      <div class="rl-confirm" role="alertdialog" aria-labelledby="rl-confirm-text" data-testid="confirm-delete">
        <span id="rl-confirm-text">
          Delete "<bdi>{campaign.name}</bdi>" and its {plural(campaign.entries, 'entry', 'entries')}? This cannot be undone.
        </span>
        <button
          type="button"
          class="rl-btn rl-danger"
          onClick={async () => {
            if (!(await onDelete())) setConfirming(false);
          }}
        >
          Delete campaign
        </button>
        <button type="button" class="rl-btn" onClick={() => setConfirming(false)} ref={(el) => el?.focus()}>
          Keep it
        </button>
      </div>
    );
  }
  return (
    <div class="rl-campaigns">
      <button type="button" class="rl-btn" onClick={() => void onArchive(!campaign.archived)}>
        {campaign.archived ? 'Unarchive' : 'Archive'}
      </button>
      <button type="button" class="rl-btn rl-danger" onClick={() => setConfirming(true)}>
        Delete…
      </button>
    </div>
  );
}
