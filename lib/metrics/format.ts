/**
 * Display helpers. One fixed locale (en-US) so the same number always reads the same in the
 * overlay, the popup and exported reports. Unknown (null, NaN, negative where a count is meant)
 * always renders as an em dash, never as "0".
 */

export const UNKNOWN_TEXT = '—';

/**
 * en-US numbers are written here without Intl for the shapes every view uses (grouped digits,
 * fixed decimals, $ € £ amounts). Making an Intl.NumberFormat is slow — the first few on a page
 * cost a content script 15–19 ms of the page's main thread while it loads — and writing digits
 * is not. The result is Intl's to the character (tests/unit/metrics/format.test.ts compares them
 * over random values): the number's shortest decimal form, rounded half away from zero, as ICU
 * does. Anything else (exponent forms, other currencies) goes to Intl, made once per options.
 */
const formatters = new Map<string, Intl.NumberFormat>();
function intlFormat(n: number, options: Intl.NumberFormatOptions): string {
  const key = JSON.stringify(options);
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.NumberFormat('en-US', options);
    // A handful of currencies and digit counts in practice; never an unbounded cache.
    if (formatters.size >= 64) formatters.clear();
    formatters.set(key, made);
  }
  return made.format(n);
}

const SYMBOLS: Readonly<Record<string, string>> = { USD: '$', EUR: '€', GBP: '£' };

/** `n` with `min` to `max` decimals and grouped thousands, as Intl's en-US writes it; null for an exponent form. */
function writeDecimal(n: number, min: number, max: number, symbol = ''): string | null {
  const shortest = String(Math.abs(n));
  if (!/^\d+(?:\.\d+)?$/.test(shortest)) return null;
  const dot = shortest.indexOf('.');
  let int = dot < 0 ? shortest : shortest.slice(0, dot);
  let frac = dot < 0 ? '' : shortest.slice(dot + 1);
  if (frac.length > max) {
    const up = frac.charCodeAt(max) >= 53; // the first digit dropped is 5 or more: half away from zero
    const digits = (int + frac.slice(0, max)).split('');
    if (up) {
      let i = digits.length - 1;
      for (; i >= 0 && digits[i] === '9'; i--) digits[i] = '0';
      if (i < 0) digits.unshift('1');
      else digits[i] = String(Number(digits[i]) + 1);
    }
    int = digits.slice(0, digits.length - max).join('');
    frac = digits.slice(digits.length - max).join('');
  }
  frac = frac.replace(/0+$/, '');
  if (frac.length < min) frac = frac.padEnd(min, '0');
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${n < 0 || Object.is(n, -0) ? '-' : ''}${symbol}${grouped}${frac ? `.${frac}` : ''}`;
}

function fixed(n: number, min: number, max: number): string {
  return writeDecimal(n, min, max) ?? intlFormat(n, { minimumFractionDigits: min, maximumFractionDigits: max });
}

/** Money as Intl's en-US currency style writes it; throws Intl's RangeError for a malformed code. */
function currencyText(n: number, currency: string, min: number, max: number): string {
  const symbol = SYMBOLS[currency];
  return (symbol !== undefined ? writeDecimal(n, min, max, symbol) : null) ?? intlFormat(n, { style: 'currency', currency, minimumFractionDigits: min, maximumFractionDigits: max });
}

/** Whole, with thousands grouped: "1,234". */
function grouped(n: number): string {
  return fixed(n, 0, 0);
}

const UNITS: ReadonlyArray<readonly [number, string]> = [
  [1e3, 'K'],
  [1e6, 'M'],
  [1e9, 'B'],
];

function isCount(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0;
}

/**
 * A count at a glance: exact with separators under 10,000 ("1,234"), above that three
 * significant digits with K/M/B ("12.3K", "123K", "46.4M"), rounded half up and without
 * trailing zeros ("12K"). We round rather than truncate like the platforms do ("1,048,129" →
 * our "1.05M", YouTube's "1M") because our figures are averages, not the platform's own labels.
 */
export function formatCount(n: number | null): string {
  if (!isCount(n)) return UNKNOWN_TEXT;
  return n < 10_000 ? grouped(Math.round(n)) : formatCompact(n);
}

/** Always abbreviated from 1,000 up ("5K", "1.5M", "46.4M"): tier bands and other round figures. */
export function formatCompact(n: number | null): string {
  if (!isCount(n)) return UNKNOWN_TEXT;
  if (Math.round(n) < 1000) return String(Math.round(n));
  for (const [size, unit] of UNITS) {
    const scaled = roundSignificant(n / size, 3);
    // 999,950 rounds to 1000K: the next unit up reads "1M".
    if (scaled < 1000 || unit === 'B') return `${scaled}${unit}`;
  }
  return UNKNOWN_TEXT; // unreachable: the last unit always returns
}

/** Every digit: "46,383,825". */
export function formatExact(n: number | null): string {
  return isCount(n) ? grouped(Math.round(n)) : UNKNOWN_TEXT;
}

/** "4.2 %" (space before the sign, as in the product copy); "—" when unknown. */
export function formatPercent(p: number | null, digits = 1): string {
  if (typeof p !== 'number' || !Number.isFinite(p)) return UNKNOWN_TEXT;
  const d = Number.isFinite(digits) ? Math.min(6, Math.max(0, Math.round(digits))) : 1;
  const text = fixed(p, d, d);
  // -0.04 shown at 1 digit is "-0.0"; a rate cannot be negative zero.
  return `${/^-0(\.0*)?$/.test(text) ? text.slice(1) : text} %`;
}

/** Whole money amounts: "$150", "$21,500", "€150". An unknown currency code shows as "XYZ 150". */
export function formatMoney(n: number | null, currency = 'USD'): string {
  if (!isCount(n)) return UNKNOWN_TEXT;
  try {
    return currencyText(n, currency, 0, 0);
  } catch {
    // Intl throws a RangeError for a malformed code typed into a user scheme; never throw here.
    return `${currency} ${grouped(Math.round(n))}`;
  }
}

/** "$135–$165"; a single amount when both ends round to the same; "—" when either is unknown. */
export function formatRange(lo: number | null, hi: number | null, currency = 'USD'): string {
  if (!isCount(lo) || !isCount(hi)) return UNKNOWN_TEXT;
  const [a, b] = lo <= hi ? [lo, hi] : [hi, lo];
  const low = formatMoney(a, currency);
  const high = formatMoney(b, currency);
  return low === high ? low : `${low}–${high}`;
}

/** A plain number with at most one decimal and no trailing zero: 2.4 → "2.4", 4 → "4". */
export function formatDecimal(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return UNKNOWN_TEXT;
  return fixed(n, 0, digits);
}

function roundSignificant(n: number, digits: number): number {
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(n)));
  const factor = 10 ** decimals;
  return Math.round(n * factor) / factor;
}

/** A cost per engagement: cents matter here ("$0.04"), unlike for a price per post. */
export function formatCost(n: number | null, currency = 'USD'): string {
  if (n === null || !Number.isFinite(n)) return UNKNOWN_TEXT;
  try {
    return currencyText(n, currency, 2, Math.abs(n) < 0.1 ? 3 : 2);
  } catch {
    return `${currency} ${n.toFixed(2)}`;
  }
}

/**
 * A count with its noun, singular or plural as the count asks: "1 creator", "0 creators",
 * "10,000 creators". `many` defaults to `one` + "s" ("entry" needs "entries").
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  const shown = Number.isFinite(n) ? grouped(n) : String(n);
  return `${shown} ${n === 1 ? one : many}`;
}

/** An amount typed by a person: "$1,200", "1 200", "1200 €" → 1200; "" → null; anything else → undefined. */
export function parseAmountText(text: string): number | null | undefined {
  const cleaned = text.replace(/[\s\u00a0\u202f,]/g, '').replace(/^(?:[$€£¥₹]|[A-Za-z]{3})|(?:[$€£¥₹]|[A-Za-z]{3})$/g, '');
  if (cleaned === '') return null;
  if (!/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(cleaned)) return undefined;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : undefined;
}
