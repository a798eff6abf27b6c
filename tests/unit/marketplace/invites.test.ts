import { describe, expect, it } from 'vitest';
import { feeDiscounts, INVITATION_STATUSES, InvitationSchema, inviteMessage, MAX_INVITE_LENGTH, messagePageUrl, type Invitation } from '../../../lib/marketplace/invites';
import { DEFAULT_SETTINGS, FLAVOUR_DEFAULT_PATHS, type Settings } from '../../../lib/settings';

const WITH_CODE: Settings = { ...DEFAULT_SETTINGS, referralCode: 'KIM-1' };

describe('inviteMessage', () => {
  it('invites with the referral link', () => {
    const invite = inviteMessage({ platform: 'instagram', handle: 'sam.bakes', displayName: 'Sam Bakes' }, WITH_CODE);
    expect(invite.link).toBe('https://www.reloquence.com/signup?code=KIM-1');
    expect(invite.hasCode).toBe(true);
    expect(invite.text).toBe(
      "Hi Sam Bakes! I came across your Instagram and really like what you make. I'd love to see you on Reloquence: you can list your services there, set your own price and get paid when brands book you. You can join with my invite link:\nhttps://www.reloquence.com/signup?code=KIM-1",
    );
    expect(invite.text.length).toBeLessThanOrEqual(MAX_INVITE_LENGTH);
  });

  it('uses the plain signup page without a code, and says so', () => {
    const invite = inviteMessage({ platform: 'tiktok', handle: '@sam', displayName: null }, DEFAULT_SETTINGS);
    expect(invite.hasCode).toBe(false);
    expect(invite.link).toBe('https://www.reloquence.com/signup');
    expect(invite.text).toMatch(/^Hi @sam! I came across your TikTok/);
    expect(invite.text).toMatch(/You can join here:\nhttps:\/\/www\.reloquence\.com\/signup$/);
    expect(invite.text).not.toContain('code=');
  });

  it('tags the link with the campaign', () => {
    const invite = inviteMessage({ platform: 'youtube', handle: 'sam', displayName: 'Sam' }, WITH_CODE, 'Spring launch');
    expect(invite.link).toBe('https://www.reloquence.com/signup?code=KIM-1&utm_campaign=Spring%20launch');
    expect(invite.text.endsWith(invite.link)).toBe(true);
    const web: Settings = {
      ...WITH_CODE,
      marketplace: { name: 'Makers', baseUrl: 'https://makers.example', flavour: 'web-template', paths: { ...FLAVOUR_DEFAULT_PATHS['web-template'] } },
    };
    const webInvite = inviteMessage({ platform: 'x', handle: 'sam', displayName: null }, web, 'spring');
    expect(webInvite.link).toBe('https://makers.example/signup?referral=KIM-1&utm_campaign=spring');
    expect(webInvite.text).toContain("I'd love to see you on Makers");
  });

  it('keeps hostile names out and the message short', () => {
    const invite = inviteMessage(
      { platform: 'instagram', handle: 'x'.repeat(200), displayName: `<img src=x onerror=alert(1)>\u202e${'N'.repeat(500)}` },
      { ...WITH_CODE, marketplace: { ...WITH_CODE.marketplace, name: 'M'.repeat(60) } },
      'c'.repeat(100),
    );
    expect(invite.text.length).toBeLessThanOrEqual(MAX_INVITE_LENGTH);
    expect(invite.text).not.toMatch(/[<>\u202e]|undefined|null|NaN/);
    expect(invite.text.endsWith(invite.link)).toBe(true);
    const noName = inviteMessage({ platform: 'x', handle: null }, WITH_CODE);
    expect(noName.text).toMatch(/^Hi! I came across your X/);
  });

  it('throws when the settings cannot make a link', () => {
    expect(() => inviteMessage({ platform: 'x', handle: 'a' }, { ...WITH_CODE, marketplace: { ...WITH_CODE.marketplace, baseUrl: 'http://x.com' } })).toThrow();
  });
});

describe('messagePageUrl', () => {
  it('gives each platform\'s message page', () => {
    expect(messagePageUrl('instagram', 'sam.bakes')).toBe('https://ig.me/m/sam.bakes');
    expect(messagePageUrl('instagram', '@sam_bakes')).toBe('https://ig.me/m/sam_bakes');
    expect(messagePageUrl('instagram', 'a/b?c#d')).toBe('https://ig.me/m/a%2Fb%3Fc%23d');
    expect(messagePageUrl('instagram', null)).toBe('https://www.instagram.com/direct/inbox/');
    expect(messagePageUrl('x', 'sam')).toBe('https://x.com/messages');
    expect(messagePageUrl('tiktok', 'sam')).toBe('https://www.tiktok.com/messages');
    expect(messagePageUrl('youtube', 'sam')).toBeNull();
  });
});

describe('invitations', () => {
  function invitation(handle: string, status: Invitation['status'], platform: Invitation['platform'] = 'instagram'): Invitation {
    return { id: `${platform}-${handle}-${status}`, platform, handle, campaign: null, invitedAt: 1_717_243_200_000, status, statusAt: 1_717_243_200_000 };
  }

  it('validates records', () => {
    expect(INVITATION_STATUSES).toEqual(['invited', 'joined', 'listed']);
    expect(InvitationSchema.safeParse(invitation('sam', 'joined')).success).toBe(true);
    expect(InvitationSchema.safeParse({ ...invitation('sam', 'joined'), campaign: 'Spring' }).success).toBe(true);
    expect(InvitationSchema.safeParse({ ...invitation('sam', 'joined'), status: 'paid' }).success).toBe(false);
    expect(InvitationSchema.safeParse({ ...invitation('sam', 'joined'), handle: '' }).success).toBe(false);
    expect(InvitationSchema.safeParse({ ...invitation('sam', 'joined'), invitedAt: 1.5 }).success).toBe(false);
    expect(InvitationSchema.safeParse({ ...invitation('sam', 'joined'), statusAt: -1 }).success).toBe(false);
    expect(InvitationSchema.safeParse({ ...invitation('sam', 'joined'), platform: 'facebook' }).success).toBe(false);
  });

  it('counts a discount for each invited creator who posted a listing', () => {
    expect(feeDiscounts([])).toEqual({ earned: 0, pending: 0 });
    expect(
      feeDiscounts([invitation('a', 'listed'), invitation('b', 'listed'), invitation('c', 'joined'), invitation('d', 'invited')]),
    ).toEqual({ earned: 2, pending: 2 });
  });

  it('counts a creator invited twice once, at the furthest status', () => {
    expect(feeDiscounts([invitation('Sam', 'invited'), invitation('@sam', 'listed'), invitation('sam ', 'joined')])).toEqual({ earned: 1, pending: 0 });
    expect(feeDiscounts([invitation('sam', 'listed'), invitation('sam', 'listed', 'tiktok')])).toEqual({ earned: 2, pending: 0 });
  });

  it('skips records it cannot read', () => {
    const odd = [invitation('a', 'listed'), { platform: 'x', handle: 'b', status: 'paid' }, null, { platform: 'x', handle: 3, status: 'listed' }] as unknown as Invitation[];
    expect(feeDiscounts(odd)).toEqual({ earned: 1, pending: 0 });
  });
});
