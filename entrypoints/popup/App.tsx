import type { IDBPDatabase } from 'idb';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupShortlist, popupRowId } from '@/components/PopupShortlist';
import { initialTab, PopupView, type PopupStatus, type PopupTab } from '@/components/PopupView';
import { ShortlistButton, type ShortlistState } from '@/components/ShortlistButton';
import type { Invitation } from '@/lib/marketplace/invites';
import { tierSchemeOf, type Settings } from '@/lib/settings';
import { MarketplaceRow } from '@/utils/marketplace-row';
import { isMyProfile } from '@/utils/my-profile';
import { settingsOf, watchSettings } from '@/utils/settings-store';
import { begin, type Begun, type RawFirstScreen } from './begin';
import { InvitesPanel, loadInvitations } from './InvitesPanel';
import { MyTierPanel } from './MyTierPanel';
import { addToShortlist, canShortlist, historyFor, shortlistStateOf } from '@/utils/shortlist-client';
import { LensStateSchema } from '@/lib/schema';
import { visitedFor } from '@/lib/store/visited-for';
import type { LensDB } from '@/lib/store/db';
import { storeErrorMessage } from '@/lib/store/errors';
import {
  CampaignSchema,
  entryKeyOf,
  listEntries,
  readCreator,
  tagEntries,
  updateEntry,
  type Entry,
  type EntryStatus,
  type ShortlistRow,
} from '@/lib/store/shortlist';

type Db = IDBPDatabase<LensDB>;

/** What the active tab shows, from its content script's answer (./begin.ts): the view only renders it. */
async function statusOf(tab: Awaited<Begun['tab']>): Promise<PopupStatus> {
  if (tab.kind === 'no-tab' || tab.kind === 'no-script') return { kind: 'unsupported' };
  if (tab.answer === null) return { kind: 'not-profile' };
  const parsed = LensStateSchema.safeParse(tab.answer);
  if (!parsed.success || !parsed.data.snapshot) return { kind: 'not-profile' };
  const [visited, history] = await Promise.all([visitedFor(parsed.data.snapshot), historyFor(parsed.data.snapshot)]);
  return { kind: 'profile', state: parsed.data, visited, history };
}

/**
 * Every entry, in the store's key order: by platform, then handle, then campaign. That order is
 * the one a bounded read can give (see {@link readFirstScreen}), so the first screen is the top
 * of the full list, and nothing is sorted per read or per keystroke.
 */
async function readRows(db: Db): Promise<{ rows: ShortlistRow[] } | { error: string }> {
  const listed = await listEntries(db);
  if (!listed.ok) return { error: listed.message };
  return { rows: listed.value.items };
}

/**
 * The first rows of {@link readRows}, as ./begin.ts read them (in a millisecond or two: reading
 * and parsing all 10,000 creators and their entries takes far longer than the popup may wait before
 * showing anything). The records are parsed like every other read; a record that does not parse
 * is left out, and the full read that follows reports it.
 */
function firstScreenOf(raw: RawFirstScreen | null): ShortlistRow[] {
  if (!raw) return [];
  const names = new Map<string, string>();
  for (const c of raw.campaigns) {
    const parsed = CampaignSchema.safeParse(c);
    if (parsed.success) names.set(parsed.data.id, parsed.data.name);
  }
  return raw.creators.flatMap((c) => {
    const found = readCreator(c);
    if (!found) return [];
    return found.entries.flatMap((entry) => {
      const campaignName = names.get(entry.campaignId);
      return campaignName === undefined ? [] : [{ entry, creator: found.creator, campaignName }];
    });
  });
}

interface Startup {
  shortlist: Promise<{ db: Db; first: ShortlistRow[] }>;
  status: Promise<PopupStatus>;
  settings: Promise<Settings>;
}
let started: Startup | null = null;

/**
 * The popup's reads — the store (its first screen of rows), the settings and the active tab's
 * numbers — begun by ./begin.ts before this module even loaded, and parsed here, before the
 * first render rather than in effects that Preact runs only after a frame: the popup is opened
 * to be looked at at once.
 */
export function startup(): Startup {
  const begun = begin();
  started ??= {
    shortlist: begun.store.then(({ db, first }) => ({ db, first: firstScreenOf(first) })),
    status: begun.tab.then(statusOf),
    settings: begun.settings.then((read) => settingsOf(read).settings),
  };
  return started;
}

/** After the browser has painted what is on screen (or soon, if the popup is hidden and frames never come). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/** A tag added as the store adds it: trimmed, and not again when present in another case. */
function withTag(entry: Entry, tag: string): Entry {
  const t = tag.trim();
  const has = entry.tags.some((x) => x.toLowerCase() === t.toLowerCase());
  return has ? entry : { ...entry, tags: [...entry.tags, t] };
}

/**
 * The shortlist read straight from the store (the popup is an extension page, in the store's
 * origin). Writes change the one row in place rather than reading 10,000 rows again.
 */
function useShortlistRows(initial: Initial | undefined) {
  const [db, setDb] = useState<Db | null>(initial?.shortlist.db ?? null);
  const [rows, setRows] = useState<ShortlistRow[] | null>(initial && initial.shortlist.first.length > 0 ? initial.shortlist.first : null);
  /** Whether `rows` is the whole list, not only the first screen. */
  const [complete, setComplete] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);

  const reload = useCallback(async (from: Db) => {
    const read = await readRows(from);
    if ('error' in read) setLoadError(read.error);
    else {
      setLoadError(null);
      setRows(read.rows);
      setComplete(true);
    }
  }, []);

  useEffect(() => {
    startup().shortlist.then(
      async ({ db: opened, first }) => {
        setDb(opened);
        // Shown at once unless the list is short enough that the first screen is all of it anyway.
        if (first.length > 0) {
          setRows(first);
          await afterPaint();
        }
        await reload(opened);
      },
      (e: unknown) => setLoadError(storeErrorMessage(e)),
    );
  }, [reload]);

  const replaceEntry = (row: ShortlistRow, entry: Entry) => {
    const id = popupRowId(row);
    setRows((all) => all?.map((r) => (popupRowId(r) === id ? { ...r, entry } : r)) ?? null);
  };

  async function setStatusOf(row: ShortlistRow, status: EntryStatus): Promise<string | null> {
    if (!db) return 'The shortlist is not open yet: try again in a moment.';
    const result = await updateEntry(db, entryKeyOf(row), { status });
    if (!result.ok) return result.message;
    replaceEntry(row, result.value);
    return null;
  }

  async function addTag(row: ShortlistRow, tag: string): Promise<string | null> {
    if (!db) return 'The shortlist is not open yet: try again in a moment.';
    const result = await tagEntries(db, [entryKeyOf(row)], { add: [tag] });
    if (!result.ok) return result.message;
    if (result.value.updated === 0) return 'This creator is no longer on that campaign (removed in another tab?).';
    replaceEntry(row, withTag(row.entry, tag));
    return null;
  }

  return { rows, complete, loadError, setStatusOf, addTag, reload: () => (db ? reload(db) : Promise.resolve()) };
}

/** The answers of {@link startup}, when they are in before the first render (./mount.tsx waits a moment for them). */
export interface Initial {
  shortlist: Awaited<Startup['shortlist']>;
  status: PopupStatus;
  settings: Settings;
}

export function App({ initial }: { initial?: Initial }) {
  // With the answers in hand, the first render is already the list (no empty frame, no effect to wait for).
  const [status, setStatus] = useState<PopupStatus>(initial?.status ?? { kind: 'loading' });
  const [shortlist, setShortlist] = useState<ShortlistState | null>(null);
  const [settings, setSettings] = useState<Settings | null>(initial?.settings ?? null);
  const [invitations, setInvitations] = useState<Invitation[] | null | undefined>(undefined);
  const list = useShortlistRows(initial);
  const [tab, setTab] = useState<PopupTab | null>(null);

  const snapshot = status.kind === 'profile' ? status.state.snapshot : null;
  const mineOnScreen = !!(settings && snapshot && isMyProfile(settings, snapshot));
  // The first tab is chosen once the answers are in; after that it is the user's choice.
  const listKnown = list.rows !== null || list.loadError !== null;
  // (The first screen of rows is enough to know the shortlist is not empty.)
  // Chosen in the render that has the answers (not an effect later), so the first paint with
  // them already shows the right tab.
  const firstTab = tab === null && status.kind !== 'loading' && listKnown && settings ? initialTab(status, list.rows?.length ?? 0, { onScreen: mineOnScreen, set: settings.myProfile !== null }) : null;
  useEffect(() => {
    if (firstTab !== null) setTab(firstTab);
  }, [firstTab]);

  const readInvitations = () => void loadInvitations().then(setInvitations);
  useEffect(() => {
    void startup().settings.then(setSettings);
    readInvitations();
    return watchSettings(setSettings);
  }, []);

  useEffect(() => {
    startup().status.then(
      (loaded) => {
        setStatus(loaded);
        const snapshot = loaded.kind === 'profile' ? loaded.state.snapshot : null;
        if (snapshot && canShortlist(snapshot)) {
          setShortlist({ kind: 'checking' });
          void shortlistStateOf(snapshot).then(setShortlist);
        }
      },
      () => setStatus({ kind: 'unsupported' }),
    );
  }, []);
  const add = () => {
    if (!snapshot) return;
    setShortlist({ kind: 'saving' });
    void addToShortlist(snapshot).then((state) => {
      setShortlist(state);
      // The background wrote it: read the list again so the Shortlist tab shows it.
      if (state.kind === 'on') void list.reload();
    });
  };
  const openFullView = () => {
    void browser.tabs.create({ url: browser.runtime.getURL('/shortlist.html') });
    window.close();
  };
  return (
    <PopupView
      status={status}
      now={Date.now() / 1000}
      scheme={settings ? tierSchemeOf(settings) : undefined}
      basis={settings?.erBasis}
      competitors={settings?.competitors}
      actions={shortlist && <ShortlistButton state={shortlist} onAdd={add} />}
      footer={shortlist && settings && snapshot && <MarketplaceRow snapshot={snapshot} settings={settings} />}
      tab={tab ?? firstTab ?? 'page'}
      onTab={setTab}
      shortlistSize={list.complete ? (list.rows?.length ?? null) : null}
      shortlist={
        <PopupShortlist rows={list.rows} currency={settings?.currency ?? 'USD'} complete={list.complete} loadError={list.loadError} onStatus={list.setStatusOf} onAddTag={list.addTag} onOpenFull={openFullView} />
      }
      myTier={settings?.myProfile ? <MyTierPanel settings={settings} onScreen={mineOnScreen ? snapshot : null} /> : undefined}
      invites={
        settings && invitations !== undefined ? (
          <InvitesPanel invitations={invitations} marketplaceName={settings.marketplace.name} onChanged={readInvitations} />
        ) : undefined
      }
      invitesCount={invitations?.length ?? null}
      onOpenSettings={() => {
        void browser.runtime.openOptionsPage();
        window.close();
      }}
    />
  );
}
