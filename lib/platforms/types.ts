/**
 * The contract every platform reader keeps.
 *
 * A reader is a pure function from what a page carries (its URL, its meta tags, its inline
 * scripts and the JSON bodies it received) to a typed snapshot. Readers never fetch anything
 * and never touch the DOM: the content script (or the `analyze` command in Node) gathers the
 * inputs into a {@link PageData} and hands them over.
 */

export type Platform = 'instagram' | 'youtube' | 'tiktok' | 'x';

export const PLATFORM_LABELS: Record<Platform, string> = {
  instagram: 'Instagram',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  x: 'X',
};

/** What the URL says the page is. `posts` is a timeline of one account's posts (X). */
export type PageKind = 'profile' | 'post' | 'posts' | 'other';

export interface PageLocation {
  platform: Platform;
  kind: PageKind;
  /** Account handle without @, as written in the URL; null when the URL does not carry one. */
  handle: string | null;
  /** Id of the single post the URL points at (post pages only). */
  postId: string | null;
  /** Canonical profile URL when the handle is known. */
  profileUrl: string | null;
}

/** A JSON body the page received from its own web client (captured in the page's MAIN world). */
export interface CapturedResponse {
  /** Request URL (path and query are enough to tell what it is). */
  url: string;
  body: unknown;
}

/** Everything a reader may look at. */
export interface PageData {
  url: string;
  /** `<meta property|name=… content=…>`, first occurrence of each key wins; keys lower-cased. */
  meta: Record<string, string>;
  /** Text of every inline `<script>` in document order, with its `type` and `id`. */
  scripts: InlineScript[];
  /** JSON bodies the page received (captured responses, or a saved JSON file), oldest first. */
  responses: CapturedResponse[];
}

export interface InlineScript {
  type: string | null;
  id: string | null;
  text: string;
}

/** Counts of one post; null = the page does not carry it, 0 = the page says zero. */
export interface PostStats {
  id: string | null;
  url: string | null;
  likes: number | null;
  comments: number | null;
  views: number | null;
  shares: number | null;
  /** Accounts reached / impressions, where the page carries them (a creator's own insights, X views). */
  reach: number | null;
  impressions: number | null;
  /** Unix time in seconds when the page carries it. */
  takenAt: number | null;
  /** The platform hides this post's like count (or shows a placeholder). */
  likesHidden: boolean;
  /**
   * The account pinned this post to the top of its grid or timeline (absent = not pinned). A
   * pinned post older than the recent posts is listed but left out of the rates: see
   * ../metrics/recent.ts.
   */
  pinned?: boolean;
  /**
   * What the post says, where the page carries it (absent = the reader does not read it on this
   * page): the caption, description, post text or video title (a watch page: title and
   * description).
   */
  caption?: string | null;
  /** Accounts @-mentioned in the caption or tagged on the post: lower-case, without @, each once. */
  mentions?: string[];
  /** Hashtags of the caption (or the platform's own list of them): without #, each once, as written. */
  hashtags?: string[];
  /**
   * The platform's own paid-partnership / branded-content / ad / paid-promotion flag: true when
   * the page marks the post so, false when the page carries the flag unset, null (or absent) when
   * the page does not say. Disclosure tags in the caption are read by ../metrics/content.ts.
   */
  sponsored?: boolean | null;
}

/** One comment (or reply) the page has loaded on a post page. */
export interface PostComment {
  text: string;
  /** The commenter's handle (without @) or display name; null when the page does not name them. */
  author: string | null;
  /** Written by the post's own author (a reply of the creator, or their own comment). */
  byCreator: boolean;
  /** Likes of the comment; null when the page does not carry them. */
  likes: number | null;
}

/**
 * The state of what the reader found.
 * - `ok`: counts found (posts may still be empty for an account with no posts);
 * - `private`: a private account: profile counts only, posts not visible;
 * - `empty`: a public account with no posts;
 * - `loading`: the URL is a profile/post page but its data is not in the page yet;
 * - `unknown-layout`: the page carries data the reader does not understand.
 */
export type SnapshotState = 'ok' | 'private' | 'empty' | 'loading' | 'unknown-layout';

export interface Snapshot {
  platform: Platform;
  kind: 'profile' | 'post' | 'posts';
  state: SnapshotState;
  url: string;
  handle: string | null;
  displayName: string | null;
  /** For a single post: its author's followers. */
  followers: number | null;
  /** False when followers is a rounded display value ("46.3m") rather than an exact count. */
  followersExact: boolean;
  following: number | null;
  postsCount: number | null;
  /** Total likes received across the account, where the platform shows it (TikTok hearts). */
  totalLikes: number | null;
  bio: string | null;
  isPrivate: boolean | null;
  isVerified: boolean | null;
  /** Posts in page order. */
  posts: PostStats[];
  /** Human-readable name of the data the numbers came from, e.g. "window._sharedData (exact counts)". */
  source: string;
  /** Plain-language notes about what is missing or approximate. */
  notes: string[];
  /**
   * On a post page: the comments (and replies) the page has loaded so far, in page order; absent
   * when the page carries no comment list at all (an empty list: the page carries one, empty).
   */
  comments?: PostComment[];
}

export interface PlatformReader {
  platform: Platform;
  /** Hosts this reader is for, e.g. ['www.instagram.com', 'instagram.com']. */
  hosts: readonly string[];
  /**
   * Request URLs (matched against the absolute URL) whose JSON responses the page's own web
   * client receives and the MAIN-world page-data script copies to this reader. The extension
   * never sends these requests itself.
   */
  captures: readonly RegExp[];
  /** Tell the page kind and the handle from the URL alone. */
  locate(url: string): PageLocation;
  /**
   * Read a snapshot from the page's data, or null when the URL is not a page this reader
   * reads (kind `other`).
   */
  read(data: PageData): Snapshot | null;
}

export function emptyPost(partial: Partial<PostStats> = {}): PostStats {
  return {
    id: null,
    url: null,
    likes: null,
    comments: null,
    views: null,
    shares: null,
    reach: null,
    impressions: null,
    takenAt: null,
    likesHidden: false,
    ...partial,
  };
}

/**
 * A snapshot with nothing known yet (state 'loading', every count unknown), for readers to fill
 * in: one place that lists every field, so a reader cannot forget one.
 */
export function emptySnapshot(base: Pick<Snapshot, 'platform' | 'kind' | 'url'> & Partial<Snapshot>): Snapshot {
  return {
    state: 'loading',
    handle: null,
    displayName: null,
    followers: null,
    followersExact: false,
    following: null,
    postsCount: null,
    totalLikes: null,
    bio: null,
    isPrivate: null,
    isVerified: null,
    posts: [],
    source: 'none',
    notes: [],
    ...base,
  };
}
