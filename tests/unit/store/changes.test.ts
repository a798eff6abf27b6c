import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { announceStoreChange, onStoreChange, STORE_CHANNEL } from '../../../lib/store/changes';
import { openLensDb } from '../../../lib/store/db';
import { createCampaign, listEntries } from '../../../lib/store/shortlist';

const stops: Array<() => void> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  await deleteDB('changes-test');
});

/** Resolve with what the listener heard once other messages had time to arrive. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 50));
}

describe('store change announcements', () => {
  it('tells this context at once, and other contexts through the channel, which stores changed', async () => {
    const heard: boolean[] = [];
    stops.push(onStoreChange(['creators'], (local) => heard.push(local)));
    announceStoreChange(['creators', 'campaigns']);
    expect(heard).toEqual([true]);
    // Another context: a second channel of the same name is what another page posts on.
    const other = new BroadcastChannel(STORE_CHANNEL);
    other.postMessage({ stores: ['creators'] });
    other.postMessage({ stores: ['snapshots'] });
    other.postMessage('garbled');
    await settle();
    other.close();
    expect(heard).toEqual([true, false, false]);
  });

  it('announces committed writes, and not reads or failed writes', async () => {
    const db = await openLensDb('changes-test');
    const heard: string[] = [];
    stops.push(onStoreChange(['campaigns'], () => heard.push('campaigns')));
    stops.push(onStoreChange(['creators'], () => heard.push('creators')));
    expect((await listEntries(db)).ok).toBe(true);
    expect(heard).toEqual([]);
    expect((await createCampaign(db, 'Spring launch')).ok).toBe(true);
    expect(heard).toEqual(['campaigns']);
    expect((await createCampaign(db, '')).ok).toBe(false);
    expect(heard).toEqual(['campaigns']);
    db.close();
  });

  it('stops listening when told', async () => {
    const heard: boolean[] = [];
    const stop = onStoreChange(['creators'], (local) => heard.push(local));
    stop();
    announceStoreChange(['creators']);
    await settle();
    expect(heard).toEqual([]);
  });
});
