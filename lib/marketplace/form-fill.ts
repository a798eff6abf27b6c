/**
 * Fill a listing draft into a Sharetribe marketplace's new-listing form. The user reviews the
 * form and submits it: this module never clicks a button, never calls form.submit() or
 * requestSubmit(), and never dispatches a submit or key event.
 *
 * Pure apart from the document it is given (a content script passes `document`, tests a linkedom
 * document). Values are written through the element prototype's native `value` setter and then
 * announced with bubbling `input` and `change` events, so controlled inputs (React, Final Form)
 * take them as typed text; the draft's text is only ever a value, never markup.
 *
 * The field names, as the two Sharetribe front ends render them:
 *
 * Sharetribe Go (Rails; new-listing page /listings/new). sharetribe/sharetribe
 * app/views/listings/form/_form_content.haml renders `form_for @listing`, so Rails names the
 * fields `listing[…]` and ids them `listing_…`:
 * - _title.haml: `form.text_field(:title, class: "title_text_field", maxlength: "60")`
 *   → input#listing_title[name="listing[title]"];
 * - _description.haml: `form.text_area(:description, maxlength: "5000", class:
 *   "listing_description_textarea")` → textarea#listing_description[name="listing[description]"];
 * - _price.haml: `form.text_field :price, class: "price-field", maxlength: "10"` → input
 *   #listing_price[name="listing[price]"] (its own script also addresses "#listing_price");
 * - _images.haml: `%input#fileupload{type: "file", name: "listing_image[image]"}`, rendered by
 *   the page's image uploader from a template, which uploads the file on `change`.
 *
 * Sharetribe web template (React + Final Form; new-listing wizard /l/new). sharetribe/web-template
 * src/containers/EditListingPage/EditListingWizard/:
 * - EditListingDetailsPanel/EditListingDetailsForm.js: `FieldTextInput id={`${formId}title`}
 *   name="title"` and `… id={`${formId}description`} name="description" type="textarea"`; the
 *   test snapshot renders input#title[name=title] and textarea#description[name=description]
 *   (forks that pass a formId get e.g. "EditListingDetailsFormtitle", hence the id-suffix fallback);
 * - EditListingPricingPanel/EditListingPricingForm.js: `FieldCurrencyInput id={`${formId}price`}
 *   name="price"`; the snapshot renders input#price with NO name attribute (the currency input
 *   does not pass it on), so the id comes first;
 * - EditListingPhotosPanel/EditListingPhotosForm.js: `FieldAddImage id="addImage" name="addImage"
 *   accept="image/*" type="file"`, whose onChange uploads `e.target.files[0]`; the input is left
 *   out of the DOM while an upload is in progress.
 * The wizard shows one tab at a time (Details, then Pricing, then Photos): fields on the other
 * tabs are not in the DOM, so they are reported as missing and the caller fills again later.
 */

export interface FillDraft {
  title: string;
  description: string;
  price: number | null;
  image?: { name: string; type: 'image/png'; bytes: Uint8Array } | null;
}

export type Flavour = 'go' | 'web-template';

export type ListingField = 'title' | 'description' | 'price' | 'image';

export interface FillResult {
  /** Fields written, in form order. */
  filled: ListingField[];
  /** Fields of the draft that are not in the form yet (or could not be set). */
  missing: ListingField[];
  /** Plain language, for the user: what was filled, what is left and what to do. */
  message: string;
}

type Kind = 'text' | 'textarea' | 'file';

interface FieldSpec {
  kind: Kind;
  /** The front end's own selectors, confirmed in its source (see the comment at the top). */
  exact: readonly string[];
  /** Looser guesses for forks and older versions: only used on a page recognised as the form. */
  fallback: readonly string[];
  /** A <label> inside a form whose text names the field. */
  label: RegExp;
}

interface FlavourSpec {
  name: string;
  path: string;
  /** Wizard tab that holds each field (web template only). */
  tabs: Partial<Record<ListingField, string>>;
  fields: Record<ListingField, FieldSpec>;
}

const ORDER: readonly ListingField[] = ['title', 'description', 'price', 'image'];

const WORD: Record<ListingField, string> = { title: 'title', description: 'description', price: 'price', image: 'photo' };

const LABELS = {
  title: /\b(title|headline|listing name)\b/i,
  description: /\bdescription\b/i,
  price: /\bprice\b/i,
  image: /\b(photos?|images?|pictures?)\b/i,
} as const;

const FLAVOURS: Record<Flavour, FlavourSpec> = {
  go: {
    name: 'Sharetribe Go',
    path: '/listings/new',
    tabs: {},
    fields: {
      title: {
        kind: 'text',
        exact: ['input#listing_title', 'input[name="listing[title]"]'],
        fallback: ['form input.title_text_field', 'form input[name$="[title]"]'],
        label: LABELS.title,
      },
      description: {
        kind: 'textarea',
        exact: ['textarea#listing_description', 'textarea[name="listing[description]"]'],
        fallback: ['form textarea.listing_description_textarea', 'form textarea[name$="[description]"]'],
        label: LABELS.description,
      },
      price: {
        kind: 'text',
        exact: ['input#listing_price', 'input[name="listing[price]"]'],
        fallback: ['form input.price-field', 'form input[name$="[price]"]'],
        label: LABELS.price,
      },
      image: {
        kind: 'file',
        exact: ['input[type="file"][name="listing_image[image]"]', 'input#fileupload[type="file"]'],
        fallback: ['form input[type="file"][name^="listing_image"]', 'form input[type="file"][accept*="image"]', 'form input[type="file"]'],
        label: LABELS.image,
      },
    },
  },
  'web-template': {
    name: 'Sharetribe web template',
    path: '/l/new',
    tabs: { title: 'Details', description: 'Details', price: 'Pricing', image: 'Photos' },
    fields: {
      title: {
        kind: 'text',
        exact: ['input#title', 'input[name="title"]'],
        fallback: ['form input[id$="title"]'],
        label: LABELS.title,
      },
      description: {
        kind: 'textarea',
        exact: ['textarea#description', 'textarea[name="description"]'],
        fallback: ['form textarea[id$="description"]'],
        label: LABELS.description,
      },
      price: {
        kind: 'text',
        exact: ['input#price', 'input[name="price"]'],
        fallback: ['form input[id$="price"]'],
        label: LABELS.price,
      },
      image: {
        kind: 'file',
        exact: ['input#addImage[type="file"]', 'input[type="file"][name="addImage"]'],
        fallback: ['form input[type="file"][accept*="image"]', 'form input[type="file"]'],
        label: LABELS.image,
      },
    },
  },
};

type FieldElement = HTMLInputElement | HTMLTextAreaElement;

interface Found {
  el: FieldElement;
  exact: boolean;
}

/** Why a field of the draft was not filled. */
type Reason =
  | { kind: 'absent' }
  | { kind: 'disabled' }
  | { kind: 'no-file-api' }
  | { kind: 'file-rejected' }
  | { kind: 'too-long'; text: string };

/**
 * Fill what of the draft the page shows. Never submits. Title and description go in when they
 * are non-empty, the price (a plain number, no currency sign) when it is a usable amount, the
 * photo when given and the browser lets a script attach a file.
 */
export function fillListingForm(doc: Document, flavour: Flavour, draft: FillDraft): FillResult {
  const spec = FLAVOURS[flavour] ?? FLAVOURS['web-template'];
  const wanted = wantedValues(draft);

  const found = new Map<ListingField, Found>();
  for (const field of ORDER) {
    const f = findField(doc, spec.fields[field]);
    if (f) found.set(field, f);
  }
  // A page is the form when one of the front end's own fields is there, or at least two text
  // fields were found by the looser guesses (a stray file input alone does not make a form).
  const TEXT_FIELDS: readonly ListingField[] = ['title', 'description', 'price'];
  const recognised = [...found.values()].some((f) => f.exact) || TEXT_FIELDS.filter((k) => found.has(k)).length >= 2;
  const draftFields = ORDER.filter((f) => wanted[f] !== null);

  if (!recognised) {
    return {
      filled: [],
      missing: draftFields,
      message: `This page does not look like the new-listing page of a ${spec.name} marketplace (${spec.path}): no listing title, description, price or photo field was found. Nothing was filled.`,
    };
  }

  const filled: ListingField[] = [];
  const missing: ListingField[] = [];
  const reasons = new Map<ListingField, Reason>();
  const notes: string[] = [];

  for (const field of draftFields) {
    const target = found.get(field);
    if (!target) {
      missing.push(field);
      reasons.set(field, { kind: 'absent' });
      continue;
    }
    if (isDisabled(target.el)) {
      missing.push(field);
      reasons.set(field, { kind: 'disabled' });
      continue;
    }
    if (field === 'image') {
      const image = wanted.image!;
      const outcome = attachFile(doc, target.el as HTMLInputElement, image);
      if (outcome === 'ok') filled.push(field);
      else {
        missing.push(field);
        reasons.set(field, { kind: outcome });
      }
      continue;
    }
    const text = wanted[field]!;
    const limit = maxLength(target.el);
    if (limit !== null && codePoints(text) > limit) {
      if (field === 'price') {
        missing.push(field);
        reasons.set(field, { kind: 'too-long', text });
        continue;
      }
      setValue(target.el, shorten(text, limit));
      notes.push(`The ${WORD[field]} was shortened to ${limit} characters, the field's limit.`);
    } else {
      setValue(target.el, text);
    }
    filled.push(field);
  }

  if (draft?.price === null || draft?.price === undefined) notes.push('The draft has no price: enter one yourself.');
  else if (wanted.price === null) notes.push('The draft\'s price is not a usable amount: enter one yourself.');

  return { filled, missing, message: message(spec, filled, reasons, notes) };
}

// ---------------------------------------------------------------------------------------------
// What to write

interface Wanted {
  title: string | null;
  description: string | null;
  price: string | null;
  image: { name: string; type: string; bytes: Uint8Array } | null;
}

function wantedValues(draft: FillDraft): Wanted {
  const title = typeof draft?.title === 'string' ? draft.title.replace(/[\r\n]+/g, ' ').trim() : '';
  const description = typeof draft?.description === 'string' ? draft.description.replace(/\r\n?/g, '\n').trim() : '';
  const image = draft?.image;
  const usableImage =
    image && typeof image === 'object' && image.bytes instanceof Uint8Array && image.bytes.length > 0
      ? { name: typeof image.name === 'string' && image.name.trim() !== '' ? image.name.trim() : 'stats-card.png', type: image.type || 'image/png', bytes: image.bytes }
      : null;
  return {
    title: title === '' ? null : title,
    description: description === '' ? null : description,
    price: priceText(draft?.price),
    image: usableImage,
  };
}

/** A plain number: "150", "149.5" → "149.50"; null for anything that is not an amount. */
export function priceText(price: number | null | undefined): string | null {
  if (typeof price !== 'number' || !Number.isFinite(price) || price < 0 || price >= 1e15) return null;
  const cents = Math.round(price * 100);
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

function codePoints(text: string): number {
  return Array.from(text).length;
}

/** Cut to `limit` code points (never half an emoji), ending with "…". */
function shorten(text: string, limit: number): string {
  if (limit <= 1) return Array.from(text).slice(0, Math.max(0, limit)).join('');
  return `${Array.from(text)
    .slice(0, limit - 1)
    .join('')
    .trimEnd()}…`;
}

// ---------------------------------------------------------------------------------------------
// Finding the fields

function findField(doc: Document, spec: FieldSpec): Found | null {
  for (const selector of spec.exact) {
    const el = firstOfKind(doc, selector, spec.kind);
    if (el) return { el, exact: true };
  }
  for (const selector of spec.fallback) {
    const el = firstOfKind(doc, selector, spec.kind);
    if (el) return { el, exact: false };
  }
  const byLabel = byLabelText(doc, spec);
  return byLabel ? { el: byLabel, exact: false } : null;
}

function firstOfKind(doc: Document, selector: string, kind: Kind): FieldElement | null {
  let list: ArrayLike<Element>;
  try {
    list = doc.querySelectorAll(selector);
  } catch {
    return null;
  }
  for (let i = 0; i < list.length; i++) {
    const el = list[i]!;
    if (isKind(el, kind)) return el as FieldElement;
  }
  return null;
}

const TEXT_TYPES = new Set(['', 'text', 'number', 'tel', 'decimal']);

function isKind(el: Element, kind: Kind): boolean {
  const tag = el.tagName.toUpperCase();
  if (kind === 'textarea') return tag === 'TEXTAREA';
  if (tag !== 'INPUT') return false;
  const type = (el.getAttribute('type') ?? '').trim().toLowerCase();
  return kind === 'file' ? type === 'file' : TEXT_TYPES.has(type);
}

function byLabelText(doc: Document, spec: FieldSpec): FieldElement | null {
  let labels: ArrayLike<Element>;
  try {
    labels = doc.querySelectorAll('form label');
  } catch {
    return null;
  }
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (!spec.label.test(label.textContent ?? '')) continue;
    const forId = label.getAttribute('for');
    const control = forId ? doc.getElementById(forId) : label.querySelector('input, textarea');
    if (control && isKind(control, spec.kind) && control.closest('form')) return control as FieldElement;
  }
  return null;
}

function isDisabled(el: Element): boolean {
  return el.hasAttribute('disabled') || el.hasAttribute('readonly') || el.closest('fieldset[disabled]') !== null;
}

function maxLength(el: Element): number | null {
  const raw = el.getAttribute('maxlength');
  if (raw === null || !/^\s*\d+\s*$/.test(raw)) return null;
  const n = Number(raw);
  return n > 0 ? n : null;
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Set the value as typing would: through the prototype's native setter (React keeps its own
 * record of the value on the element; the prototype setter goes round it, so React sees a
 * change), then bubbling input and change events.
 */
function setValue(el: FieldElement, value: string): void {
  let proto: object | null = Object.getPrototypeOf(el);
  let set: ((v: string) => void) | undefined;
  while (proto && !set) {
    set = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
    proto = Object.getPrototypeOf(proto);
  }
  if (set) set.call(el, value);
  else el.value = value;
  fire(el, 'input');
  fire(el, 'change');
}

function fire(el: Element, type: 'input' | 'change'): void {
  // The document's own Event: an event from another realm is refused by some DOMs (linkedom).
  const EventCtor = el.ownerDocument?.defaultView?.Event ?? globalThis.Event;
  el.dispatchEvent(new EventCtor(type, { bubbles: true }));
}

/** Put the image into a file input, as choosing it would. */
function attachFile(doc: Document, input: HTMLInputElement, image: NonNullable<Wanted['image']>): 'ok' | 'no-file-api' | 'file-rejected' {
  const view = doc.defaultView;
  const DataTransferCtor = view?.DataTransfer ?? globalThis.DataTransfer;
  const FileCtor = view?.File ?? globalThis.File;
  if (typeof DataTransferCtor !== 'function' || typeof FileCtor !== 'function') return 'no-file-api';
  try {
    const bytes = new Uint8Array(image.bytes.length);
    bytes.set(image.bytes);
    const dt = new DataTransferCtor();
    dt.items.add(new FileCtor([bytes], image.name, { type: image.type }));
    input.files = dt.files;
    if (!input.files || input.files.length === 0) return 'file-rejected';
  } catch {
    return 'no-file-api';
  }
  fire(input, 'input');
  fire(input, 'change');
  return 'ok';
}

// ---------------------------------------------------------------------------------------------
// The message

function message(spec: FlavourSpec, filled: ListingField[], reasons: Map<ListingField, Reason>, notes: string[]): string {
  const parts: string[] = [];
  parts.push(filled.length > 0 ? `Filled ${list(filled.map((f) => WORD[f]))}.` : 'Nothing was filled on this page.');

  const absent = [...reasons].filter(([, r]) => r.kind === 'absent').map(([f]) => f);
  if (absent.length > 0) {
    const tabs = new Map<string, ListingField[]>();
    for (const f of absent) {
      const tab = spec.tabs[f];
      if (tab) tabs.set(tab, [...(tabs.get(tab) ?? []), f]);
      else parts.push(`No ${WORD[f]} field on this page: ${f === 'image' ? 'add the photo' : `enter the ${WORD[f]}`} yourself.`);
    }
    for (const [tab, fields] of tabs) {
      parts.push(`${capitalise(list(fields.map((f) => `the ${WORD[f]}`)))} ${fields.length === 1 ? 'is' : 'are'} on the ${tab} tab: fill again when that tab is open.`);
    }
  }
  for (const [field, reason] of reasons) {
    if (reason.kind === 'disabled') parts.push(`The ${WORD[field]} field is not editable right now: fill again once it is.`);
    if (reason.kind === 'too-long') parts.push(`The price ${reason.text} is longer than the price field allows: enter it yourself.`);
    if (reason.kind === 'no-file-api' || reason.kind === 'file-rejected') {
      parts.push('Add the photo yourself: this browser did not let the extension attach the file. Save the stats card and choose it in the photo field.');
    }
  }
  parts.push(...notes);
  parts.push('Check the form, then submit it yourself.');
  return parts.join(' ');
}

function list(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
