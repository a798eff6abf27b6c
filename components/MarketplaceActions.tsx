import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { isolate } from '@/lib/bidi';
import './marketplace.css';

export type InviteState =
  | { kind: 'idle' }
  | { kind: 'copying' }
  | { kind: 'copied'; link: string; hasCode: boolean }
  /** The clipboard refused: the text is shown selected in a read-only box for the user to copy. */
  | { kind: 'manual'; text: string }
  | { kind: 'error'; message: string };

export type CreateState = { kind: 'idle' } | { kind: 'working' } | { kind: 'opened'; message: string } | { kind: 'error'; message: string };

/** A service the creator can list, with its price as shown (null: unknown). */
export interface ServiceOption {
  id: string;
  label: string;
  priceText: string | null;
}

export interface MarketplaceActionsProps {
  marketplaceName: string;
  /** The creator's linked listing → "Open listing". */
  listingUrl: string | null;
  /** Else "Find on <name>"; null = the link cannot be built (bad settings): nothing is shown. */
  searchUrl: string | null;
  /** Called when the Open listing link is clicked (the caller records it). */
  onOpenListing?(): void;
  /** "Link a listing…": resolves to an error message, or null when saved. */
  onLinkListing(url: string): Promise<string | null>;
  onUnlinkListing?(): void;
  services: ServiceOption[];
  createState: CreateState;
  onCreateListing(serviceId: string): void;
  inviteState: InviteState;
  onInvite(): void;
  /** After copying, the platform's messages page (null where it has none). */
  messageUrl: string | null;
  /** e.g. "Invited 3 days ago". */
  invitationStatus?: string | null;
  isMe: boolean;
  onThisIsMe?(): void;
  /** Overlay: tighter layout. */
  compact?: boolean;
}

/** Only https addresses become links: anything else (javascript:, data:, garbage) is dropped. */
export function safeHttpsUrl(url: string | null | undefined): string | null {
  if (typeof url !== 'string' || url.trim() === '') return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The marketplace's name as shown; a generic word when the settings give none. */
function nameOf(name: string): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  return trimmed === '' ? 'the marketplace' : trimmed;
}

/** The marketplace row of the profile card: find or open the creator's listing, invite them, link or create a listing. */
export function MarketplaceActions(props: MarketplaceActionsProps) {
  const { services, createState, onCreateListing, inviteState, onInvite, invitationStatus, isMe, onThisIsMe, compact = false } = props;
  const name = nameOf(props.marketplaceName);
  const listing = safeHttpsUrl(props.listingUrl);
  const search = listing ? null : safeHttpsUrl(props.searchUrl);
  const messages = safeHttpsUrl(props.messageUrl);
  const create = services.length > 0 && (
    <CreateListingControl services={services} state={createState} onCreate={onCreateListing} />
  );
  return (
    <div class={compact ? 'rl-mk rl-mk-compact' : 'rl-mk'} data-testid="marketplace-actions">
      <div class="rl-mk-row">
        {listing && (
          <a
            class="rl-btn rl-mk-link"
            href={listing}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="open-listing"
            onClick={() => props.onOpenListing?.()}
          >
            Open listing
          </a>
        )}
        {search && (
          <a class="rl-btn rl-mk-link" href={search} target="_blank" rel="noopener noreferrer" data-testid="find-listing">
            Find on <bdi>{name}</bdi>
          </a>
        )}
        <InviteButton
          label={
            <>
              Invite to <bdi>{name}</bdi>
            </>
          }
          state={inviteState}
          onInvite={onInvite}
        />
        {isMe ? (
          <span class="rl-mk-me" data-testid="is-me">
            This is you ✓
          </span>
        ) : (
          onThisIsMe && (
            <button type="button" class="rl-mk-small-btn" data-testid="this-is-me" onClick={() => onThisIsMe()}>
              This is me
            </button>
          )
        )}
      </div>
      {invitationStatus && (
        <p class="rl-mk-note" data-testid="invite-history">
          <bdi>{invitationStatus}</bdi>
        </p>
      )}
      <InviteStatus state={inviteState} messageUrl={messages} />
      {isMe && create}
      <LinkListing
        name={name}
        linked={listing !== null}
        onLink={props.onLinkListing}
        onUnlink={listing ? props.onUnlinkListing : undefined}
        extra={isMe ? null : create}
      />
    </div>
  );
}

/** "Invite to …" / "Copy invite link": says when it is copying. */
export function InviteButton({ label, state, onInvite }: { label: ComponentChildren; state: InviteState; onInvite(): void }) {
  const copying = state.kind === 'copying';
  return (
    <button type="button" class="rl-btn" data-testid="invite-button" disabled={copying} aria-busy={copying} onClick={() => onInvite()}>
      {copying ? 'Copying…' : label}
    </button>
  );
}

/** What happened to the invitation: copied, to copy by hand, or why it failed. */
export function InviteStatus({ state, messageUrl }: { state: InviteState; messageUrl: string | null }) {
  const messages = safeHttpsUrl(messageUrl);
  const openMessages = messages && (
    <a class="rl-mk-inline-link" href={messages} target="_blank" rel="noopener noreferrer" data-testid="open-messages">
      Open messages
    </a>
  );
  if (state.kind === 'copied') {
    return (
      <div class="rl-mk-status rl-mk-ok" data-testid="invite-state" role="status">
        <span>
          Invitation copied{state.hasCode ? ' with your referral link' : ' (no referral code set: the link is the plain signup page)'}. Paste
          it into a message.
        </span>{' '}
        {openMessages}
        {state.link && (
          <bdi class="rl-mk-url" title={state.link}>
            {state.link}
          </bdi>
        )}
      </div>
    );
  }
  if (state.kind === 'manual') {
    return (
      <div class="rl-mk-status" data-testid="invite-state" role="status">
        <span>The clipboard could not be used. Press Ctrl+C / ⌘C to copy the invitation:</span>
        <ManualCopy text={state.text} />
        {openMessages}
      </div>
    );
  }
  if (state.kind === 'error') {
    return (
      <p class="rl-mk-status rl-error" data-testid="invite-state" role="alert">
        <bdi>{state.message}</bdi>
      </p>
    );
  }
  return null;
}

/** The text to copy, in a read-only box that selects itself. */
function ManualCopy({ text }: { text: string }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    if (typeof box.focus === 'function') box.focus();
    if (typeof box.select === 'function') box.select();
  }, [text]);
  return (
    <textarea
      ref={ref}
      class="rl-mk-manual"
      readOnly
      rows={4}
      value={text}
      aria-label="Invitation to copy"
      data-testid="invite-manual"
      onFocus={(e) => {
        const box = e.currentTarget;
        if (typeof box.select === 'function') box.select();
      }}
    />
  );
}

/** A choice of service and "Create listing", with what became of the last try. */
export function CreateListingControl({
  services,
  state,
  onCreate,
}: {
  services: ServiceOption[];
  state: CreateState;
  onCreate(serviceId: string): void;
}) {
  const [chosen, setChosen] = useState<string>(services[0]?.id ?? '');
  // The list can change under us (another profile): fall back to its first service.
  const selected = services.some((s) => s.id === chosen) ? chosen : (services[0]?.id ?? '');
  const working = state.kind === 'working';
  if (services.length === 0) return null;
  return (
    <div class="rl-mk-create">
      <div class="rl-mk-row">
        <select
          class="rl-mk-select"
          aria-label="Service to list"
          data-testid="create-service"
          value={selected}
          disabled={working}
          onChange={(e) => setChosen(e.currentTarget.value)}
        >
          {services.map((s) => (
            <option key={s.id} value={s.id} selected={s.id === selected}>
              {s.priceText ? `${s.label} · ${s.priceText}` : `${s.label} · price unknown`}
            </option>
          ))}
        </select>
        <button
          type="button"
          class="rl-btn"
          data-testid="create-listing"
          disabled={working || selected === ''}
          aria-busy={working}
          onClick={() => onCreate(selected)}
        >
          {working ? 'Opening…' : 'Create listing'}
        </button>
      </div>
      {state.kind === 'opened' && (
        <p class="rl-mk-status rl-mk-ok" data-testid="create-state" role="status">
          <bdi>{state.message}</bdi>
        </p>
      )}
      {state.kind === 'error' && (
        <p class="rl-mk-status rl-error" data-testid="create-state" role="alert">
          <bdi>{state.message}</bdi>
        </p>
      )}
      {working && (
        <p class="rl-mk-status rl-mk-note" data-testid="create-state" role="status">
          Preparing the listing…
        </p>
      )}
    </div>
  );
}

/** "Link a listing…": a disclosure with a field for the listing's address (and, when given, creating one). */
function LinkListing({
  name,
  linked,
  onLink,
  onUnlink,
  extra,
}: {
  name: string;
  linked: boolean;
  onLink(url: string): Promise<string | null>;
  onUnlink?: () => void;
  extra: ComponentChildren;
}) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const inputId = `rl-mk-link-${id}`;
  const errorId = `rl-mk-link-error-${id}`;

  const save = async (e: Event) => {
    e.preventDefault();
    if (saving) return;
    const url = text.trim();
    if (url === '') {
      setError(`Paste the address of the creator's listing on ${isolate(name)}.`);
      return;
    }
    setSaving(true);
    setError(null);
    let problem: string | null;
    try {
      problem = await onLink(url);
    } catch (err) {
      problem = `The link could not be saved${err instanceof Error && err.message ? `: ${err.message}` : '.'}`;
    }
    setSaving(false);
    if (problem) {
      setError(problem);
    } else {
      setText('');
      setOpen(false);
    }
  };

  return (
    <details class="rl-mk-more" open={open} onToggle={(e) => setOpen(e.currentTarget.hasAttribute('open'))}>
      <summary data-testid="link-listing">{linked ? 'Change the linked listing…' : extra ? 'Link or create a listing…' : 'Link a listing…'}</summary>
      <form class="rl-mk-form" onSubmit={save} noValidate>
        <label class="rl-mk-label" for={inputId}>
          Address of the creator's listing on <bdi>{name}</bdi>
        </label>
        <div class="rl-mk-row">
          <input
            id={inputId}
            class="rl-mk-input"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="https://…"
            value={text}
            disabled={saving}
            aria-invalid={error !== null}
            aria-describedby={error ? errorId : undefined}
            data-testid="link-listing-input"
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <button type="submit" class="rl-btn" disabled={saving} data-testid="link-listing-save">
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
        {error && (
          <p id={errorId} class="rl-mk-status rl-error" role="alert" data-testid="link-listing-error">
            <bdi>{error}</bdi>
          </p>
        )}
      </form>
      {linked && onUnlink && (
        <button type="button" class="rl-mk-small-btn" data-testid="unlink-listing" onClick={() => onUnlink()}>
          Unlink this listing
        </button>
      )}
      {extra && (
        <div class="rl-mk-extra">
          <p class="rl-mk-label">
            Or create a listing on <bdi>{name}</bdi> for one of these services:
          </p>
          {extra}
        </div>
      )}
    </details>
  );
}
