/**
 * The card acts on a click only when the user could see it.
 *
 * Threat: the page that frames the card decides where the frame sits and what covers it. It
 * cannot click for the user, but it can lay a see-through layer that lets clicks pass (or make
 * the frame transparent, or slide it under the pointer) and show a decoy: the user's real click
 * on the decoy would then land on "Shortlist", "Invite" or "Create listing" (clickjacking).
 *
 * So every click on a control of the card goes through this guard (a capture listener, before
 * the control's own handler): it acts only when the card has been in full view — not covered,
 * not transparent, not transformed — for at least {@link MIN_VISIBLE_MS}. Chromium tells the card
 * itself with IntersectionObserver v2 (`trackVisibility`), which sees through every layer of the
 * page; where a browser lacks it, the content script reports what it can see from the page
 * (see utils/frame-channel.ts), which cannot notice a layer that lets clicks pass.
 */

/** How long the card must have been in full view before a click on it acts. */
export const MIN_VISIBLE_MS = 500;

/** Controls whose click changes nothing of the user's (collapse, close, details). */
const HARMLESS = '[data-harmless], summary';
const CONTROLS = 'button, a[href], input, select, textarea, label, [role="button"]';

export interface ClickGuard {
  /** The browser cannot tell the card whether it is seen: the content script must. */
  readonly needsReports: boolean;
  /** What the content script sees (only used where the browser cannot tell). */
  report(visible: boolean): void;
  /** Whether a click now would act. */
  armed(): boolean;
}

function supportsTrackVisibility(): boolean {
  return typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;
}

/**
 * Guard the clicks inside `root`. `onRefused` is told when a click was stopped; `onChange`
 * when the guard arms or disarms (tests and the card's look may follow it).
 */
export function guardClicks(
  root: HTMLElement,
  { onRefused, onChange, now = () => performance.now() }: { onRefused(): void; onChange?(armed: boolean): void; now?: () => number },
): ClickGuard {
  let visibleSince: number | null = null;
  let armTimer: ReturnType<typeof setTimeout> | null = null;
  const native = supportsTrackVisibility();

  const armed = () => visibleSince !== null && now() - visibleSince >= MIN_VISIBLE_MS;
  const setVisible = (visible: boolean) => {
    if (visible === (visibleSince !== null)) return;
    if (armTimer !== null) clearTimeout(armTimer);
    armTimer = null;
    visibleSince = visible ? now() : null;
    onChange?.(false);
    if (visible) armTimer = setTimeout(() => onChange?.(armed()), MIN_VISIBLE_MS + 20);
  };

  if (native) {
    const observer = new IntersectionObserver(
      (entries) => {
        const last = entries[entries.length - 1] as IntersectionObserverEntry & { isVisible?: boolean };
        if (last) setVisible(last.isVisible === true);
      },
      // trackVisibility and delay are IntersectionObserver v2 (not yet in TypeScript's DOM types).
      { threshold: [0, 1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    observer.observe(root);
  }

  const stop = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
    onRefused();
  };
  const doc = root.ownerDocument;
  doc.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target : null;
      const control = target?.closest(CONTROLS);
      if (!control || !root.contains(control) || control.closest(HARMLESS)) return;
      if (!armed()) stop(event);
    },
    true,
  );
  // Enter in a field submits its form without a click on a button.
  doc.addEventListener(
    'submit',
    (event) => {
      if (event.target instanceof Node && root.contains(event.target) && !armed()) stop(event);
    },
    true,
  );

  return {
    needsReports: !native,
    report: (visible) => {
      if (!native) setVisible(visible);
    },
    armed,
  };
}
