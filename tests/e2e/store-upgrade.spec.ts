import { expect, overlay, test } from './fixtures';
import { COSY } from './pages/instagram';

/**
 * Store version 5 moved each creator's entries into its record. This writes a store as version 4
 * kept it — a creator record, and its entries in a store of their own — in this very browser, and
 * opens the shortlist page on it: the upgrade runs in Chromium's IndexedDB, not only in the
 * unit tests' fake one.
 */
test('a shortlist stored by version 4 opens in version 5 with every creator, campaign and entry', async ({ context, serviceWorker, extensionId }) => {
  // A real creator record, as the extension writes it.
  const page = await context.newPage();
  await page.goto(`https://www.instagram.com/${COSY.handle}/`);
  const card = await overlay(page);
  await card.getByTestId('shortlist-button').click();
  await expect(card.getByTestId('shortlisted')).toBeVisible();
  // The visit is recorded once the page has loaded (the background hears of it then): waited
  // for, so the background does not open the store again while it is rewritten below.
  const points = `(async () => {
    const db = await new Promise((res, rej) => { const r = indexedDB.open('reloquence-lens'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const n = await new Promise((res) => { const q = db.transaction('snapshots').objectStore('snapshots').count(); q.onsuccess = () => res(q.result); });
    db.close();
    return n;
  })()`;
  await expect.poll(() => serviceWorker.evaluate(points)).toBe(1);
  await page.close();

  // The same data as version 4 kept it, plus a second campaign with an entry on it.
  const written = await serviceWorker.evaluate(`(async () => {
    const req = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const current = await req(indexedDB.open('reloquence-lens'));
    const read = (store) => req(current.transaction(store).objectStore(store).getAll());
    const [creators, campaigns] = [await read('creators'), await read('campaigns')];
    current.close();
    await req(indexedDB.deleteDatabase('reloquence-lens'));
    const spring = { id: 'c-spring', name: 'Spring launch', budget: 5000, createdAt: 1700000000, archived: false };
    const entries = creators.flatMap((c) => c.entries);
    entries.push({ ...entries[0], campaignId: spring.id, notes: 'from version 4', status: 'contacted' });
    const open = indexedDB.open('reloquence-lens', 4);
    open.onupgradeneeded = () => {
      const d = open.result;
      d.createObjectStore('videoVisits', { keyPath: ['platform', 'postId'] }).createIndex('byChannel', ['platform', 'channelKey']);
      d.createObjectStore('creators', { keyPath: ['platform', 'handleKey'] });
      d.createObjectStore('campaigns', { keyPath: 'id' });
      d.createObjectStore('entries', { keyPath: ['campaignId', 'platform', 'handleKey'] });
      d.createObjectStore('snapshots', { keyPath: ['platform', 'handleKey', 'takenAt'] }).createIndex('byCreator', ['platform', 'handleKey']);
      d.createObjectStore('listings', { keyPath: ['platform', 'handleKey'] });
      d.createObjectStore('invitations', { keyPath: 'id' }).createIndex('byCreator', ['platform', 'handleKey']);
    };
    const v4 = await req(open);
    const tx = v4.transaction(['creators', 'campaigns', 'entries'], 'readwrite');
    for (const c of creators) { const { entries: _, ...record } = c; tx.objectStore('creators').put(record); }
    for (const c of [...campaigns, spring]) tx.objectStore('campaigns').put(c);
    for (const e of entries) tx.objectStore('entries').put(e);
    await new Promise((res, rej) => { tx.oncomplete = res; tx.onerror = () => rej(tx.error); });
    v4.close();
    return { creators: creators.length, entries: entries.length };
  })()`);
  expect(written).toEqual({ creators: 1, entries: 2 });

  const shortlist = await context.newPage();
  await shortlist.goto(`chrome-extension://${extensionId}/shortlist.html`);
  const rows = shortlist.getByTestId('shortlist-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Spring launch' }).getByLabel(`Notes of @${COSY.handle}`)).toHaveValue('from version 4');
  await expect(rows.filter({ hasText: 'No campaign' })).toHaveCount(1);
  await expect(shortlist.getByTestId('notice')).toHaveCount(0);

  const upgraded = await serviceWorker.evaluate(`(async () => {
    const req = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const db = await req(indexedDB.open('reloquence-lens'));
    const creators = await req(db.transaction('creators').objectStore('creators').getAll());
    const result = { version: db.version, stores: [...db.objectStoreNames].sort(), entries: creators.map((c) => c.entries.map((e) => e.campaignId).sort()) };
    db.close();
    return result;
  })()`);
  expect(upgraded).toEqual({
    version: 5,
    stores: ['campaigns', 'creators', 'invitations', 'listings', 'snapshots', 'videoVisits'],
    entries: [['c-spring', 'shortlist']],
  });
});
