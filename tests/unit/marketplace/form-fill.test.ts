import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { fillListingForm, priceText, type FillDraft } from '../../../lib/marketplace/form-fill';
import { goNewListingPage, webTemplateNewListingPage } from '../../e2e/pages/marketplace';

function docOf(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

const DRAFT: FillDraft = {
  title: 'Instagram post by @cosy.kitchen.lab',
  description: 'One sponsored post.\nER 4.2 % over 12 posts.',
  price: 150,
};

const PNG = { name: 'stats-card.png', type: 'image/png' as const, bytes: new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]) };

/** Count input/change events per target id, and any submit or click, on the whole document. */
function watch(doc: Document) {
  const events: Record<string, string[]> = {};
  const alarms: string[] = [];
  for (const type of ['input', 'change']) {
    doc.addEventListener(type, (e) => {
      const id = (e.target as Element).getAttribute('id') ?? '?';
      (events[id] ??= []).push(e.type);
      expect(e.bubbles).toBe(true);
    });
  }
  for (const type of ['submit', 'click', 'keydown', 'keypress']) doc.addEventListener(type, () => alarms.push(type));
  for (const form of Array.from(doc.querySelectorAll('form'))) {
    form.addEventListener('submit', () => alarms.push('form submit'));
    form.submit = vi.fn(() => alarms.push('form.submit()'));
    form.requestSubmit = vi.fn(() => alarms.push('form.requestSubmit()'));
  }
  return { events, alarms };
}

const value = (doc: Document, selector: string) => (doc.querySelector(selector) as HTMLInputElement | HTMLTextAreaElement | null)?.value;

describe('fillListingForm on Sharetribe Go (/listings/new)', () => {
  it('fills title, description and price with input and change events, and submits nothing', () => {
    const doc = docOf(goNewListingPage());
    const { events, alarms } = watch(doc);
    const result = fillListingForm(doc, 'go', DRAFT);
    expect(result.filled).toEqual(['title', 'description', 'price']);
    expect(result.missing).toEqual([]);
    expect(value(doc, '[name="listing[title]"]')).toBe(DRAFT.title);
    expect(value(doc, '[name="listing[description]"]')).toBe(DRAFT.description);
    // Rails renders value="0"; the fill replaces it with a plain number, no currency sign.
    expect(value(doc, '[name="listing[price]"]')).toBe('150');
    expect(events).toEqual({
      listing_title: ['input', 'change'],
      listing_price: ['input', 'change'],
      listing_description: ['input', 'change'],
    });
    expect(alarms).toEqual([]);
    expect(result.message).toBe('Filled title, description and price. Check the form, then submit it yourself.');
  });

  it('reports the photo as missing where there is no DataTransfer (Node), and says to add it', () => {
    const doc = docOf(goNewListingPage());
    const { events, alarms } = watch(doc);
    const result = fillListingForm(doc, 'go', { ...DRAFT, image: PNG });
    expect(result.filled).toEqual(['title', 'description', 'price']);
    expect(result.missing).toEqual(['image']);
    expect(result.message).toMatch(/^Filled title, description and price\. Add the photo yourself: /);
    expect(events.fileupload).toBeUndefined();
    expect(alarms).toEqual([]);
  });

  it('attaches the photo through DataTransfer when the browser has it', () => {
    const { document, window } = parseHTML(goNewListingPage());
    const doc = document as unknown as Document;
    class FakeDataTransfer {
      private list: File[] = [];
      items = { add: (f: File) => this.list.push(f) };
      get files() {
        return this.list as unknown as FileList;
      }
    }
    Object.assign(window, { DataTransfer: FakeDataTransfer, File: globalThis.File });
    const { events, alarms } = watch(doc);
    const result = fillListingForm(doc, 'go', { ...DRAFT, image: PNG });
    expect(result.filled).toEqual(['title', 'description', 'price', 'image']);
    expect(result.missing).toEqual([]);
    const input = doc.querySelector('input[type="file"]') as HTMLInputElement;
    const files = input.files as unknown as File[];
    expect(files).toHaveLength(1);
    expect(files[0]!.name).toBe('stats-card.png');
    expect(files[0]!.type).toBe('image/png');
    expect(files[0]!.size).toBe(8);
    expect(events.fileupload).toEqual(['input', 'change']);
    expect(alarms).toEqual([]);
    expect(result.message).toBe('Filled title, description, price and photo. Check the form, then submit it yourself.');
  });

  it('cuts a title longer than the field allows and says so', () => {
    const doc = docOf(goNewListingPage());
    const result = fillListingForm(doc, 'go', { ...DRAFT, title: `${'x'.repeat(58)}🙂🙂🙂` });
    const title = value(doc, '#listing_title')!;
    expect(Array.from(title)).toHaveLength(60);
    expect(title.endsWith('🙂…')).toBe(true);
    expect(result.message).toContain("The title was shortened to 60 characters, the field's limit.");
  });
});

describe('fillListingForm on the Sharetribe web template (/l/new)', () => {
  it('fills the Details tab and says the price and photo are on later tabs', () => {
    const doc = docOf(webTemplateNewListingPage('details'));
    const { events, alarms } = watch(doc);
    const result = fillListingForm(doc, 'web-template', { ...DRAFT, image: PNG });
    expect(result.filled).toEqual(['title', 'description']);
    expect(result.missing).toEqual(['price', 'image']);
    expect(value(doc, 'input#title[name="title"]')).toBe(DRAFT.title);
    expect(value(doc, 'textarea#description[name="description"]')).toBe(DRAFT.description);
    expect(events).toEqual({ title: ['input', 'change'], description: ['input', 'change'] });
    expect(alarms).toEqual([]);
    expect(result.message).toContain('Filled title and description.');
    expect(result.message).toContain('The price is on the Pricing tab');
    expect(result.message).toContain('The photo is on the Photos tab');
  });

  it('fills the price on the Pricing tab, where the input has an id and no name', () => {
    const doc = docOf(webTemplateNewListingPage('pricing'));
    expect(doc.querySelector('input#price')?.hasAttribute('name')).toBe(false);
    const { events, alarms } = watch(doc);
    const result = fillListingForm(doc, 'web-template', { ...DRAFT, price: 149.5 });
    expect(result.filled).toEqual(['price']);
    expect(result.missing).toEqual(['title', 'description']);
    expect(value(doc, '#price')).toBe('149.50');
    expect(events).toEqual({ price: ['input', 'change'] });
    expect(alarms).toEqual([]);
  });

  it('writes through the prototype setter, round an instance setter (as React installs one)', () => {
    const doc = docOf(webTemplateNewListingPage('details'));
    const input = doc.getElementById('title') as HTMLInputElement;
    const proto = Object.getPrototypeOf(input) as object;
    const native = Object.getOwnPropertyDescriptor(proto, 'value')!;
    const instanceSets: string[] = [];
    Object.defineProperty(input, 'value', {
      configurable: true,
      get: () => native.get!.call(input) as string,
      set: (v: string) => {
        instanceSets.push(v);
        native.set!.call(input, v);
      },
    });
    fillListingForm(doc, 'web-template', DRAFT);
    expect(instanceSets).toEqual([]);
    expect(input.value).toBe(DRAFT.title);
  });

  it('finds fields of a fork by their labels once two of them are there', () => {
    const doc = docOf(`<main><form>
      <label for="f1">Listing title</label><input id="f1" name="listingTitle" type="text">
      <label for="f2">Description</label><textarea id="f2" name="body"></textarea>
      <label for="f3">Price</label><input id="f3" name="amount" type="text">
      <button type="submit">Save</button></form></main>`);
    const { alarms } = watch(doc);
    const result = fillListingForm(doc, 'web-template', DRAFT);
    expect(result.filled).toEqual(['title', 'description', 'price']);
    expect(value(doc, '#f1')).toBe(DRAFT.title);
    expect(value(doc, '#f2')).toBe(DRAFT.description);
    expect(value(doc, '#f3')).toBe('150');
    expect(alarms).toEqual([]);
  });

  it('reports a disabled field instead of writing into it', () => {
    const doc = docOf(webTemplateNewListingPage('details').replace('id="title"', 'id="title" disabled'));
    const result = fillListingForm(doc, 'web-template', DRAFT);
    expect(result.filled).toEqual(['description']);
    expect(result.missing).toContain('title');
    expect(value(doc, '#title')).toBe('');
    expect(result.message).toContain('The title field is not editable right now');
  });
});

describe('fillListingForm on other pages and drafts', () => {
  it('says a page without the form is not the new-listing page, and changes nothing', () => {
    const doc = docOf(`<html><body><h1>Creator Market</h1>
      <form role="search"><label for="q">Search</label><input id="q" name="keywords" type="text"></form>
      <form><label for="avatar">Profile picture</label><input id="avatar" type="file" accept="image/*"></form>
      <p>Welcome!</p></body></html>`);
    const { events, alarms } = watch(doc);
    for (const flavour of ['go', 'web-template'] as const) {
      const result = fillListingForm(doc, flavour, { ...DRAFT, image: PNG });
      expect(result.filled).toEqual([]);
      expect(result.missing).toEqual(['title', 'description', 'price', 'image']);
      expect(result.message).toContain('This page does not look like the new-listing page of a');
      expect(result.message).toContain(flavour === 'go' ? 'Sharetribe Go marketplace (/listings/new)' : 'Sharetribe web template marketplace (/l/new)');
    }
    expect(value(doc, '#q')).toBe('');
    expect(events).toEqual({});
    expect(alarms).toEqual([]);
  });

  it('sets hostile draft text as a value, never as markup', () => {
    const doc = docOf(webTemplateNewListingPage('details'));
    const before = doc.querySelectorAll('*').length;
    const hostile = {
      title: '<img src=x onerror="alert(1)">',
      description: '</textarea><script>document.body.dataset.pwned = 1</script><b>bold</b>',
      price: null,
    };
    const result = fillListingForm(doc, 'web-template', hostile);
    expect(result.filled).toEqual(['title', 'description']);
    expect(value(doc, '#title')).toBe(hostile.title);
    expect(value(doc, '#description')).toBe(hostile.description);
    expect(doc.querySelectorAll('img, b').length).toBe(0);
    expect(doc.querySelectorAll('script').length).toBe(1); // the page's own
    expect(doc.querySelectorAll('*').length).toBe(before);
    expect(doc.body.dataset.pwned).toBeUndefined();
  });

  it('leaves the price alone when the draft has none, and says to enter one', () => {
    const doc = docOf(goNewListingPage());
    const { events } = watch(doc);
    const result = fillListingForm(doc, 'go', { ...DRAFT, price: null });
    expect(result.filled).toEqual(['title', 'description']);
    expect(result.missing).toEqual([]);
    expect(value(doc, '#listing_price')).toBe('0');
    expect(events.listing_price).toBeUndefined();
    expect(result.message).toContain('The draft has no price: enter one yourself.');
    const bad = fillListingForm(docOf(goNewListingPage()), 'go', { ...DRAFT, price: Number.NaN });
    expect(bad.filled).not.toContain('price');
    expect(bad.message).toContain('not a usable amount');
  });

  it('skips empty text and does not throw on a malformed draft', () => {
    const doc = docOf(goNewListingPage());
    const junk = { title: 42, description: null, price: 'cheap', image: { name: 'x', type: 'image/png', bytes: 'nope' } } as unknown as FillDraft;
    const result = fillListingForm(doc, 'go', junk);
    expect(result.filled).toEqual([]);
    expect(result.message).not.toMatch(/undefined|NaN|null/);
  });
});

describe('priceText', () => {
  it('writes a plain number without a currency sign', () => {
    expect(priceText(150)).toBe('150');
    expect(priceText(149.5)).toBe('149.50');
    expect(priceText(0.1 + 0.2)).toBe('0.30');
    expect(priceText(21_500)).toBe('21500');
    for (const bad of [null, undefined, NaN, Infinity, -1, 1e16]) expect(priceText(bad)).toBeNull();
  });
});
