import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { useDom } from './dom';
import { MarketplaceActions, safeHttpsUrl, type MarketplaceActionsProps } from '../../../components/MarketplaceActions';

const { root, mount, q, event, click, type, choose, expectClean } = useDom();

async function submit(form: Element | null): Promise<void> {
  expect(form).not.toBeNull();
  await act(async () => {
    form!.dispatchEvent(event('submit'));
    // let the awaited callback settle inside act
    await Promise.resolve();
    await Promise.resolve();
  });
}


const HOSTILE = '<img src=x onerror=alert(1)>';

function props(over: Partial<MarketplaceActionsProps> = {}): MarketplaceActionsProps {
  return {
    marketplaceName: 'Reloquence',
    listingUrl: null,
    searchUrl: 'https://www.reloquence.com/?q=cosy.kitchen',
    onLinkListing: vi.fn(async () => null),
    services: [
      { id: 'instagram-post', label: 'Instagram post', priceText: '~$150' },
      { id: 'instagram-story', label: 'Instagram story', priceText: null },
      { id: 'instagram-reel', label: 'Instagram reel', priceText: '~$180' },
    ],
    createState: { kind: 'idle' },
    onCreateListing: vi.fn(),
    inviteState: { kind: 'idle' },
    onInvite: vi.fn(),
    messageUrl: 'https://ig.me/m/cosy.kitchen',
    isMe: false,
    ...over,
  };
}

describe('MarketplaceActions', () => {
  it('shows "Find on <name>" when no listing is linked, and the invite and "This is me" buttons', async () => {
    const onThisIsMe = vi.fn();
    const onInvite = vi.fn();
    await mount(<MarketplaceActions {...props({ onThisIsMe, onInvite })} />);
    const find = q('find-listing') as HTMLAnchorElement;
    expect(find.textContent).toBe('Find on Reloquence');
    expect(find.getAttribute('href')).toBe('https://www.reloquence.com/?q=cosy.kitchen');
    expect(find.getAttribute('target')).toBe('_blank');
    expect(find.getAttribute('rel')).toBe('noopener noreferrer');
    expect(q('open-listing')).toBeNull();
    expect(q('invite-button')?.textContent).toBe('Invite to Reloquence');
    expect(q('is-me')).toBeNull();
    await click(q('this-is-me'));
    expect(onThisIsMe).toHaveBeenCalledTimes(1);
    await click(q('invite-button'));
    expect(onInvite).toHaveBeenCalledTimes(1);
    expect(q('invite-state')).toBeNull();
    expectClean();
  });

  it('shows "Open listing" for a linked listing and reports the click', async () => {
    const onOpenListing = vi.fn();
    const onUnlinkListing = vi.fn();
    await mount(
      <MarketplaceActions {...props({ listingUrl: 'https://www.reloquence.com/listings/123-post', onOpenListing, onUnlinkListing })} />,
    );
    const open = q('open-listing') as HTMLAnchorElement;
    expect(open.textContent).toBe('Open listing');
    expect(open.getAttribute('href')).toBe('https://www.reloquence.com/listings/123-post');
    expect(open.getAttribute('target')).toBe('_blank');
    expect(open.getAttribute('rel')).toBe('noopener noreferrer');
    expect(q('find-listing')).toBeNull();
    await click(open);
    expect(onOpenListing).toHaveBeenCalledTimes(1);
    expect(q('link-listing')?.textContent).toMatch(/Change the linked listing/);
    await click(q('unlink-listing'));
    expect(onUnlinkListing).toHaveBeenCalledTimes(1);
  });

  it('shows no marketplace link at all when the search link cannot be built, and no error either', async () => {
    await mount(<MarketplaceActions {...props({ searchUrl: null })} />);
    expect(q('find-listing')).toBeNull();
    expect(q('open-listing')).toBeNull();
    expect(root().querySelector('[role="alert"]')).toBeNull();
    expect(q('invite-button')).not.toBeNull();
  });

  it('never makes a link of an address that is not https', async () => {
    await mount(
      <MarketplaceActions
        {...props({ listingUrl: 'javascript:alert(1)', searchUrl: 'data:text/html,hi', messageUrl: 'http://x.com/messages' })}
        inviteState={{ kind: 'copied', link: 'https://www.reloquence.com/signup', hasCode: false }}
      />,
    );
    expect(q('open-listing')).toBeNull();
    expect(q('find-listing')).toBeNull();
    expect(q('open-messages')).toBeNull();
    for (const a of Array.from(root().querySelectorAll('a'))) expect(a.getAttribute('href')).toMatch(/^https:\/\//);
    expect(safeHttpsUrl('https://user:pw@evil.com/')).toBeNull();
    expect(safeHttpsUrl('https://www.reloquence.com/l/x/1')).toBe('https://www.reloquence.com/l/x/1');
  });

  it('says "This is you ✓" for the user\'s own profile, with Create listing in view', async () => {
    await mount(<MarketplaceActions {...props({ isMe: true, onThisIsMe: vi.fn() })} />);
    expect(q('is-me')?.textContent).toBe('This is you ✓');
    expect(q('this-is-me')).toBeNull();
    const create = q('create-listing');
    expect(create).not.toBeNull();
    expect(create?.closest('details')).toBeNull();
  });

  it('offers no "This is me" without a callback', async () => {
    await mount(<MarketplaceActions {...props()} />);
    expect(q('this-is-me')).toBeNull();
    expect(q('is-me')).toBeNull();
  });

  it('creates a listing for the chosen service', async () => {
    const onCreateListing = vi.fn();
    await mount(<MarketplaceActions {...props({ onCreateListing })} />);
    const select = q('create-service') as HTMLSelectElement;
    const options = Array.from(select.querySelectorAll('option')).map((o) => o.textContent);
    expect(options).toEqual(['Instagram post · ~$150', 'Instagram story · price unknown', 'Instagram reel · ~$180']);
    await click(q('create-listing'));
    expect(onCreateListing).toHaveBeenLastCalledWith('instagram-post');
    await choose(select, 'instagram-reel');
    await click(q('create-listing'));
    expect(onCreateListing).toHaveBeenLastCalledWith('instagram-reel');
    expect(q('create-state')).toBeNull();
  });

  it('shows the state of Create listing: working, opened, error', async () => {
    await mount(<MarketplaceActions {...props({ createState: { kind: 'working' } })} />);
    expect((q('create-listing') as HTMLButtonElement).disabled).toBe(true);
    expect(q('create-listing')?.textContent).toBe('Opening…');
    await mount(<MarketplaceActions {...props({ createState: { kind: 'opened', message: 'Opened the new-listing page.' } })} />);
    expect(q('create-state')?.textContent).toBe('Opened the new-listing page.');
    await mount(<MarketplaceActions {...props({ createState: { kind: 'error', message: `Could not open ${HOSTILE}` } })} />);
    expect(q('create-state')?.textContent).toBe(`Could not open ${HOSTILE}`);
    expect(q('create-state')?.getAttribute('role')).toBe('alert');
    expect(root().querySelector('img')).toBeNull();
  });

  it('hides Create listing when there are no services', async () => {
    await mount(<MarketplaceActions {...props({ services: [] })} />);
    expect(q('create-listing')).toBeNull();
    expect(q('create-service')).toBeNull();
    expect(q('link-listing')?.textContent).toBe('Link a listing…');
  });

  it('shows each invite state', async () => {
    await mount(<MarketplaceActions {...props({ inviteState: { kind: 'copying' } })} />);
    expect((q('invite-button') as HTMLButtonElement).disabled).toBe(true);
    expect(q('invite-button')?.textContent).toBe('Copying…');

    await mount(<MarketplaceActions {...props({ inviteState: { kind: 'copied', link: 'https://www.reloquence.com/signup?code=ab', hasCode: true } })} />);
    expect(q('invite-state')?.textContent).toMatch(/copied with your referral link/);
    expect(q('invite-state')?.textContent).toContain('https://www.reloquence.com/signup?code=ab');
    const messages = q('open-messages') as HTMLAnchorElement;
    expect(messages.textContent).toBe('Open messages');
    expect(messages.getAttribute('href')).toBe('https://ig.me/m/cosy.kitchen');
    expect(messages.getAttribute('rel')).toBe('noopener noreferrer');

    await mount(<MarketplaceActions {...props({ messageUrl: null, inviteState: { kind: 'copied', link: 'https://www.reloquence.com/signup', hasCode: false } })} />);
    expect(q('invite-state')?.textContent).toMatch(/no referral code/);
    expect(q('open-messages')).toBeNull();

    await mount(<MarketplaceActions {...props({ inviteState: { kind: 'error', message: 'The clipboard is busy.' } })} />);
    expect(q('invite-state')?.textContent).toBe('The clipboard is busy.');
    expect(q('invite-state')?.getAttribute('role')).toBe('alert');
    expectClean();
  });

  it('shows the invitation in a read-only box when the clipboard refuses', async () => {
    const message = `Hi ${HOSTILE}! Join me on Reloquence:\nhttps://www.reloquence.com/signup`;
    await mount(<MarketplaceActions {...props({ inviteState: { kind: 'manual', text: message } })} />);
    const box = q('invite-manual') as HTMLTextAreaElement;
    expect(box.tagName).toBe('TEXTAREA');
    // linkedom keeps the attribute's case as Preact wrote it; browsers set the readOnly property.
    expect(box.hasAttribute('readonly') || box.hasAttribute('readOnly')).toBe(true);
    expect(box.value).toBe(message);
    expect(q('invite-state')?.textContent).toContain('Press Ctrl+C / ⌘C to copy');
    expect(root().querySelector('img')).toBeNull();
  });

  it('shows when the creator was invited', async () => {
    await mount(<MarketplaceActions {...props({ invitationStatus: 'Invited 3 days ago' })} />);
    expect(q('invite-history')?.textContent).toBe('Invited 3 days ago');
  });

  it('links a listing: saves the pasted address, shows the error returned, closes on success', async () => {
    const answers = ['That is not a listing on Reloquence.', null];
    const onLinkListing = vi.fn(async () => answers.shift() ?? null);
    await mount(<MarketplaceActions {...props({ onLinkListing })} />);
    const summary = q('link-listing');
    expect(summary?.tagName).toBe('SUMMARY');
    expect(summary?.textContent).toBe('Link or create a listing…');
    const form = q('link-listing-input')?.closest('form') ?? null;
    const details = root().querySelector('details') as HTMLDetailsElement;
    await act(() => {
      details.setAttribute('open', '');
      details.dispatchEvent(event('toggle'));
    });
    expect(details.hasAttribute('open')).toBe(true);

    // Empty: a word, no call.
    await submit(form);
    expect(onLinkListing).not.toHaveBeenCalled();
    expect(q('link-listing-error')?.textContent).toMatch(/Paste the address/);

    await type(q('link-listing-input'), '  https://example.com/nope  ');
    await submit(form);
    expect(onLinkListing).toHaveBeenLastCalledWith('https://example.com/nope');
    expect(q('link-listing-error')?.textContent).toBe('That is not a listing on Reloquence.');
    expect(details.hasAttribute('open')).toBe(true);

    await type(q('link-listing-input'), 'https://www.reloquence.com/listings/123-post');
    await submit(form);
    expect(onLinkListing).toHaveBeenLastCalledWith('https://www.reloquence.com/listings/123-post');
    expect(q('link-listing-error')).toBeNull();
    expect((q('link-listing-input') as HTMLInputElement).value).toBe('');
    expect(details.hasAttribute('open')).toBe(false);
  });

  it('shows a failure of the link callback as an error', async () => {
    const onLinkListing = vi.fn(async (): Promise<string | null> => {
      throw new Error('storage is full');
    });
    await mount(<MarketplaceActions {...props({ onLinkListing })} />);
    await type(q('link-listing-input'), 'https://www.reloquence.com/listings/1');
    await submit(q('link-listing-input')?.closest('form') ?? null);
    expect(q('link-listing-error')?.textContent).toBe('The link could not be saved: storage is full');
  });

  it('renders a hostile marketplace name as text', async () => {
    await mount(<MarketplaceActions {...props({ marketplaceName: HOSTILE, onThisIsMe: vi.fn() })} />);
    expect(q('find-listing')?.textContent).toBe(`Find on ${HOSTILE}`);
    expect(q('invite-button')?.textContent).toBe(`Invite to ${HOSTILE}`);
    expect(root().querySelector('img')).toBeNull();
    expectClean();
  });

  it('names the marketplace in words even when the name is empty, and has no icon-only button', async () => {
    await mount(<MarketplaceActions {...props({ marketplaceName: '  ', onThisIsMe: vi.fn(), compact: true })} />);
    expect(q('find-listing')?.textContent).toBe('Find on the marketplace');
    expect(q('marketplace-actions')?.getAttribute('class')).toContain('rl-mk-compact');
    for (const b of Array.from(root().querySelectorAll('button, a, summary'))) {
      expect((b.textContent ?? '').replace(/[^A-Za-z]/g, '').length).toBeGreaterThan(2);
    }
    expectClean();
  });
});
