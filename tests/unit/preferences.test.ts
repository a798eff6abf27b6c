import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SHORTLIST_COLUMNS,
  EMPTY_IMPORT_MEMORY,
  loadImportMemory,
  loadShortlistView,
  MAX_REMEMBERED,
  rememberImport,
} from '../../lib/preferences';
import { guessColumns, parseImport } from '../../lib/store/exchange';

describe('the shortlist columns remembered', () => {
  it('reads what is stored, dropping only what does not parse', () => {
    expect(loadShortlistView(undefined)).toEqual({ columns: [...DEFAULT_SHORTLIST_COLUMNS] });
    expect(loadShortlistView('nonsense')).toEqual({ columns: [...DEFAULT_SHORTLIST_COLUMNS] });
    expect(loadShortlistView({ columns: 'er' })).toEqual({ columns: [...DEFAULT_SHORTLIST_COLUMNS] });
    // Unknown ids (a newer version's, or junk) go; the rest stay, in the table's order.
    expect(loadShortlistView({ columns: ['notes', 'er', 'sparkle', 42, 'followers'] })).toEqual({ columns: ['followers', 'er', 'notes'] });
    expect(loadShortlistView({ columns: [] })).toEqual({ columns: [] });
  });

  it('shows by default what fits a 1024 px screen beside the handle', () => {
    expect(DEFAULT_SHORTLIST_COLUMNS).toEqual(['campaign', 'followers', 'er', 'tier', 'price', 'status', 'agreed', 'tags', 'notes']);
  });
});

describe('how imported files were read, remembered', () => {
  const SHEET = 'Username,Price,Status,Email\r\nkim,100,On hold,kim@example.com';

  it('remembers the columns and statuses of an applied import, and the next file is read that way', () => {
    const first = parseImport(SHEET, 'a.csv', { columns: ['handle', 'agreedPrice', 'status', null], defaultPlatform: 'instagram', statusMap: { 'on hold': 'contacted' } });
    const memory = rememberImport(EMPTY_IMPORT_MEMORY, first.columns, first.statuses);
    expect(memory).toEqual({ columns: { username: 'handle', price: 'agreedPrice', status: 'status', email: null }, statuses: { 'on hold': 'contacted' }, defaultPlatform: 'instagram' });
    // Stored and read back through its schema.
    const stored = loadImportMemory(JSON.parse(JSON.stringify(memory)));
    expect(stored).toEqual(memory);
    const next = parseImport(SHEET, 'b.csv', { remembered: stored.columns, statusMap: stored.statuses, defaultPlatform: stored.defaultPlatform });
    expect(next.columns?.mapping).toEqual(['handle', 'agreedPrice', 'status', null]);
    expect(next.rows.map((r) => [r.platform, r.handle, r.agreedPrice, r.status])).toEqual([['instagram', 'kim', 100, 'contacted']]);
    expect(guessColumns(['PRICE'], stored.columns)).toEqual(['agreedPrice']);
  });

  it('reads a damaged memory as far as it can, and keeps at most the newest choices', () => {
    expect(loadImportMemory(null)).toEqual(EMPTY_IMPORT_MEMORY);
    expect(loadImportMemory({ columns: { username: 'handle', price: 'money', '': 'notes' }, statuses: { live: 'posted', odd: 'maybe' }, defaultPlatform: 'myspace' })).toEqual({
      columns: { username: 'handle' },
      statuses: { live: 'posted' },
      defaultPlatform: null,
    });
    let memory = EMPTY_IMPORT_MEMORY;
    for (let i = 0; i < MAX_REMEMBERED + 20; i++) memory = rememberImport(memory, { headers: [`h${i}`], mapping: ['notes'], samples: [''], defaultPlatform: null }, []);
    expect(Object.keys(memory.columns)).toHaveLength(MAX_REMEMBERED);
    expect(memory.columns[`h${MAX_REMEMBERED + 19}`]).toBe('notes');
    expect(memory.columns.h0).toBeUndefined();
  });
});
