import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  EXPORT_COLUMNS,
  exportRows,
  neutraliseCell,
  parseImport,
  planImport,
  restoreCell,
  rowKey,
  toCsv,
  toJson,
  type BackupData,
  type ExportRow,
} from '../../../lib/store/exchange';

const NOW = new Date('2025-06-01T12:00:00.000Z');

/** A message without the isolation marks (FSI … PDI) put around text quoted from the file. */
const plain = (text: string) => text.replace(/[\u2068\u2069]/g, '');

function row(partial: Partial<ExportRow> = {}): ExportRow {
  return {
    campaign: 'Spring launch',
    platform: 'instagram',
    handle: 'maker.kim',
    displayName: 'Kim Maker',
    profileUrl: 'https://www.instagram.com/maker.kim/',
    followers: 48_200,
    er: 3.4166666666666665,
    erPerView: null,
    tierRank: 6,
    tierName: 'Engaged Micro Influencers',
    sizeClass: 'micro',
    priceLow: 270,
    pricePoint: 300,
    priceHigh: 330,
    signalsFine: 5,
    signalsToCheck: 1,
    signalsUnknown: 3,
    signalIdsToCheck: ['like-comment-ratio'],
    likesPerComment: 612.5,
    postsRead: 12,
    sponsoredPosts: 3,
    sponsoredVsOrganic: 0.72,
    brands: [
      { handle: 'ridgeline.gear', posts: 2 },
      { handle: 'summit.socks', posts: 1 },
    ],
    undisclosedPosts: 1,
    status: 'contacted',
    agreedPrice: 280,
    tags: ['beauty', 'vegan'],
    notes: 'Prefers email.',
    couponCode: 'KIM10',
    affiliateLink: 'https://shop.example.com/?ref=kim',
    orders: 12,
    revenue: 480.5,
    cost: 280,
    addedAt: '2025-03-01T10:00:00.000Z',
    ...partial,
  };
}

/** A creator whose signals and posts were never read. */
const UNKNOWN_INSIGHTS = {
  signalsFine: null,
  signalsToCheck: null,
  signalsUnknown: null,
  signalIdsToCheck: null,
  likesPerComment: null,
  postsRead: null,
  sponsoredPosts: null,
  sponsoredVsOrganic: null,
  brands: null,
  undisclosedPosts: null,
} satisfies Partial<ExportRow>;

/** Text a user would type that a spreadsheet could run, break, or misread. */
const HOSTILE = [
  '=HYPERLINK("http://evil.example","click")',
  '+1+1',
  '-2+3',
  '@SUM(A1:A2)',
  '\t=1',
  '\r=1',
  '  =cmd|\' /C calc\'!A0',
  "'=already quoted",
  "''=twice",
  "'plain apostrophe",
  '<script>alert(1)</script>',
  'Crème brûlée, “quotes” and "double quotes"',
  'emoji 🎉👩🏽‍💻',
  'line one\nline two\r\nline three',
  'comma, semicolon; tab\there',
];

function csvLines(csv: string): string[] {
  return csv.replace(/^\ufeff/, '').split('\r\n');
}

describe('CSV export', () => {
  it('writes a BOM, a header row and CRLF line ends', () => {
    const csv = toCsv([row()]);
    expect(csv.startsWith('\ufeff')).toBe(true);
    const lines = csvLines(csv);
    expect(lines[0]).toBe(EXPORT_COLUMNS.join(','));
    expect(lines).toHaveLength(2);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('leaves unknown numbers empty and numbers as numbers, even negative ones', () => {
    const csv = toCsv([row({ followers: null, er: Number.NaN, erPerView: Number.POSITIVE_INFINITY, cost: -5, orders: 0 })]);
    const cells = csvLines(csv)[1]!.split(',');
    const at = (column: (typeof EXPORT_COLUMNS)[number]) => cells[EXPORT_COLUMNS.indexOf(column)];
    expect(at('followers')).toBe('');
    expect(at('er')).toBe('');
    expect(at('erPerView')).toBe('');
    expect(at('cost')).toBe('-5');
    expect(at('orders')).toBe('0');
    expect(at('tierRank')).toBe('6');
  });

  it('neutralises text cells a spreadsheet would run as formulas', () => {
    const csv = toCsv([row({ notes: '=1+1', displayName: '@boss', couponCode: ' -SALE', tags: ['+plus', 'ok'] })]);
    const line = csvLines(csv)[1]!;
    expect(line).toContain(",'=1+1,");
    expect(line).toContain(",'@boss,");
    expect(line).toContain(",' -SALE,");
    expect(line).toContain(",'+plus; ok,");
  });

  it('joins tags with "; "', () => {
    expect(csvLines(toCsv([row({ tags: ['a', 'b c', 'd'] })]))[1]).toContain(',a; b c; d,');
  });

  it('writes a header alone for no rows', () => {
    expect(csvLines(toCsv([]))[0]).toEqual(EXPORT_COLUMNS.join(','));
  });
});

describe('formula neutralisation', () => {
  it('prefixes exactly the dangerous cells', () => {
    expect(neutraliseCell('=1')).toBe("'=1");
    expect(neutraliseCell('  +1')).toBe("'  +1");
    expect(neutraliseCell('\tx')).toBe("'\tx");
    expect(neutraliseCell("'=1")).toBe("''=1");
    expect(neutraliseCell('hello = world')).toBe('hello = world');
    expect(neutraliseCell("it's")).toBe("it's");
  });

  it('is undone exactly, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', ' ', '\t', '\r', '\n', 'a', 'é') }), (s) => {
        expect(restoreCell(neutraliseCell(s))).toBe(s);
      }),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => restoreCell(neutraliseCell(s)) === s));
  });
});

describe('CSV round trip', () => {
  it('gives back the same rows, hostile text, accents, emoji, quotes and newlines included', () => {
    const rows = HOSTILE.map((text, i) =>
      row({
        handle: `creator_${i}`,
        displayName: text.replace(/[\t\r\n]/g, ' ').trim(),
        notes: text,
        couponCode: text.replace(/[\t\r\n]/g, ' ').trim().slice(0, 100),
        tags: [text.replace(/[\t\r\n;]/g, ' ').trim().slice(0, 40)],
        campaign: i % 2 === 0 ? '=Spring, "launch"' : 'Été 2025 🎉',
      }),
    );
    rows.push(row({ handle: 'unknowns', displayName: null, profileUrl: null, followers: null, er: null, tierRank: null, tierName: null, sizeClass: null, tags: [], notes: '', couponCode: null, affiliateLink: null, orders: null, revenue: null, cost: null, agreedPrice: null, status: 'to contact', campaign: '', ...UNKNOWN_INSIGHTS }));
    // Known and empty: none to check, no brands (the counts beside them say the lists are known).
    rows.push(row({ handle: 'no_brands', signalsToCheck: 0, signalIdsToCheck: [], brands: [], sponsoredPosts: 0, sponsoredVsOrganic: null, undisclosedPosts: 0 }));
    rows.push(row({ handle: 'tiny', er: 1e-7, erPerView: 0.1 + 0.2, followers: 1e12 }));
    const preview = parseImport(toCsv(rows), 'shortlist.csv', { now: NOW });
    expect(preview.fileError).toBeNull();
    expect(preview.invalid).toEqual([]);
    expect(preview.kind).toBe('csv');
    expect(preview.rows).toEqual(rows);
  });

  it('gives back any valid rows (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', 'é', '🎉', ' ', ',', '"', "'", '=', '+', '-', '@', '<', ';', '.'), maxLength: 30 });
    const oneLine = text.map((s) => s.trim()).filter((s) => s !== '');
    const amount = fc.option(fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)));
    const arbitraryRow = fc.record({
      campaign: fc.oneof(fc.constant(''), oneLine),
      handle: fc.stringMatching(/^[a-z0-9._]{1,30}$/),
      displayName: fc.option(oneLine),
      notes: fc.string({ unit: fc.constantFrom('a', '\n', '\r\n', '\t', '"', ',', '=', '-', "'", ' '), maxLength: 40 }),
      tags: fc.array(oneLine.map((s) => s.replace(/;/g, ':').slice(0, 40).trim()).filter((s) => s !== ''), { maxLength: 5 }),
      followers: amount,
      revenue: amount,
      orders: fc.option(fc.nat()),
    });
    fc.assert(
      fc.property(fc.array(arbitraryRow, { maxLength: 5 }), (partials) => {
        const rows = partials.map((p, i) => row({ ...p, handle: `${p.handle}${i}` }));
        const preview = parseImport(toCsv(rows), 'x.csv', { now: NOW });
        expect(preview.invalid).toEqual([]);
        expect(preview.rows).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});

describe('CSV import', () => {
  const header = 'platform,handle,campaign,followers,status,addedAt,notes,profileUrl';

  it('reads a hand-made sheet: loose headers, @handles, Twitter, statuses in other spellings, dates without time', () => {
    const csv = ['Platform;Handle;Campaign;Display name;Status;Added at;Tags', 'Instagram;@Maker.Kim;Spring;Kim;To-Contact;2025-03-01;"a ;; b"', 'twitter;jo_x;Spring;;PAID;;'].join('\n');
    const preview = parseImport(csv, 'mine.csv', { now: NOW });
    expect(preview.fileError).toBeNull();
    expect(preview.invalid).toEqual([]);
    expect(preview.rows.map((r) => [r.platform, r.handle, r.displayName, r.status, r.addedAt, r.tags])).toEqual([
      ['instagram', 'Maker.Kim', 'Kim', 'to contact', '2025-03-01T00:00:00.000Z', ['a', 'b']],
      ['x', 'jo_x', null, 'paid', NOW.toISOString(), []],
    ]);
    expect(preview.rows[0]!.followers).toBeNull();
  });

  it('lists each invalid row with its line in the file and a reason a user can act on', () => {
    const csv = [
      header,
      'instagram,kim,A,100,contacted,,"two\nlines",', // line 2 (and 3)
      'myspace,tom,A,1,,,,', // line 4
      'instagram,,A,1,,,,', // 5
      'instagram,bad handle,A,1,,,,', // 6
      'instagram,kim2,A,-5,,,,', // 7
      'instagram,kim3,A,"1.2.3",,,,', // 8
      'instagram,kim4,A,1,maybe,,,', // 9: a status the shortlist does not have is read, not refused
      'instagram,kim5,A,1,,03/01/2025,,', // 10
      'instagram,kim6,A,1,,,,javascript:alert(1)', // 11
      'instagram,KIM,a,1,,,,', // 12: same creator and campaign as line 2
      'instagram,kim7,A,1,,,,,extra', // 13
      '',
      'tiktok,ok.one,A,7,,,<script>alert(1)</script>,https://www.tiktok.com/@ok.one', // 15
    ].join('\r\n');
    const preview = parseImport(csv, 'in.csv', { now: NOW });
    expect(preview.fileError).toBeNull();
    expect(preview.rows.map((r) => r.handle)).toEqual(['kim', 'kim4', 'ok.one']);
    expect(preview.rows[2]!.notes).toBe('<script>alert(1)</script>');
    expect(preview.rows[1]!.status).toBe('to contact');
    expect(preview.statuses).toEqual([{ text: 'maybe', key: 'maybe', rows: 1, status: 'to contact', by: 'default' }]);
    const reasons = Object.fromEntries(preview.invalid.map((r) => [r.line, plain(r.reason)]));
    expect(Object.keys(reasons).map(Number)).toEqual([4, 5, 6, 7, 8, 10, 11, 12, 13]);
    expect(reasons[4]).toMatch(/^platform: must be instagram, youtube, tiktok or x \(it is “myspace”\)/);
    expect(reasons[5]).toMatch(/^handle: is missing/);
    expect(reasons[6]).toMatch(/^handle: must be letters/);
    expect(reasons[7]).toMatch(/^followers: must be 0 or more/);
    expect(reasons[8]).toMatch(/^followers: “1\.2\.3” is not a number/);
    expect(reasons[10]).toMatch(/^addedAt: “03\/01\/2025” is not a date/);
    expect(reasons[11]).toMatch(/^profileUrl: must be a web address starting with http/);
    expect(reasons[12]).toBe('Same creator and campaign as line 2.');
    expect(reasons[13]).toMatch(/more cells than the header/);
  });

  it('names every problem of a row, up to three', () => {
    const preview = parseImport(`${header}\r\nfoo,,A,-1,nope,,,ftp://x`, 'in.csv');
    expect(plain(preview.invalid[0]!.reason)).toBe('platform: must be instagram, youtube, tiktok or x (it is “foo”); handle: is missing; profileUrl: must be a web address starting with http:// or https:// (it is “ftp://x”); and 1 more.');
  });

  it('refuses values that are too long or carry control characters', () => {
    const long = 'x'.repeat(201);
    const preview = parseImport(`platform,handle,notes,displayName\r\ninstagram,${long},,\r\ninstagram,ok,"a\u0007b",\r\ninstagram,ok2,,"a\u0001b"`, 'in.csv');
    expect(preview.rows).toEqual([]);
    expect(preview.invalid.map((r) => plain(r.reason))).toEqual([
      `handle: is longer than 200 characters (it is “${'x'.repeat(40)}…”).`,
      'notes: contains control characters (it is “a\u0007b”).',
      'displayName: contains control characters (it is “a\u0001b”).',
    ]);
  });

  it('reports an unclosed quote on the row where it opens', () => {
    const preview = parseImport(`${header}\r\ninstagram,a,A,1,,,,\r\ninstagram,b,A,1,,,"never closed,\r\ninstagram,c,A,1,,,,`, 'in.csv');
    expect(preview.rows.map((r) => r.handle)).toEqual(['a']);
    expect(preview.invalid).toEqual([{ line: 3, reason: expect.stringMatching(/never closed/) }]);
  });

  it('accepts a header with no rows', () => {
    expect(parseImport(toCsv([]), 'empty.csv')).toMatchObject({ kind: 'csv', rows: [], invalid: [], fileError: null, backup: null });
  });
});

describe('files that cannot be imported', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ['empty', '', 'a.csv', /empty/],
    ['blank', '\ufeff \r\n\r\n ', 'a.csv', /empty/],
    ['binary', 'GIF89a\u0000\u0001\u0002', 'a.csv', /not a text file/],
    ['an xlsx', 'PK\u0003\u0004\u0014\u0000', 'shortlist.xlsx', /spreadsheet file \(\.xlsx\)/],
    ['no header', 'instagram,kim,100\r\ntiktok,jo,5', 'a.csv', /No column of this file is read as the creators’ handles or profile addresses: choose, under “Columns”/],
    ['plain prose', 'Dear team,\nplease find attached.', 'notes.txt', /No column of this file is read as the creators’ handles/],
    ['broken JSON', '{"format": "reloquence-lens-backup", "vers', 'backup.json', /not valid JSON/],
    ['other JSON', '{"name": "something else"}', 'x.json', /not a Reloquence Lens backup/],
    ['a JSON array', '[1,2,3]', 'x.txt', /not a Reloquence Lens backup/],
    ['a newer backup', JSON.stringify({ format: BACKUP_FORMAT, version: 3 }), 'b.json', /newer version .* update the extension/],
    ['an odd version', JSON.stringify({ format: BACKUP_FORMAT, version: 'one' }), 'b.json', /version \(one\) is not one/],
    ['an incomplete backup', JSON.stringify({ format: BACKUP_FORMAT, version: 1, creators: [], campaigns: [] }), 'b.json', /entries list is missing/],
  ];
  it.each(cases)('%s gives a file error', (_name, text, fileName, message) => {
    const preview = parseImport(text, fileName);
    expect(preview.fileError).toMatch(message);
    expect(preview.rows).toEqual([]);
  });

  it('never throws, whatever the text (property)', () => {
    const csvish = fc.string({ unit: fc.constantFrom('platform', 'handle', ',', ';', '\t', '"', '\r\n', '\n', 'instagram', 'x', '@a', '-1', '=', "'", '{', '}', '\u0000', '\ufeff', ' ', '1e999') });
    const jsonish = fc.jsonValue().map((v) => JSON.stringify({ format: BACKUP_FORMAT, version: 1, creators: [v], campaigns: [v], entries: [v], snapshots: [v] }));
    for (const text of [fc.string({ unit: 'binary' }), csvish, jsonish]) {
      fc.assert(
        fc.property(text, fc.constantFrom('a.csv', 'a.json', 'a', ''), (t, name) => {
          const preview = parseImport(t, name);
          expect(preview.fileError === null || preview.rows.length === 0).toBe(true);
        }),
        { numRuns: 500 },
      );
    }
    expect(parseImport(undefined as unknown as string, undefined as unknown as string).fileError).toMatch(/could not be read as text/);
  });
});

const backupData: BackupData = {
  creators: [
    { platform: 'instagram', handle: 'maker.kim', displayName: '<b>Kim</b> 🎉', profileUrl: 'https://www.instagram.com/maker.kim/', followers: 48_200, er: 3.4, erPerView: null, tierRank: 6, tierName: 'Engaged Micro Influencers', sizeClass: 'micro', priceLow: 270, pricePoint: 300, priceHigh: 330, addedAt: '2025-03-01T10:00:00.000Z', updatedAt: '2025-05-01T10:00:00.000Z' },
    { platform: 'youtube', handle: 'Chef.Jo', displayName: null, profileUrl: null, followers: null, er: null, erPerView: null, tierRank: null, tierName: null, sizeClass: null, priceLow: null, pricePoint: null, priceHigh: null, addedAt: '2025-03-02T10:00:00.000Z', updatedAt: '2025-03-02T10:00:00.000Z' },
  ],
  campaigns: [
    { id: 'c1', name: 'Spring launch', budget: 5000, createdAt: '2025-02-01T00:00:00.000Z' },
    { id: 'c2', name: '=Summer', budget: null, createdAt: '2025-02-02T00:00:00.000Z' },
  ],
  entries: [
    { campaignId: 'c1', platform: 'instagram', handle: 'maker.kim', status: 'agreed', agreedPrice: 280, tags: ['vegan'], notes: 'two\nlines', couponCode: 'KIM10', affiliateLink: null, orders: 3, revenue: 120, cost: 280, addedAt: '2025-03-05T00:00:00.000Z' },
    { campaignId: 'c2', platform: 'instagram', handle: 'maker.kim', status: 'to contact', agreedPrice: null, tags: [], notes: '', couponCode: null, affiliateLink: null, orders: null, revenue: null, cost: null, addedAt: '2025-03-06T00:00:00.000Z' },
  ],
  snapshots: [
    { platform: 'instagram', handle: 'maker.kim', takenAt: '2025-03-01T10:00:00.000Z', followers: 47_000, following: 300, postsCount: 410, totalLikes: null, er: 3.1, erPerView: null },
    { platform: 'instagram', handle: 'maker.kim', takenAt: '2025-05-01T10:00:00.000Z', followers: 48_200, following: 301, postsCount: 420, totalLikes: null, er: 3.4, erPerView: null },
  ],
  listings: [],
  invitations: [],
};

describe('JSON backup', () => {
  it('writes the format, version and date, and reads back every record', () => {
    const text = toJson(backupData, NOW);
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(file).toMatchObject({ format: 'reloquence-lens-backup', version: 2, exportedAt: NOW.toISOString() });
    const preview = parseImport(text, 'backup.json');
    expect(preview.kind).toBe('json');
    expect(preview.fileError).toBeNull();
    expect(preview.invalid).toEqual([]);
    expect(preview.backup).toEqual(backupData);
    expect(preview.rows).toEqual(exportRows(backupData));
  });

  it('is recognised by its content whatever the file is called', () => {
    expect(parseImport(`\ufeff  ${toJson(backupData)}`, 'download (1)').backup).toEqual(backupData);
  });

  it('turns entries into rows, and creators on no campaign into rows without one', () => {
    const rows = exportRows(backupData);
    expect(rows.map((r) => [r.campaign, r.handle, r.status, r.followers])).toEqual([
      ['Spring launch', 'maker.kim', 'agreed', 48_200],
      ['=Summer', 'maker.kim', 'to contact', 48_200],
      ['', 'Chef.Jo', 'to contact', null],
    ]);
    expect(rows[2]!.addedAt).toBe('2025-03-02T10:00:00.000Z');
    expect(parseImport(toCsv(rows), 'rows.csv').rows).toEqual(rows);
  });

  it('lists bad, duplicate and dangling records and keeps the rest', () => {
    const damaged = {
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: NOW.toISOString(),
      creators: [...backupData.creators, { ...backupData.creators[0], handle: 'MAKER.KIM' }, { ...backupData.creators[1], followers: -1 }, 'nonsense'],
      campaigns: [...backupData.campaigns, { ...backupData.campaigns[0], id: 'c3', name: 'spring LAUNCH' }],
      entries: [...backupData.entries, { ...backupData.entries[0], campaignId: 'gone' }, { ...backupData.entries[0], handle: 'stranger' }],
      snapshots: [...backupData.snapshots, { ...backupData.snapshots[0], takenAt: 'yesterday' }],
    };
    const text = JSON.stringify(damaged, null, 1);
    const preview = parseImport(text, 'b.json', { now: NOW });
    expect(preview.fileError).toBeNull();
    expect(preview.backup).toEqual(backupData);
    expect(preview.invalid.map((r) => plain(r.reason))).toEqual([
      'creator #3: the same creator as #1.',
      'creator #4: followers: must be 0 or more.',
      'creator #5: is not a record.',
      'campaign #3: the same name as campaign #1 (“spring LAUNCH”).',
      'entry #3: its campaign (id “gone”) is not in the file.',
      'entry #4: its creator (instagram @stranger) is not in the file.',
      'snapshot #3: takenAt: must be a date like 2025-03-01 or 2025-03-01T10:00:00Z.',
    ]);
    // Each refusal names the line in the file where its record begins.
    const lineOf = (fragment: string, after = 0) => text.split('\n').findIndex((l, i) => i >= after && l.includes(fragment)) + 1;
    const creators = lineOf('"creators"');
    const campaigns = lineOf('"campaigns"');
    const entries = lineOf('"entries"');
    const snapshots = lineOf('"snapshots"');
    expect(preview.invalid.map((r) => r.line)).toEqual([
      lineOf('"MAKER.KIM"', creators) - 2,
      lineOf('"followers": -1', creators) - 5,
      lineOf('"nonsense"', creators),
      lineOf('"spring LAUNCH"', campaigns) - 2,
      lineOf('"gone"', entries) - 1,
      lineOf('"stranger"', entries) - 3,
      lineOf('"yesterday"', snapshots) - 3,
    ]);
    expect(text.split('\n')[preview.invalid[0]!.line - 1]!.trim()).toBe('{');
    // The same file on one line: every record is on line 1, and the reason names it by position.
    expect(parseImport(JSON.stringify(damaged), 'b.json', { now: NOW }).invalid.map((r) => r.line)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });
});

describe('import plan', () => {
  it('counts new, updated and invalid rows by platform, lower-cased handle and campaign', () => {
    const csv = toCsv([row({ handle: 'Kim' }), row({ handle: 'kim', campaign: 'Other' }), row({ handle: 'new.one' })]) + '\r\ninstagram,bad handle';
    const preview = parseImport(csv, 'a.csv');
    const existing = { keys: new Set([rowKey('instagram', 'KIM', 'spring launch'), rowKey('tiktok', 'new.one', 'Spring launch')]) };
    expect(planImport(preview, existing)).toEqual({ new: 2, updated: 1, invalid: 1 });
    expect(planImport(parseImport('', 'a.csv'), existing)).toEqual({ new: 0, updated: 0, invalid: 0 });
  });
});

describe('size and speed', () => {
  function manyRows(n: number): ExportRow[] {
    return Array.from({ length: n }, (_, i) =>
      row({ handle: `creator.${i}`, followers: 1000 + i, notes: i % 10 === 0 ? `Note ${i}, with "quotes"\nand a second line` : `Note ${i}` }),
    );
  }

  it('exports and parses 10,000 rows quickly', () => {
    const rows = manyRows(10_000);
    let t = performance.now();
    const csv = toCsv(rows);
    const exportMs = performance.now() - t;
    t = performance.now();
    const preview = parseImport(csv, 'big.csv');
    const parseMs = performance.now() - t;
    console.info(`10,000 rows: export to CSV ${exportMs.toFixed(0)} ms, parse ${parseMs.toFixed(0)} ms (${(csv.length / 1e6).toFixed(1)} MB)`);
    expect(preview.rows).toHaveLength(10_000);
    expect(preview.invalid).toEqual([]);
    // The product budgets are 300 ms and 2 s; the margin keeps a busy test machine from failing the build.
    expect(exportMs).toBeLessThan(900);
    expect(parseMs).toBeLessThan(4000);
  });

  it('parses a 50 MB file without blowing up', () => {
    const block = toCsv(manyRows(2_000)).replace(/^\ufeff[^\r]*\r\n/, '');
    const repeats = Math.ceil(50e6 / block.length);
    // Each repeat renames its handles so no row is a duplicate of another.
    const body = Array.from({ length: repeats }, (_, r) => block.replace(/,creator\.(\d+),/g, `,creator.${r}_$1,`)).join('\r\n');
    const csv = `${EXPORT_COLUMNS.join(',')}\r\n${body}\r\ninstagram,broken`;
    expect(csv.length).toBeGreaterThan(50e6);
    const t = performance.now();
    const preview = parseImport(csv, 'huge.csv');
    const ms = performance.now() - t;
    console.info(`${(csv.length / 1e6).toFixed(1)} MB, ${repeats * 2_000} rows: parsed in ${ms.toFixed(0)} ms`);
    expect(preview.fileError).toBeNull();
    expect(preview.rows).toHaveLength(repeats * 2_000);
    expect(preview.invalid).toHaveLength(1);
  });
});
