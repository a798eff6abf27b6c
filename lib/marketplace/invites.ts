/**
 * Inviting a creator to the marketplace: the personal message with the user's invite link, the
 * platform's direct-message page to paste it into, the record of an invitation, and the fee
 * discounts invitations earn. Pure.
 *
 * The marketplace's rule: "Creators get half off their transaction fees for each creator they
 * invite who posts a listing."
 */
import * as z from 'zod/mini';
import { PLATFORM_LABELS, type Platform } from '../platforms/types';
import { PlatformSchema } from '../schema';
import type { Settings } from '../settings';
import { cleanPageText } from './drafts';
import { MAX_CAMPAIGN_TAG_LENGTH, signupUrl } from './links';
import { creatorLabel } from '../platforms/profile-url';

export const MAX_INVITE_LENGTH = 600;

export interface InviteTarget {
  platform: Platform;
  handle: string | null;
  displayName?: string | null;
}

export interface Invite {
  /** The message, ending with the link. */
  text: string;
  link: string;
  /** False when the user has no referral code: the link is the plain signup page. */
  hasCode: boolean;
}

function clipName(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/**
 * A short, friendly message inviting the creator to list their services on the marketplace,
 * followed by the signup link (with the referral code when there is one, and `campaign` as
 * utm_campaign). At most 600 characters unless the link alone is longer. Throws when the
 * marketplace settings cannot make a link (see signupUrl); callers catch.
 */
export function inviteMessage(target: InviteTarget, settings: Settings, campaign?: string | null): Invite {
  const code = settings.referralCode.trim();
  const link = signupUrl(settings.marketplace, code, campaign);
  const hasCode = code !== '';
  const market = clipName(cleanPageText(settings.marketplace.name), 60) || 'the marketplace';
  const handle = cleanPageText(target.handle).replace(/^@+/, '');
  const name = clipName(cleanPageText(target.displayName), 40) || clipName(creatorLabel(target.platform, handle || null) ?? '', 41);
  const platform = PLATFORM_LABELS[target.platform] ?? 'your channel';
  const hi = name ? `Hi ${name}!` : 'Hi!';
  const linkIntro = hasCode ? 'You can join with my invite link:' : 'You can join here:';
  const candidates = [
    `${hi} I came across your ${platform} and really like what you make. I'd love to see you on ${market}: you can list your services there, set your own price and get paid when brands book you. ${linkIntro}\n${link}`,
    `${hi} Join me on ${market}: list your services, set your own price and get paid there. ${linkIntro}\n${link}`,
  ];
  const text = candidates.find((t) => t.length <= MAX_INVITE_LENGTH) ?? link;
  return { text, link, hasCode };
}

/**
 * The page where the user can write to the creator, or null where the platform has no direct
 * messages (YouTube). Instagram: ig.me/m/<handle> opens a conversation with the account (the
 * inbox when the handle is unknown); X and TikTok: their messages page (a conversation there
 * needs the account's internal id, which the lens does not have).
 */
export function messagePageUrl(platform: Platform, handle: string | null): string | null {
  switch (platform) {
    case 'instagram': {
      const h = cleanPageText(handle).replace(/^@+/, '');
      return h ? `https://ig.me/m/${encodeURIComponent(h)}` : 'https://www.instagram.com/direct/inbox/';
    }
    case 'x':
      return 'https://x.com/messages';
    case 'tiktok':
      return 'https://www.tiktok.com/messages';
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Invitation records

/** In order: invited → joined the marketplace → posted a listing. */
export const INVITATION_STATUSES = ['invited', 'joined', 'listed'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = {
  invited: 'Invited',
  joined: 'Joined',
  listed: 'Posted a listing',
};

/** Unix milliseconds, up to the year 5000 or so. */
const millis = z.int().check(z.gte(0), z.lte(1e14));

export const InvitationSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  platform: PlatformSchema,
  handle: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  campaign: z.nullable(z.string().check(z.trim(), z.maxLength(MAX_CAMPAIGN_TAG_LENGTH))),
  invitedAt: millis,
  status: z.enum(INVITATION_STATUSES),
  statusAt: millis,
});
export type Invitation = z.infer<typeof InvitationSchema>;

const STATUS_ORDER: Record<InvitationStatus, number> = { invited: 0, joined: 1, listed: 2 };

function isStatus(value: unknown): value is InvitationStatus {
  return typeof value === 'string' && (INVITATION_STATUSES as readonly string[]).includes(value);
}

/**
 * Fee discounts from invitations: `earned` = invited creators who posted a listing (each earns
 * half off the inviter's transaction fees), `pending` = invited creators who have not yet (invited
 * or joined). A creator invited more than once (same platform and handle, ignoring case and @)
 * counts once, at the furthest status reached. Records with an unknown status are skipped.
 */
export function feeDiscounts(invitations: ReadonlyArray<Pick<Invitation, 'platform' | 'handle' | 'status'>>): { earned: number; pending: number } {
  const best = new Map<string, InvitationStatus>();
  for (const inv of Array.isArray(invitations) ? invitations : []) {
    const status: unknown = inv?.status;
    if (!inv || typeof inv.handle !== 'string' || !isStatus(status)) continue;
    const key = `${inv.platform}:${inv.handle.trim().replace(/^@+/, '').toLowerCase()}`;
    const seen = best.get(key);
    if (seen === undefined || STATUS_ORDER[status] > STATUS_ORDER[seen]) best.set(key, status);
  }
  let earned = 0;
  let pending = 0;
  for (const status of best.values()) {
    if (status === 'listed') earned += 1;
    else pending += 1;
  }
  return { earned, pending };
}
