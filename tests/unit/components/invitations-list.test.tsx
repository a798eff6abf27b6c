import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { useDom } from './dom';
import { InvitationsList, relativeTime, type InvitationsListProps } from '../../../components/InvitationsList';
import type { Invitation, InvitationStatus } from '../../../lib/marketplace/invites';

const { root, mount, q, qa, click, choose, expectClean } = useDom();

const MIN = 60_000;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
const HOSTILE = '<img src=x onerror=alert(1)>';

function inv(id: string, handle: string, status: InvitationStatus, daysAgo: number, over: Partial<Invitation> = {}): Invitation {
  return { id, platform: 'instagram', handle, campaign: null, invitedAt: NOW - daysAgo * DAY, status, statusAt: NOW - daysAgo * DAY, ...over };
}

function props(invitations: Invitation[], over: Partial<InvitationsListProps> = {}): InvitationsListProps {
  return { invitations, marketplaceName: 'Reloquence', now: NOW, onStatus: vi.fn(async () => null), ...over };
}

describe('InvitationsList', () => {
  it('says there are no invitations yet, with no discounts', async () => {
    await mount(<InvitationsList {...props([])} />);
    expect(q('invitations')).not.toBeNull();
    expect(q('fee-discounts')?.textContent).toBe('0 fee discounts earned · 0 pending');
    expect(root().textContent).toContain('Half off your transaction fees on Reloquence for each creator you invite who posts a listing.');
    expect(root().textContent).toContain('No invitations yet. Use “Invite” on a creator\'s card to send one.');
    expect(qa('invitation-row')).toHaveLength(0);
    expectClean();
  });

  it('lists invitations newest first with platform, campaign, relative date and status', async () => {
    const list = [
      inv('1', 'old.friend', 'listed', 40),
      inv('2', 'cosy.kitchen', 'invited', 3, { campaign: 'spring-launch' }),
      inv('3', 'tube.maker', 'joined', 1, { platform: 'youtube' }),
      inv('4', 'Cosy.Kitchen', 'listed', 2, { handle: '@Cosy.Kitchen' }),
    ];
    await mount(<InvitationsList {...props(list)} />);
    // cosy.kitchen invited twice counts once, at "listed".
    expect(q('fee-discounts')?.textContent).toBe('2 fee discounts earned · 1 pending');
    const rows = qa('invitation-row');
    expect(rows.map((r) => r.querySelector('.rl-inv-handle')?.textContent)).toEqual(['@tube.maker', '@Cosy.Kitchen', '@cosy.kitchen', '@old.friend']);
    expect(rows[0]?.textContent).toContain('YouTube');
    expect(rows[0]?.textContent).toContain('Invited yesterday');
    expect(rows[2]?.textContent).toContain('· Instagram · spring-launch');
    expect(rows[2]?.textContent).toContain('Invited 3 days ago');
    expect(rows[3]?.textContent).toContain('Invited 5 weeks ago');
    const selects = qa('invitation-status') as HTMLSelectElement[];
    expect(selects.map((s) => s.value)).toEqual(['joined', 'listed', 'invited', 'listed']);
    expect(Array.from(selects[0]!.querySelectorAll('option')).map((o) => o.textContent)).toEqual(['Invited', 'Joined', 'Posted a listing']);
    expect(q('invitation-delete')).toBeNull();
    expectClean();
  });

  it('counts one discount in the singular', async () => {
    await mount(<InvitationsList {...props([inv('1', 'a', 'listed', 1)])} />);
    expect(q('fee-discounts')?.textContent).toBe('1 fee discount earned · 0 pending');
  });

  it('saves a new status through onStatus and shows an error inline', async () => {
    let answer: (value: string | null) => void = () => {};
    const onStatus = vi.fn(() => new Promise<string | null>((resolve) => (answer = resolve)));
    await mount(<InvitationsList {...props([inv('a1', 'cosy.kitchen', 'invited', 3)], { onStatus })} />);
    const select = () => q('invitation-status') as HTMLSelectElement;

    await choose(select(), 'joined');
    expect(onStatus).toHaveBeenLastCalledWith('a1', 'joined');
    expect(select().disabled).toBe(true);
    expect(select().value).toBe('joined');
    await act(async () => {
      answer('The invitation could not be saved: storage is full.');
      await Promise.resolve();
    });
    expect(q('invitation-error')?.textContent).toBe('The invitation could not be saved: storage is full.');
    expect(q('invitation-error')?.getAttribute('role')).toBe('alert');
    // Not saved: the select no longer shows the refused status. (Which option is selected after
    // that cannot be read here: linkedom's option.selected = false also unselects the other
    // selected option; browsers take the select's value, set back to the stored status.)
    expect(select().disabled).toBe(false);
    expect(select().querySelector('option[value="joined"]')?.hasAttribute('selected')).toBe(false);

    await choose(select(), 'listed');
    expect(onStatus).toHaveBeenLastCalledWith('a1', 'listed');
    await act(async () => {
      answer(null);
      await Promise.resolve();
    });
    expect(q('invitation-error')).toBeNull();
  });

  it('shows a rejected onStatus as an error', async () => {
    const onStatus = vi.fn(async (): Promise<string | null> => {
      throw new Error('database closed');
    });
    await mount(<InvitationsList {...props([inv('a1', 'cosy.kitchen', 'invited', 3)], { onStatus })} />);
    await choose(q('invitation-status'), 'listed');
    expect(q('invitation-error')?.textContent).toBe('The status could not be saved: database closed');
  });

  it('removes an invitation when asked', async () => {
    const onDelete = vi.fn();
    await mount(<InvitationsList {...props([inv('z9', 'cosy.kitchen', 'invited', 3)], { onDelete })} />);
    expect(q('invitation-delete')?.textContent).toBe('Remove');
    await click(q('invitation-delete'));
    expect(onDelete).toHaveBeenCalledWith('z9');
  });

  it('renders a hostile handle, campaign and marketplace name as text', async () => {
    await mount(<InvitationsList {...props([inv('h', HOSTILE, 'invited', 0, { campaign: HOSTILE })], { marketplaceName: HOSTILE })} />);
    const row = q('invitation-row')!;
    expect(row.textContent).toContain(`@${HOSTILE}`);
    expect(row.textContent).toContain(`· ${HOSTILE}`);
    expect(root().textContent).toContain(`on ${HOSTILE} for each creator`);
    expect(root().querySelector('img')).toBeNull();
    expectClean();
  });

  it('handles many invitations and odd dates without NaN', async () => {
    const many = Array.from({ length: 250 }, (_, i) => inv(`i${i}`, `creator${i}`, i % 3 === 0 ? 'listed' : 'invited', i * 9));
    many.push(inv('future', 'clock.skew', 'invited', -5));
    many.push(inv('ancient', 'very.old', 'invited', 365 * 3000));
    await mount(<InvitationsList {...props(many)} />);
    expect(q('fee-discounts')?.textContent).toBe('84 fee discounts earned · 168 pending');
    expect(qa('invitation-row')).toHaveLength(252);
    expect(root().textContent).toContain('Invited just now');
    expect(root().textContent).toMatch(/Invited 299\d years ago/);
    expectClean();
  });
});

describe('relativeTime', () => {
  it('reads like a person would say it', () => {
    expect(relativeTime(NOW, NOW)).toBe('just now');
    expect(relativeTime(NOW + DAY, NOW)).toBe('just now');
    expect(relativeTime(NOW - MIN, NOW)).toBe('1 minute ago');
    expect(relativeTime(NOW - 59 * MIN, NOW)).toBe('59 minutes ago');
    expect(relativeTime(NOW - 60 * MIN, NOW)).toBe('1 hour ago');
    expect(relativeTime(NOW - 5 * 60 * MIN, NOW)).toBe('5 hours ago');
    expect(relativeTime(NOW - DAY, NOW)).toBe('yesterday');
    expect(relativeTime(NOW - 13 * DAY, NOW)).toBe('13 days ago');
    expect(relativeTime(NOW - 14 * DAY, NOW)).toBe('2 weeks ago');
    expect(relativeTime(NOW - 90 * DAY, NOW)).toBe('2 months ago');
    expect(relativeTime(NOW - 800 * DAY, NOW)).toBe('2 years ago');
    expect(relativeTime(Number.NaN, NOW)).toBe('at an unknown time');
  });
});
