/**
 * Made-up Sharetribe marketplace pages for the listing tests: a Sharetribe Go new-listing form
 * (a plain Rails form), a Sharetribe web-template new-listing wizard (an inline script imitating
 * React controlled inputs), a listing page and a search page. Every name, id and figure here is
 * invented; the field names and ids are the ones the two front ends render (see
 * lib/marketplace/form-fill.ts for where each was confirmed).
 *
 * The wizard page keeps its values in a state object that only `input` events (and `change` on
 * the file input) update, and writes the state back into the fields on every event, as React
 * does: a fill that sets `.value` without events is lost at the next event. Both forms record a
 * submission in `document.body.dataset.submitted = 'yes'` instead of leaving the page, so a test
 * can assert nothing was submitted.
 */
import type { Page } from '@playwright/test';
import { registerDemoServer, type Served } from './site';

export const GO_ORIGIN = 'https://go-market.example';
export const WEB_TEMPLATE_ORIGIN = 'https://creator-market.example';

export interface DemoListing {
  id: string;
  slug: string;
  title: string;
  price: number;
}

/** Listings the search and listing pages show (web-template listing ids are UUIDs). */
export const LISTINGS: readonly DemoListing[] = [
  { id: '6650a0c1-1b2c-4d3e-8f90-0a1b2c3d4e5f', slug: 'instagram-post-cosy-kitchen-lab', title: 'Instagram post by @cosy.kitchen.lab', price: 150 },
  { id: '6650a0c1-1b2c-4d3e-8f90-0a1b2c3d4e60', slug: 'tiktok-video-trail-notes', title: 'TikTok video by @trail.notes', price: 300 },
  { id: '6650a0c1-1b2c-4d3e-8f90-0a1b2c3d4e61', slug: 'youtube-mention-quiet-studio', title: 'YouTube mention by @quiet.studio', price: 50 },
];

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const STYLE = `<style>
  * { box-sizing: border-box; }
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1f2328; background: #f6f7f9; }
  header { background: #fff; border-bottom: 1px solid #e3e6ea; padding: 12px 24px; font-weight: 700; }
  main { max-width: 720px; margin: 24px auto; background: #fff; border: 1px solid #e3e6ea; border-radius: 8px; padding: 24px; }
  label { display: block; font-weight: 600; margin: 16px 0 4px; }
  input[type=text], textarea { width: 100%; padding: 8px; border: 1px solid #c9ced6; border-radius: 4px; font: inherit; }
  textarea { min-height: 120px; }
  .tabs { display: flex; gap: 8px; margin-bottom: 16px; }
  .tabs button[aria-current] { font-weight: 700; text-decoration: underline; }
  .submit, .send_button { margin-top: 20px; padding: 10px 18px; background: #2d6cdf; color: #fff; border: 0; border-radius: 4px; font-weight: 700; }
  .card { display: block; padding: 12px 0; border-bottom: 1px solid #e3e6ea; color: inherit; }
</style>`;

function shell(title: string, site: string, body: string, script = ''): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
${STYLE}
</head>
<body>
<header>${esc(site)}</header>
${body}
${script}
</body>
</html>`;
}

// ---------------------------------------------------------------------------------------------
// Sharetribe Go: the Rails form of /listings/new

/**
 * The new-listing form as Sharetribe Go's `form_for @listing` renders it: `listing[title]`,
 * `listing[price]`, `listing[description]`, and the image uploader's file input
 * `listing_image[image]` (inside a div that carries the same id, as Go's template has it).
 */
export function goNewListingPage(): string {
  const body = `<main>
<h1>Post a new listing</h1>
<form class="new_listing" id="new_listing" enctype="multipart/form-data" action="/listings" accept-charset="UTF-8" method="post">
  <input name="utf8" type="hidden" value="&#x2713;">
  <input type="hidden" name="authenticity_token" value="demo-token-not-a-secret">
  <label class="input" for="listing_title">Listing title*</label>
  <input class="title_text_field" maxlength="60" type="text" name="listing[title]" id="listing_title">
  <div class="price-container">
    <label for="listing_price">Price</label>
    <input class="price-field" maxlength="10" placeholder="0" value="0" type="text" name="listing[price]" id="listing_price">
    <select name="listing[currency]" id="listing_currency"><option value="USD" selected>USD</option></select>
    <span class="quantity-description">per</span>
    <select name="listing[unit]"><option value="post">post</option><option value="video">video</option></select>
  </div>
  <label class="input" for="listing_description">Detailed description</label>
  <textarea maxlength="5000" class="listing_description_textarea" name="listing[description]" id="listing_description"></textarea>
  <label class="input" for="listing_image">Image</label>
  <input type="hidden" id="listing-image-id" name="listing_image[id]">
  <div class="listing-images" id="image-uploader-container">
    <div class="fileinput-button upload-image-placeholder" id="fileupload">
      <div class="fileupload-text">Select file</div>
      <input id="fileupload" type="file" name="listing_image[image]">
    </div>
  </div>
  <input type="hidden" name="listing[category]" value="sponsored-content">
  <button class="send_button" type="submit" name="button">Post listing</button>
  <input type="hidden" name="listing_ordered_images" id="listing_ordered_images">
</form>
</main>`;
  const script = `<script>
(() => {
  const form = document.getElementById('new_listing');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    document.body.dataset.submitted = 'yes';
  });
  const file = form.querySelector('input[type=file]');
  file.addEventListener('change', () => {
    document.getElementById('listing-image-id').value = file.files && file.files.length ? 'uploaded-' + file.files[0].name : '';
  });
})();
</script>`;
  return shell('Post a new listing - Go Market', 'Go Market', body, script);
}

// ---------------------------------------------------------------------------------------------
// Sharetribe web template: the /l/new wizard

export type WizardTab = 'details' | 'pricing' | 'photos';

/**
 * The web template's new-listing wizard: tabs Details (input#title[name=title],
 * textarea#description[name=description]), Pricing (input#price, no name attribute, as the
 * template's currency input renders it) and Photos (input#addImage[type=file]). Only the open
 * tab's fields are in the DOM. The first tab is in the HTML (server-rendered); the script then
 * takes the form over like a React app with controlled inputs.
 */
export function webTemplateNewListingPage(tab: WizardTab = 'details'): string {
  const body = `<main id="app">
<h1>New listing</h1>
<nav class="tabs" aria-label="Listing wizard">
  <button type="button" data-tab="details"${tab === 'details' ? ' aria-current="step"' : ''}>Details</button>
  <button type="button" data-tab="pricing"${tab === 'pricing' ? ' aria-current="step"' : ''}>Pricing</button>
  <button type="button" data-tab="photos"${tab === 'photos' ? ' aria-current="step"' : ''}>Photos</button>
</nav>
<form id="EditListingWizardForm" action="/" method="post">${panelHtml(tab)}</form>
</main>`;
  return shell('New listing | Creator Market', 'Creator Market', body, `<script>${WIZARD_SCRIPT.replace('__TAB__', JSON.stringify(tab))}</script>`);
}

/** The server-rendered panel: the same markup the script renders, so nothing jumps on load. */
function panelHtml(tab: WizardTab): string {
  if (tab === 'pricing') {
    return `
  <div class="field"><label for="price">Price per post</label><input id="price" type="text" placeholder="Add a price…" value=""></div>
  <button type="submit" class="submit">Next</button>`;
  }
  if (tab === 'photos') {
    return `
  <div class="field"><label for="addImage">+ Add a photo</label><input accept="image/*" id="addImage" name="addImage" type="file"></div>
  <ul id="images"></ul>
  <button type="submit" class="submit">Publish listing</button>`;
  }
  return `
  <div class="field"><label for="title">Listing title</label><input id="title" name="title" type="text" maxlength="60" placeholder="What are you offering?" value=""></div>
  <div class="field"><label for="description">Description</label><textarea id="description" name="description" maxlength="5000" placeholder="Describe your offer"></textarea></div>
  <button type="submit" class="submit">Next</button>`;
}

/**
 * The wizard's "React": values live in `state` (exposed as window.__listingState for readForm);
 * an `input` event copies the target's value into state, and after every event each field's
 * value is written back from state. Panels are built with createElement, so page text is never
 * parsed as markup.
 */
const WIZARD_SCRIPT = `
(() => {
  const state = { tab: __TAB__, title: '', description: '', price: '', images: [] };
  window.__listingState = state;
  const form = document.getElementById('EditListingWizardForm');
  const KEYS = { title: 'title', description: 'description', price: 'price' };

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text) node.textContent = text;
    return node;
  }
  function field(label, control) {
    const div = el('div', { class: 'field' });
    div.append(el('label', { for: control.id }, label), control);
    return div;
  }
  function buildPanel() {
    form.replaceChildren();
    if (state.tab === 'details') {
      form.append(
        field('Listing title', el('input', { id: 'title', name: 'title', type: 'text', maxlength: '60', placeholder: 'What are you offering?' })),
        field('Description', el('textarea', { id: 'description', name: 'description', maxlength: '5000', placeholder: 'Describe your offer' })),
      );
    } else if (state.tab === 'pricing') {
      form.append(field('Price per post', el('input', { id: 'price', type: 'text', placeholder: 'Add a price…' })));
    } else {
      form.append(field('+ Add a photo', el('input', { accept: 'image/*', id: 'addImage', name: 'addImage', type: 'file' })), el('ul', { id: 'images' }));
    }
    const submit = el('button', { type: 'submit', class: 'submit' }, state.tab === 'photos' ? 'Publish listing' : 'Next');
    submit.addEventListener('click', () => {
      document.body.dataset.submitted = 'yes';
    });
    form.append(submit);
    for (const b of document.querySelectorAll('.tabs button')) {
      if (b.dataset.tab === state.tab) b.setAttribute('aria-current', 'step');
      else b.removeAttribute('aria-current');
    }
    render();
  }
  /** Write state back into the fields, as a re-render of controlled inputs does. */
  function render() {
    for (const key of Object.keys(KEYS)) {
      const node = document.getElementById(key);
      if (node && node.value !== state[key]) node.value = state[key];
    }
    const list = document.getElementById('images');
    if (list) list.replaceChildren(...state.images.map((name) => el('li', {}, name)));
  }

  document.addEventListener('input', (e) => {
    const t = e.target;
    if (t && t.id in KEYS && form.contains(t)) state[t.id] = t.value;
    render();
  }, true);
  document.addEventListener('change', (e) => {
    const t = e.target;
    if (t && t.id === 'addImage' && t.files) {
      for (const f of t.files) state.images.push(f.name);
    }
    render();
  }, true);
  for (const type of ['focusin', 'focusout', 'click', 'keyup']) document.addEventListener(type, render, true);

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    document.body.dataset.submitted = 'yes';
  });
  for (const b of document.querySelectorAll('.tabs button')) {
    b.addEventListener('click', () => {
      state.tab = b.dataset.tab;
      buildPanel();
    });
  }
  buildPanel();
})();
`;

// ---------------------------------------------------------------------------------------------
// Listing and search pages

export function listingPage(id: string, title: string): string {
  const listing = LISTINGS.find((l) => l.id === id);
  const price = listing ? `$${listing.price}` : 'Price on request';
  const body = `<main>
<article class="listing" data-listing-id="${esc(id)}">
  <h1 id="listing-title">${esc(title)}</h1>
  <p class="price">${esc(price)} <span>per post</span></p>
  <p class="author">Sold by a creator on Creator Market</p>
  <button type="button" class="submit">Request to buy</button>
</article>
</main>`;
  return shell(`${title} | Creator Market`, 'Creator Market', body);
}

export function searchPage(query: string): string {
  const q = query.trim().toLowerCase();
  const hits = LISTINGS.filter((l) => q === '' || l.title.toLowerCase().includes(q));
  const cards = hits
    .map((l) => `<a class="card" href="/l/${esc(l.slug)}/${esc(l.id)}"><strong>${esc(l.title)}</strong> · $${l.price} per post</a>`)
    .join('\n');
  const body = `<main>
<form role="search" action="/s" method="get"><label for="keywords">Search</label><input id="keywords" name="keywords" type="text" value="${esc(query)}"></form>
<h1>${hits.length} result${hits.length === 1 ? '' : 's'} for “${esc(query)}”</h1>
<div id="results">${cards || '<p>No listings match.</p>'}</div>
</main>`;
  return shell(`Search: ${query} | Creator Market`, 'Creator Market', body);
}

// ---------------------------------------------------------------------------------------------
// The demo server

const html = (body: string): Served => ({ status: 200, contentType: 'text/html; charset=utf-8', body });

/** The response for a URL of the two demo marketplaces, or null when they have no such page. */
export function serveMarketplace(url: string): Served | null {
  const u = new URL(url);
  if (u.pathname === '/favicon.ico' && (u.origin === GO_ORIGIN || u.origin === WEB_TEMPLATE_ORIGIN)) {
    return { status: 404, contentType: 'text/plain', body: '' };
  }
  if (u.origin === GO_ORIGIN) {
    if (/^\/(?:[a-z]{2}\/)?listings\/new$/.test(u.pathname)) return html(goNewListingPage());
    const m = /^\/(?:[a-z]{2}\/)?listings\/([^/]+)$/.exec(u.pathname);
    const listing = LISTINGS.find((l) => m && m[1] === `${l.id}-${l.slug}`);
    if (listing) return html(listingPage(listing.id, listing.title));
    if (u.pathname === '/') return html(searchPage(u.searchParams.get('q') ?? ''));
    return null;
  }
  if (u.origin === WEB_TEMPLATE_ORIGIN) {
    if (u.pathname === '/l/new') return html(webTemplateNewListingPage());
    if (u.pathname === '/s') return html(searchPage(u.searchParams.get('keywords') ?? ''));
    const m = /^\/l\/([^/]+)\/([0-9a-f-]{36})$/.exec(u.pathname);
    const listing = LISTINGS.find((l) => m && l.id === m[2]);
    if (listing) return html(listingPage(listing.id, listing.title));
    return null;
  }
  return null;
}

registerDemoServer(serveMarketplace);

// ---------------------------------------------------------------------------------------------
// Reading the form back

export interface ListingFormState {
  title: string;
  description: string;
  price: string;
  /** File names the form holds (Go: the file input; wizard: the photos it took). */
  images: string[];
  submitted: boolean;
  /** The wizard's open tab; null on the Go form. */
  tab: WizardTab | null;
}

/**
 * What the form holds now. On the wizard that is its state (what React would submit), not the
 * fields' `.value`, so a fill that skipped the events shows as empty.
 */
export async function readForm(page: Page): Promise<ListingFormState> {
  return page.evaluate(() => {
    type WizardState = { tab: 'details' | 'pricing' | 'photos'; title: string; description: string; price: string; images: string[] };
    const state = (window as unknown as { __listingState?: WizardState }).__listingState;
    const submitted = document.body.dataset.submitted === 'yes';
    if (state) {
      return { title: state.title, description: state.description, price: state.price, images: [...state.images], submitted, tab: state.tab };
    }
    // No named helpers in here: tsx (the demo scripts) would wrap them in its __name(), which
    // does not exist in the page.
    const [title, description, price] = ['#listing_title', '#listing_description', '#listing_price'].map(
      (selector) => document.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)?.value ?? '',
    );
    const file = document.querySelector<HTMLInputElement>('input[type="file"][name="listing_image[image]"]');
    return {
      title: title ?? '',
      description: description ?? '',
      price: price ?? '',
      images: Array.from(file?.files ?? [], (f) => f.name),
      submitted,
      tab: null,
    };
  });
}
