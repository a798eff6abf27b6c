/**
 * Instagram reader: every URL form, JSON shape, script marker and meta text of Instagram lives
 * in this folder and nowhere else.
 * - url.ts: pages (URL → kind, handle, post id), content-script matches, captured requests;
 * - shapes.ts: user objects and media nodes; gather.ts: finding them in everything the page
 *   carries; meta.ts: the meta-description and ld+json fallbacks;
 * - profile.ts and post.ts: the two kinds of page; snapshot.ts: what both share.
 *
 * Generations of data it knows (oldest first):
 * - `?__a=1` JSON, late 2017: `user.followed_by.count`, `user.media.nodes[]` (`code`, `likes.count`);
 * - `?__a=1` JSON 2018+, `window._sharedData` (`entry_data.ProfilePage[0].graphql.user`,
 *   `PostPage[0].graphql.shortcode_media`) and `__additionalDataLoaded(path, {graphql})`:
 *   `edge_followed_by`, `edge_owner_to_timeline_media.edges[].node` (`shortcode`, `edge_liked_by`);
 * - `/api/v1/users/web_profile_info/` → `{data:{user:{…same edge_* shape…}}}`;
 * - flat mobile-style users (`follower_count`, `media_count`) and `/api/v1/feed/user/`,
 *   `/api/v1/clips/user/` (`items[].media`), `/api/v1/media/<id>/info/` →
 *   `{items:[{code, like_count, comment_count, user}]}`;
 * - the logged-in web client (2023+): `/graphql/query` responses — the profile query's flat
 *   user object, `PolarisProfilePostsQuery` → `xdt_api__v1__feed__user_timeline_graphql_connection
 *   .edges[].node` (`code`, `like_count`, `comment_count`, `taken_at`, `timeline_pinned_user_ids`
 *   on pinned posts), the Reels tab → `xdt_api__v1__clips__user__connection_v2.edges[].node.media`
 *   (`play_count`; the owner by numeric id only), one post → `xdt_api__v1__media__shortcode__web_info
 *   .items[]` or `xdt_shortcode_media`;
 * - the logged-out web client (2026): `<script type="application/json" data-sjs>` blobs (nested in
 *   `require`/`__bbox` arrays) — a profile's `xig_user_by_username` (exact `follower_count`) and
 *   its `polaris_ordered_timeline_connection` grid WITHOUT counts (listed with nulls), a post's
 *   `xig_polaris_media` with its counts inside `if_not_gated_logged_out` (no follower count);
 * - `og:description` text ("369 Followers, 151 Following, 40 Posts - … (@handle)") and schema.org
 *   ld+json (`FollowAction` counter) as fallbacks.
 */
import { defineReader } from '../fit';
import type { PageData, PlatformReader, Snapshot } from '../types';
import { readPost } from './post';
import { readProfile } from './profile';
import { HOSTS, instagramCaptures, locateInstagram, profileTabOf } from './url';

export { instagramCaptures, instagramMatches, locateInstagram } from './url';
export { postFromNode, type MediaInfo } from './shapes';
export { parsePostDescription, parseProfileDescription, type PostDescription, type ProfileDescription } from './meta';

export const instagramReader: PlatformReader = defineReader({
  platform: 'instagram',
  hosts: HOSTS,
  captures: instagramCaptures,
  locate: locateInstagram,
  read(data: PageData): Snapshot | null {
    const loc = locateInstagram(data.url);
    if (loc.kind === 'profile' && loc.handle) return readProfile(data, loc.handle, profileTabOf(data.url) ?? '');
    if (loc.kind === 'post' && loc.postId) return readPost(data, loc);
    return null;
  },
});
