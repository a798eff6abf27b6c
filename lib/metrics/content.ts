/**
 * What the posts say: sponsored posts and how they perform against the others, the brands a
 * creator worked with, posts whose disclosure is worth a check, and — on a post page whose
 * comments the page has loaded — what the comments show. Computed from the snapshot alone (the
 * captions, tags and flags the readers found), in the browser; pure and linear in the text.
 *
 * - A post is **sponsored** when the platform flags it (`PostStats.sponsored`: Instagram's paid
 *   partnership, TikTok's ad / branded content, YouTube's paid promotion) or its caption carries
 *   a disclosure tag or phrase (./words/disclosure.ts: `#ad`, `#werbung`, "Paid partnership",
 *   "Presented by" …). Disclosure tags match whole: `#adventure` is not `#ad`.
 * - **Sponsored vs organic**: mean (likes + comments) of the sponsored posts ÷ that of the others
 *   (posts with hidden or missing counts left out), with the number of each; null when either
 *   group has no post with counts.
 * - **Brands worked with**: the accounts mentioned or tagged in the recent posts, with the number
 *   of posts each appears in, the creator's own account left out.
 * - **Disclosure to check**: a post that mentions or tags another account, or carries a promo code
 *   or an affiliate link, without any disclosure (flag, tag or phrase).
 * - **Comments** (post pages): how many were read, and among the audience's (the creator's own
 *   left out) the shares that show purchase intent, that ask questions, and that are generic or
 *   emoji-only (bot-like); how many the creator wrote.
 *
 * Posts are the recent ones the rates use (./recent.ts: the pinned rule), and of those only the
 * posts whose caption, tags or flag the page carries: a post the page says nothing about is
 * neither sponsored nor organic.
 */
import { hashtagsIn, mentionsIn, uniqueHandles, type HandleStyle } from '../platforms/caption';
import type { Platform, PostComment, PostStats, Snapshot } from '../platforms/types';
import { validCount } from './counts';
import { recentPosts } from './recent';
import { AFFILIATE_HOSTS, AFFILIATE_PARAMS, DISCLOSURE_PHRASES, DISCLOSURE_TAGS, LANGUAGES } from './words';

// ---------------------------------------------------------------------------------------------
// Text

/** Lower-case, accents and other marks removed, curly apostrophes straightened: how words are compared. */
export function normalizeText(text: string): string {
  return foldAccents(text).toLowerCase();
}

function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[\u2018\u2019\u02bc]/g, "'");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const WORD_CHAR = '[\\p{L}\\p{N}_]';

/**
 * One regular expression matching any of `phrases` as whole words in normalised text. Every
 * alternative is a literal (spaces match 1–5 white-space characters), so a match attempt costs at
 * most the length of the longest phrase: the whole scan is linear in the text.
 */
function phraseMatcher(phrases: readonly string[], anchored = false): RegExp {
  const alternatives = [...new Set(phrases.map(normalizeText).filter((p) => p.length > 0))]
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRegExp(p).replace(/\s+/g, '\\s{1,5}'));
  if (alternatives.length === 0) return /(?!)/;
  return new RegExp(`${anchored ? '^' : `(?<!${WORD_CHAR})`}(?:${alternatives.join('|')})(?!${WORD_CHAR})`, 'u');
}

const DISCLOSURE_TAG_SET = new Set(DISCLOSURE_TAGS.map(normalizeText));
const DISCLOSURE_PHRASE = phraseMatcher(DISCLOSURE_PHRASES);

const all = <K extends keyof (typeof LANGUAGES)[number]>(key: K) => LANGUAGES.flatMap((l) => l[key] as readonly string[]);
const PURCHASE_INTENT = phraseMatcher(all('purchaseIntent'));
const QUESTION_START = phraseMatcher(all('questionStarts'), true);
const SPAM = phraseMatcher(all('spamPhrases'));
const GENERIC = new Set(all('genericComments').map(normalizeText));
const NOT_CODES = new Set(all('notCodes').map(normalizeText));

/** "use code ANNA20", "promo code: SUMMER", "código de descuento LUNA10" (text with accents folded, case kept). */
function codeMatcher(words: readonly string[]): RegExp {
  const alternatives = [...new Set(words.map((w) => foldAccents(w).toLowerCase()))]
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRegExp(p).replace(/\s+/g, '\\s{1,5}'));
  // keyword, then at most: spaces, "is", ":" or a dash, an opening quote — then the code.
  return new RegExp(
    `(?<!${WORD_CHAR})(?:${alternatives.join('|')})\\s{0,3}(?:(?:is|ist|es)(?!${WORD_CHAR}))?\\s{0,3}[:\\-\u2013]?\\s{0,3}["'\u201c\u2018\u00ab]?([\\p{L}\\p{N}_\\-]{3,20})`,
    'giu',
  );
}
const STRONG_CODE = codeMatcher(all('promoCodeWords'));
const WEAK_CODE = codeMatcher(all('weakCodeWords'));
/** After a bare "code": capitals and digits with at least one digit ("ANNA20"), or four or more capitals ("SUMMER"). */
const LOOKS_LIKE_CODE = /^(?:(?=[A-Z0-9_-]*\d)[A-Z0-9_-]{3,20}|[A-Z]{4,20})$/;

const AFFILIATE_HOST = new RegExp(
  `(?<![\\p{L}\\p{N}_.\\-])(?:${AFFILIATE_HOSTS.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_\\-])`,
  'iu',
);
const AFFILIATE_PARAM = new RegExp(`[?&](?:${AFFILIATE_PARAMS.map(escapeRegExp).join('|')})=`, 'i');
/** Amazon Associates' tracking id: `tag=<name>-20` (-21, -22 … by store). */
const AMAZON_TAG = /[?&]tag=[A-Za-z0-9_.]{1,60}-2\d(?![A-Za-z0-9])/;

/** The promo code a text carries ("use code ANNA20" → "ANNA20"), or null. */
export function promoCodeIn(text: string | null | undefined): string | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  const folded = foldAccents(text);
  for (const m of folded.matchAll(STRONG_CODE)) {
    const code = m[1]!;
    if (!NOT_CODES.has(code.toLowerCase()) && /[\p{L}\p{N}]/u.test(code)) return code;
  }
  for (const m of folded.matchAll(WEAK_CODE)) {
    const code = m[1]!;
    if (LOOKS_LIKE_CODE.test(code) && !NOT_CODES.has(code.toLowerCase())) return code;
  }
  return null;
}

/** Whether a text carries an affiliate link (a network's or a link shop's host, or an affiliate parameter). */
export function hasAffiliateLink(text: string | null | undefined): boolean {
  if (typeof text !== 'string' || text.length === 0) return false;
  return AFFILIATE_HOST.test(text) || AFFILIATE_PARAM.test(text) || AMAZON_TAG.test(text);
}

/** The disclosure a post's caption and hashtags carry ("#ad", "paid partnership"), or null. */
export function disclosureIn(caption: string | null | undefined, hashtags: readonly string[] = []): string | null {
  for (const tag of [...hashtags, ...hashtagsIn(caption)]) {
    if (DISCLOSURE_TAG_SET.has(normalizeText(tag))) return `#${tag}`;
  }
  if (typeof caption !== 'string' || caption.length === 0) return null;
  return DISCLOSURE_PHRASE.exec(normalizeText(caption))?.[0] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Posts

export interface PostContent {
  id: string | null;
  /** Sponsored: flagged by the platform or disclosed in the caption. */
  sponsored: boolean;
  /** What says so: "platform flag", or the tag or phrase found ("#ad", "presented by"); null when nothing. */
  disclosure: string | null;
  /** Accounts the post mentions or tags, the creator's own left out. */
  brands: string[];
  promoCode: string | null;
  affiliateLink: boolean;
  /** Tags a brand, or carries a promo code or affiliate link, with no disclosure. */
  undisclosed: boolean;
}

export interface Mention {
  /** Lower-case, without @. */
  handle: string;
  /** Recent posts it appears in. */
  posts: number;
}

export interface CommentsAnalysis {
  /** Comments read (the page's loaded comments, the creator's own included). */
  read: number;
  /** Comments by others than the creator: what the shares below are of. */
  audience: number;
  /** Shares (0–1) of the audience's comments; null when there is none. */
  purchaseIntent: number | null;
  questions: number | null;
  /** Generic, emoji-only or spam comments: what bots and engagement pods write. */
  generic: number | null;
  /** Comments (replies) written by the creator. */
  creatorReplies: number;
}

export interface ContentAnalysis {
  /** Recent posts whose caption, tags or sponsored flag the page carries: what the counts are of. */
  posts: number;
  sponsored: number;
  organic: number;
  /** Mean engagement of the sponsored posts ÷ that of the organic ones (0.72 = 72 %); null when a group has no counts. */
  sponsoredVsOrganic: number | null;
  /** Posts of each group whose likes and comments are known: what the ratio rests on. */
  engagementBasis: { sponsored: number; organic: number };
  /** Brands worked with: accounts mentioned or tagged, most posts first. */
  mentions: Mention[];
  /** Posts whose disclosure is worth a check (see PostContent.undisclosed). */
  undisclosed: number;
  /** Per post, in page order. */
  details: PostContent[];
  /** Null when no comments were read (not a post page, or none loaded). */
  comments: CommentsAnalysis | null;
}

const HANDLE_STYLE: Record<Platform, HandleStyle> = { instagram: 'instagram', tiktok: 'tiktok', x: 'x', youtube: 'youtube' };

/** Whether the page says anything about what the post says (caption, tags or flag). */
function carriesContent(post: PostStats): boolean {
  return (
    (typeof post.caption === 'string' && post.caption.length > 0) ||
    (post.mentions?.length ?? 0) > 0 ||
    (post.hashtags?.length ?? 0) > 0 ||
    typeof post.sponsored === 'boolean'
  );
}

function postContent(post: PostStats, style: HandleStyle, creator: string | null): PostContent {
  const caption = typeof post.caption === 'string' ? post.caption : null;
  const hashtags = Array.isArray(post.hashtags) ? post.hashtags : [];
  const mentions = uniqueHandles([...(Array.isArray(post.mentions) ? post.mentions : []), ...mentionsIn(caption, style)]);
  const brands = mentions.filter((m) => m !== creator);
  const flagged = post.sponsored === true;
  const disclosure = flagged ? 'platform flag' : disclosureIn(caption, hashtags);
  const promoCode = promoCodeIn(caption);
  const affiliateLink = hasAffiliateLink(caption);
  const sponsored = disclosure !== null;
  return {
    id: post.id,
    sponsored,
    disclosure,
    brands,
    promoCode,
    affiliateLink,
    undisclosed: !sponsored && (brands.length > 0 || promoCode !== null || affiliateLink),
  };
}

/** likes + comments of a post, or null when either is hidden or unknown. */
function engagement(post: PostStats): number | null {
  const likes = validCount(post.likes);
  const comments = validCount(post.comments);
  return likes === null || comments === null || post.likesHidden === true ? null : likes + comments;
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}

// ---------------------------------------------------------------------------------------------
// Comments

const EMOJI_OR_PUNCTUATION_ONLY = /^[^\p{L}\p{N}]*$/u;

export interface CommentKind {
  purchaseIntent: boolean;
  question: boolean;
  /** Generic, emoji-only or spam. */
  generic: boolean;
}

/** What one comment shows. */
export function classifyComment(text: string): CommentKind {
  const raw = typeof text === 'string' ? text.trim() : '';
  if (raw.length === 0) return { purchaseIntent: false, question: false, generic: false };
  const norm = normalizeText(raw);
  const words = norm
    .replace(/@[\p{L}\p{N}._]+/gu, ' ')
    .replace(/[^\p{L}\p{N}\s']+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const purchaseIntent = PURCHASE_INTENT.test(norm);
  const question = /[?¿؟？]/.test(raw) || QUESTION_START.test(words);
  // Repeated letters set aside: "niiiice" and "sooo cool" read as "nice" and "so cool".
  const squeezed = [words.replace(/(\p{L})\1{2,}/gu, '$1'), words.replace(/(\p{L})\1{2,}/gu, '$1$1')];
  const generic =
    EMOJI_OR_PUNCTUATION_ONLY.test(raw) ||
    (!purchaseIntent && !question && squeezed.some((w) => GENERIC.has(w))) ||
    SPAM.test(norm);
  return { purchaseIntent, question, generic };
}

export function analyzeComments(comments: readonly PostComment[] | undefined): CommentsAnalysis | null {
  const list = Array.isArray(comments) ? comments.filter((c) => c && typeof c.text === 'string') : [];
  if (list.length === 0) return null;
  const audience = list.filter((c) => c.byCreator !== true);
  const kinds = audience.map((c) => classifyComment(c.text));
  const share = (pick: (k: CommentKind) => boolean) => (kinds.length === 0 ? null : kinds.filter(pick).length / kinds.length);
  return {
    read: list.length,
    audience: audience.length,
    purchaseIntent: share((k) => k.purchaseIntent),
    questions: share((k) => k.question),
    generic: share((k) => k.generic),
    creatorReplies: list.length - audience.length,
  };
}

// ---------------------------------------------------------------------------------------------
// The analysis

/**
 * What the posts say, or null when the page carries nothing of it (no caption, tag or flag on
 * any recent post, and no comments read). Never throws.
 */
export function analyzeContent(snapshot: Snapshot): ContentAnalysis | null {
  const creator = typeof snapshot.handle === 'string' ? snapshot.handle.toLowerCase().replace(/^@/, '') : null;
  const style = HANDLE_STYLE[snapshot.platform] ?? 'instagram';
  const posts = recentPosts(Array.isArray(snapshot.posts) ? snapshot.posts : []).posts.filter(carriesContent);
  const comments = snapshot.kind === 'post' ? analyzeComments(snapshot.comments) : null;
  if (posts.length === 0 && comments === null) return null;

  const details = posts.map((p) => postContent(p, style, creator));
  const sponsoredEngagement: number[] = [];
  const organicEngagement: number[] = [];
  posts.forEach((p, i) => {
    const e = engagement(p);
    if (e !== null) (details[i]!.sponsored ? sponsoredEngagement : organicEngagement).push(e);
  });
  const sponsoredMean = mean(sponsoredEngagement);
  const organicMean = mean(organicEngagement);

  const tally = new Map<string, number>();
  for (const d of details) for (const b of d.brands) tally.set(b, (tally.get(b) ?? 0) + 1);
  // Most posts first; a tie keeps the order of first appearance (Map order).
  const mentions = [...tally].map(([handle, n]) => ({ handle, posts: n })).sort((a, b) => b.posts - a.posts);

  const sponsored = details.filter((d) => d.sponsored).length;
  return {
    posts: posts.length,
    sponsored,
    organic: posts.length - sponsored,
    sponsoredVsOrganic: sponsoredMean !== null && organicMean !== null && organicMean > 0 ? sponsoredMean / organicMean : null,
    engagementBasis: { sponsored: sponsoredEngagement.length, organic: organicEngagement.length },
    mentions,
    undisclosed: details.filter((d) => d.undisclosed).length,
    details,
    comments,
  };
}

// ---------------------------------------------------------------------------------------------
// Competitors

export interface CompetitorHit {
  /** The competitor's handle, lower-case, without @. */
  handle: string;
  /** Recent posts that mention or tag it … */
  posts: number;
  /** … of this many posts read. */
  of: number;
}

/**
 * Competitor handles as a brand types them in the settings ("@rival, other_brand; @third"):
 * lower-case, without @, each once.
 */
export function parseCompetitors(input: string | readonly string[]): string[] {
  const parts = typeof input === 'string' ? input.split(/[\s,;]+/) : input;
  // A profile address names the account by its first path segment ("https://www.tiktok.com/@rival").
  const handleOf = (p: string) => p.replace(/^https?:\/\/[^/\s]+\//, '').replace(/^@/, '').split(/[/?#]/)[0];
  return uniqueHandles(parts.map((p) => (typeof p === 'string' ? handleOf(p) : p)));
}

/** The competitors the creator worked with (mentioned or tagged in recent posts), most posts first. */
export function competitorHits(content: ContentAnalysis | null, competitors: readonly string[]): CompetitorHit[] {
  if (!content) return [];
  const wanted = new Set(parseCompetitors(competitors));
  return content.mentions.filter((m) => wanted.has(m.handle)).map((m) => ({ handle: m.handle, posts: m.posts, of: content.posts }));
}

/** "worked with a competitor: @x (2 of 12 posts)" (several: "@x (2 of 12 posts), @y (1 of 12 posts)"); null when none. */
export function competitorNote(hits: readonly CompetitorHit[]): string | null {
  if (hits.length === 0) return null;
  const list = hits.map((h) => `@${h.handle} (${h.posts} of ${h.of} post${h.of === 1 ? '' : 's'})`).join(', ');
  return `worked with ${hits.length === 1 ? 'a competitor' : 'competitors'}: ${list}`;
}

/** "sponsored posts get 72 % of the engagement of the others (3 sponsored, 9 organic)"; null when unknown. */
export function sponsoredVsOrganicText(content: ContentAnalysis | null): string | null {
  if (!content || content.sponsoredVsOrganic === null) return null;
  const pct = Math.round(content.sponsoredVsOrganic * 100);
  const { sponsored, organic } = content.engagementBasis;
  return `sponsored posts get ${pct} % of the engagement of the others (${sponsored} sponsored, ${organic} organic)`;
}
