/**
 * X's JSON shapes. Everything optional; a missing field or one of the wrong type reads as absent
 * instead of failing the whole object.
 */
import * as z from 'zod/mini';
import { lenient } from '../page';

export const opt = lenient;
export const str = opt(z.string());
export const bool = opt(z.boolean());
/** Counts are numbers, except `views.count`, which X sends as a string. */
export const countField = opt(z.union([z.number(), z.string()]));
export const unknownField = z.optional(z.unknown());

/** The legacy user fields; also the whole object of a flat REST-style user. */
export const LegacyUser = z.looseObject({
  screen_name: str,
  name: str,
  description: str,
  id_str: str,
  followers_count: countField,
  friends_count: countField,
  statuses_count: countField,
  verified: bool,
  protected: bool,
});

export const User = z.looseObject({
  __typename: str,
  rest_id: str,
  is_blue_verified: bool,
  legacy: opt(LegacyUser),
  core: opt(z.looseObject({ screen_name: str, name: str })),
  relationship_counts: opt(z.looseObject({ followers: countField, following: countField })),
  tweet_counts: opt(z.looseObject({ tweets: countField })),
  profile_bio: opt(z.looseObject({ description: str })),
  verification: opt(z.looseObject({ verified: bool, verified_type: str })),
  privacy: opt(z.looseObject({ protected: bool })),
  reason: str,
  message: str,
});

/** `entities` of a tweet (and `entity_set` of a long post): the accounts it mentions and its hashtags. */
export const Entities = z.looseObject({
  user_mentions: opt(z.array(z.unknown())),
  hashtags: opt(z.array(z.unknown())),
});
export const MentionEntity = z.looseObject({ screen_name: str, indices: opt(z.array(z.number())) });
export const HashtagEntity = z.looseObject({ text: str });

export const TweetLegacy = z.looseObject({
  id_str: str,
  user_id_str: str,
  /** The post's text, HTML-escaped (`&amp;`); a reply's starts with the @handles it replies to. */
  full_text: str,
  /** Where the shown text starts and ends: after the leading reply @handles. */
  display_text_range: opt(z.array(z.number())),
  entities: opt(Entities),
  in_reply_to_status_id_str: str,
  created_at: str,
  favorite_count: countField,
  reply_count: countField,
  retweet_count: countField,
  quote_count: countField,
  retweeted_status_result: unknownField,
});

export const Tweet = z.looseObject({
  __typename: str,
  rest_id: str,
  /** `TweetWithVisibilityResults` keeps the tweet here. */
  tweet: unknownField,
  core: opt(z.looseObject({ user_results: opt(z.looseObject({ result: unknownField })) })),
  legacy: opt(TweetLegacy),
  views: opt(z.looseObject({ count: countField, state: str })),
  /** A long post: its whole text and entities (`legacy.full_text` holds the first 280 characters). */
  note_tweet: opt(
    z.looseObject({ note_tweet_results: opt(z.looseObject({ result: opt(z.looseObject({ text: str, entity_set: opt(Entities) })) })) }),
  ),
});

export const Instruction = z.looseObject({
  type: str,
  entry: unknownField,
  entries: opt(z.array(z.unknown())),
  moduleItems: opt(z.array(z.unknown())),
});

/** A timeline entry, or a module item (`{entryId, item: {itemContent}}`). */
export const Entry = z.looseObject({
  entryId: str,
  content: opt(z.looseObject({ itemContent: unknownField, items: opt(z.array(z.unknown())) })),
  item: opt(z.looseObject({ itemContent: unknownField })),
});

export const ItemContent = z.looseObject({
  promotedMetadata: unknownField,
  tweet_results: opt(z.looseObject({ result: unknownField })),
});

export const LdInteraction = z.looseObject({ name: str, interactionType: str, userInteractionCount: countField });
export const LdProfile = z.looseObject({
  '@type': str,
  mainEntity: unknownField,
  /** Older (2023) name of `mainEntity`. */
  author: unknownField,
});
export const LdPerson = z.looseObject({
  additionalName: str,
  givenName: str,
  description: str,
  identifier: str,
  interactionStatistic: opt(z.array(z.unknown())),
});
