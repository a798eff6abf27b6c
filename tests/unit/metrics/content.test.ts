/**
 * What the posts say (lib/metrics/content.ts): sponsored posts and their performance, brands worked
 * with, disclosures to check, competitors, and a post page's comments. All accounts, captions and
 * numbers are made up.
 */
import { describe, expect, it } from 'vitest';
import {
  analyzeComments,
  analyzeContent,
  classifyComment,
  competitorHits,
  competitorNote,
  disclosureIn,
  hasAffiliateLink,
  parseCompetitors,
  promoCodeIn,
  sponsoredVsOrganicText,
} from '../../../lib/metrics/content';
import { analyzeSnapshot } from '../../../lib/metrics/analysis';
import { emptyPost, emptySnapshot, type PostComment, type PostStats, type Snapshot } from '../../../lib/platforms/types';
import { toReport } from '../../../lib/report';

let seq = 0;
function post(caption: string | null, o: Partial<PostStats> = {}): PostStats {
  seq++;
  return emptyPost({ id: `P${seq}`, likes: 100, comments: 10, caption, takenAt: 1_700_000_000 - seq * 86_400, ...o });
}

function profile(posts: PostStats[], o: Partial<Snapshot> = {}): Snapshot {
  return emptySnapshot({ platform: 'instagram', kind: 'profile', url: 'https://www.instagram.com/fern.trails/', state: 'ok', handle: 'fern.trails', followers: 20_000, posts, ...o });
}

function comment(text: string, o: Partial<PostComment> = {}): PostComment {
  return { text, author: 'someone', byCreator: false, likes: null, ...o };
}

describe('disclosure tags and phrases', () => {
  it('finds disclosure hashtags in several languages, whole and case- and accent-insensitively', () => {
    expect(disclosureIn('New trail shoes! #AD')).toBe('#AD');
    expect(disclosureIn('Neue Schuhe #werbung')).toBe('#werbung');
    expect(disclosureIn('Zapatos nuevos #publicidad')).toBe('#publicidad');
    expect(disclosureIn('Nouvelles chaussures #sponsorisé')).toBe('#sponsorisé');
    expect(disclosureIn('Nouvelles chaussures #Sponsorise')).toBe('#Sponsorise');
    expect(disclosureIn('Scarpe #adv')).toBe('#adv');
    expect(disclosureIn('Neue Schuhe #Anzeige')).toBe('#Anzeige');
    expect(disclosureIn('#paidspons shoes')).toBe('#paidspons');
    expect(disclosureIn('#partner shoes')).toBe('#partner');
    expect(disclosureIn('#publi')).toBe('#publi');
    expect(disclosureIn('no caption tag', ['Sponsored'])).toBe('#Sponsored');
  });

  it('"#adventure", "#adidas" and "#badge" are not "#ad"; "#ad." is', () => {
    expect(disclosureIn('Out on an #adventure with #adidas and my #badge')).toBeNull();
    expect(disclosureIn('Love these. #ad.')).toBe('#ad');
    expect(disclosureIn('Love these.#ad')).toBe('#ad');
    // Inside a word, "#" starts no tag.
    expect(disclosureIn('Love#ad')).toBeNull();
  });

  it('finds disclosure phrases as whole words, in several languages', () => {
    expect(disclosureIn('Paid partnership with @trailco')).toBe('paid partnership');
    expect(disclosureIn('Presented by @Rolex. A walk in the hills')).toBe('presented by');
    expect(disclosureIn('This video is sponsored by Brightcell')).toBe('this video is sponsored');
    expect(disclosureIn('Anzeige | Meine neuen Schuhe')).toBe('anzeige');
    expect(disclosureIn('Partenariat rémunéré avec @trailco')).toBe('partenariat remunere');
    expect(disclosureIn('Try our sponsor Aura for 14 days')).toBe('our sponsor');
    // A word that contains a phrase is not the phrase.
    expect(disclosureIn('Unsponsored by anyone, just sponsoredby nothing')).toBeNull();
  });
});

describe('promo codes and affiliate links', () => {
  it('reads a code after a promo-code word, and a code-looking word after a bare "code"', () => {
    expect(promoCodeIn('Use code FERN20 for 20% off')).toBe('FERN20');
    expect(promoCodeIn('my discount code is: trailfern')).toBe('trailfern');
    expect(promoCodeIn('Promo code "SUMMER" at checkout')).toBe('SUMMER');
    expect(promoCodeIn('Code FERN15 im Shop')).toBe('FERN15');
    expect(promoCodeIn('Mit dem Code LAUF10 spart ihr')).toBe('LAUF10');
    expect(promoCodeIn('Usa el código LUNA10')).toBe('LUNA10');
  });

  it('does not read ordinary words after "code" as a code', () => {
    expect(promoCodeIn('I wrote some code for my app')).toBeNull();
    expect(promoCodeIn('The dress code was casual')).toBeNull();
    expect(promoCodeIn('use code below')).toBeNull();
    expect(promoCodeIn(null)).toBeNull();
  });

  it('finds affiliate links by host or tracking parameter, not ordinary links', () => {
    expect(hasAffiliateLink('Shop it: https://amzn.to/3xYzAbc')).toBe(true);
    expect(hasAffiliateLink('https://www.amazon.com/dp/B000000000?tag=fern-20')).toBe(true);
    expect(hasAffiliateLink('My picks: liketk.it/4abc')).toBe(true);
    expect(hasAffiliateLink('https://shop.example.com/boots?aff_id=123')).toBe(true);
    expect(hasAffiliateLink('https://example.com/post?tag=trail')).toBe(false);
    expect(hasAffiliateLink('Read more at https://fern-trails.example.com')).toBe(false);
    expect(hasAffiliateLink('notamzn.to is not a host')).toBe(false);
  });
});

describe('sponsored posts and their performance', () => {
  it('counts flagged and disclosed posts as sponsored and compares their engagement with the others', () => {
    const posts = [
      post('Morning run #ad', { likes: 60, comments: 12 }), // 72
      post('Paid partnership', { likes: 0, comments: 0, sponsored: true }), // flagged: 0
      post('Hills at dawn', { likes: 90, comments: 10 }), // 100
      post('Rain day', { likes: 95, comments: 5 }), // 100
      post('Hidden likes', { likes: null, likesHidden: true, comments: 3 }), // organic, no counts
    ];
    const c = analyzeContent(profile(posts))!;
    expect(c.posts).toBe(5);
    expect(c.sponsored).toBe(2);
    expect(c.organic).toBe(3);
    expect(c.engagementBasis).toEqual({ sponsored: 2, organic: 2 });
    expect(c.sponsoredVsOrganic).toBeCloseTo(36 / 100, 10);
    expect(c.details.map((d) => d.disclosure)).toEqual(['#ad', 'platform flag', null, null, null]);
    expect(sponsoredVsOrganicText(c)).toBe('sponsored posts get 36 % of the engagement of the others (2 sponsored, 2 organic)');
  });

  it('a platform flag of false does not hide a disclosure tag', () => {
    const c = analyzeContent(profile([post('#werbung neue Schuhe', { sponsored: false }), post('Trail', { sponsored: false })]))!;
    expect(c.sponsored).toBe(1);
  });

  it('is null when either group has no post with counts', () => {
    const c = analyzeContent(profile([post('#ad one'), post('#ad two')]))!;
    expect(c.sponsored).toBe(2);
    expect(c.sponsoredVsOrganic).toBeNull();
    expect(sponsoredVsOrganicText(c)).toBeNull();
  });

  it('uses the recent posts of the pinned rule: an old pinned sponsored hit is left out', () => {
    const old = emptyPost({ id: 'OLD', likes: 90_000, comments: 900, caption: '#ad old hit', takenAt: 1_500_000_000, pinned: true });
    const c = analyzeContent(profile([old, post('Trail one'), post('Trail two')]))!;
    expect(c.posts).toBe(2);
    expect(c.sponsored).toBe(0);
  });

  it('leaves out posts the page says nothing about, and is null when no post says anything', () => {
    const silent = emptyPost({ id: 'S1', likes: 5, comments: 1 });
    expect(analyzeContent(profile([silent, emptyPost({ id: 'S2', likes: 4, comments: 1 })]))).toBeNull();
    const c = analyzeContent(profile([silent, post('Said something')]))!;
    expect(c.posts).toBe(1);
  });
});

describe('brands worked with', () => {
  it('counts the posts each mentioned or tagged account appears in, most first, the creator left out', () => {
    const posts = [
      post('With @TrailCo today', { mentions: ['trailco', 'fern.trails'] }),
      post('Thanks @trailco and @river_gear.'),
      post('Me again @fern.trails'),
      post('Tagged only', { mentions: ['river_gear', 'peakbottle'] }),
    ];
    const c = analyzeContent(profile(posts))!;
    expect(c.mentions).toEqual([
      { handle: 'trailco', posts: 2 },
      { handle: 'river_gear', posts: 2 },
      { handle: 'peakbottle', posts: 1 },
    ]);
  });

  it('flags a competitor: "worked with a competitor: @x (2 of 12 posts)"', () => {
    const posts = Array.from({ length: 12 }, (_, i) => post(i < 2 ? `Loving my new boots from @RivalBoots #ad` : `Trail ${i}`));
    const c = analyzeContent(profile(posts))!;
    const hits = competitorHits(c, ['@rivalboots', 'otherbrand']);
    expect(hits).toEqual([{ handle: 'rivalboots', posts: 2, of: 12 }]);
    expect(competitorNote(hits)).toBe('worked with a competitor: @rivalboots (2 of 12 posts)');
    expect(competitorHits(c, ['nobody'])).toEqual([]);
    expect(competitorNote([])).toBeNull();
    expect(competitorHits(null, ['rivalboots'])).toEqual([]);
  });

  it('reads competitors as typed in the settings', () => {
    expect(parseCompetitors('@RivalBoots, other_brand;  https://www.instagram.com/third.co/ https://www.tiktok.com/@fourth')).toEqual([
      'rivalboots',
      'other_brand',
      'third.co',
      'fourth',
    ]);
  });
});

describe('disclosure to check', () => {
  it('flags a post that tags a brand, or carries a promo code or an affiliate link, without disclosure', () => {
    const posts = [
      post('Great day with @trailco'), // brand, no disclosure
      post('Great day with @trailco #ad'), // disclosed
      post('Use code FERN20'), // code, no disclosure
      post('Shop: https://amzn.to/3abc'), // affiliate link, no disclosure
      post('Shop: https://amzn.to/3abc #affiliate'), // disclosed
      post('Just a hike'), // nothing to disclose
      post('Me, @fern.trails, again'), // the creator is no brand
      post('Boots', { sponsored: true, mentions: ['trailco'] }), // flagged
    ];
    const c = analyzeContent(profile(posts))!;
    expect(c.details.map((d) => d.undisclosed)).toEqual([true, false, true, true, false, false, false, false]);
    expect(c.undisclosed).toBe(3);
    expect(c.details[2]!.promoCode).toBe('FERN20');
    expect(c.details[3]!.affiliateLink).toBe(true);
  });
});

describe('comments', () => {
  it('tells purchase intent, questions and generic or emoji-only comments apart', () => {
    expect(classifyComment('Where can I buy these?')).toEqual({ purchaseIntent: true, question: true, generic: false });
    expect(classifyComment('Just ordered mine!')).toEqual({ purchaseIntent: true, question: false, generic: false });
    expect(classifyComment('link?')).toMatchObject({ purchaseIntent: true, question: true });
    expect(classifyComment('How do you keep your feet dry')).toMatchObject({ question: true, purchaseIntent: false });
    expect(classifyComment('How cute')).toMatchObject({ question: false });
    expect(classifyComment('🔥🔥🔥')).toMatchObject({ generic: true });
    expect(classifyComment('😍 !!')).toMatchObject({ generic: true });
    expect(classifyComment('Niiiice pic!! 🙌')).toMatchObject({ generic: true });
    expect(classifyComment('Amazing')).toMatchObject({ generic: true });
    expect(classifyComment('DM us to collab 💼')).toMatchObject({ generic: true });
    expect(classifyComment('That ridge looks steep, which trail was it')).toEqual({ purchaseIntent: false, question: false, generic: false });
    expect(classifyComment('¿Dónde lo compro?')).toMatchObject({ purchaseIntent: true, question: true });
    expect(classifyComment('@friend look')).toMatchObject({ generic: false });
  });

  it('reads the shares over the audience, and counts the creator’s replies', () => {
    const list = [
      comment('Where can I buy these?'),
      comment('🔥🔥'),
      comment('Nice pic'),
      comment('What size are you wearing?'),
      comment('Lovely ridge at sunset, I was there last spring'),
      comment('Thanks! Link in bio', { byCreator: true, author: 'fern.trails' }),
    ];
    const a = analyzeComments(list)!;
    expect(a.read).toBe(6);
    expect(a.audience).toBe(5);
    expect(a.creatorReplies).toBe(1);
    expect(a.purchaseIntent).toBeCloseTo(1 / 5, 10);
    expect(a.questions).toBeCloseTo(2 / 5, 10);
    expect(a.generic).toBeCloseTo(2 / 5, 10);
    expect(analyzeComments([])).toBeNull();
    expect(analyzeComments(undefined)).toBeNull();
    expect(analyzeComments([comment('Only me', { byCreator: true })])).toMatchObject({ read: 1, audience: 0, purchaseIntent: null, generic: null });
  });

  it('comments count on post pages only, and none read gives null', () => {
    const comments = [comment('Where can I buy these?'), comment('🔥')];
    const page = emptySnapshot({ platform: 'tiktok', kind: 'post', url: 'https://www.tiktok.com/@fern/video/7000000000000000001', state: 'ok', handle: 'fern', posts: [post('Boots')], comments });
    expect(analyzeContent(page)!.comments).toMatchObject({ read: 2, purchaseIntent: 0.5, generic: 0.5 });
    expect(analyzeContent({ ...page, comments: [] })!.comments).toBeNull();
    expect(analyzeContent({ ...page, comments: undefined })!.comments).toBeNull();
    expect(analyzeContent({ ...page, kind: 'profile' })!.comments).toBeNull();
    // A post page with comments but no caption still has its comments read.
    expect(analyzeContent({ ...page, posts: [emptyPost({ id: 'x', likes: 1, comments: 2 })] })).toMatchObject({ posts: 0, comments: { read: 2 } });
  });
});

describe('in the analysis and the analyze report', () => {
  it('reports "content" as the issue documents it, null-safe', () => {
    const posts = [
      post('Boots from @trailco #ad', { likes: 50, comments: 10 }),
      post('Hills', { likes: 100, comments: 20 }),
      post('With @trailco', { likes: 100, comments: 20 }),
    ];
    const snap = profile(posts);
    const analysis = analyzeSnapshot(snap);
    expect(analysis.content).toMatchObject({ sponsored: 1, undisclosed: 1 });
    const report = toReport(snap, analysis);
    expect(report.content).toEqual({
      sponsored: 1,
      sponsoredVsOrganic: 0.5,
      mentions: [{ handle: 'trailco', posts: 2 }],
      undisclosed: 1,
      comments: null,
    });
    const silent = profile([emptyPost({ id: 'A', likes: 1, comments: 1 })]);
    expect(toReport(silent, analyzeSnapshot(silent)).content).toBeNull();
    expect(toReport(silent, { ...analyzeSnapshot(silent), content: undefined as never }).content).toBeNull();
  });

  it('reports the comments of a post page with shares to 2 decimals', () => {
    const comments = [comment('link?'), comment('🔥'), comment('Great colour'), comment('nice')];
    const snap = emptySnapshot({ platform: 'instagram', kind: 'post', url: 'https://www.instagram.com/p/ABCDEFGHIJK/', state: 'ok', handle: 'fern.trails', posts: [post('Boots')], comments });
    expect(toReport(snap, analyzeSnapshot(snap)).content?.comments).toEqual({ read: 4, purchaseIntent: 0.25, generic: 0.5 });
  });
});

describe('linear in the text', () => {
  const GUARD = { timeout: 15_000 };
  const big = (unit: string, size = 1024 * 1024) => unit.repeat(Math.ceil(size / unit.length));

  it('a megabyte of near-matches reads at once', GUARD, () => {
    for (const text of [big('#a'), big('@'), big('code '), big('use code '), big('paid '), big('where can i '), big('a'), big(' '), big('amzn.t'), big('?tag=a-')]) {
      expect(disclosureIn(text)).toBeNull();
      expect(hasAffiliateLink(text)).toBe(false);
      promoCodeIn(text);
      classifyComment(text);
    }
  });

  it('a huge caption in a snapshot is analysed at once', GUARD, () => {
    const c = analyzeContent(profile([post(big('#adventure @trail ')), post(big('x'))]))!;
    expect(c.sponsored).toBe(0);
    expect(c.mentions[0]).toEqual({ handle: 'trail', posts: 1 });
  });
});
