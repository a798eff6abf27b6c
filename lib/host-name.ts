/**
 * The rules for the marketplace's host name, the one part of the marketplace address that
 * decides which site the extension links to and asks a host permission for. Pure.
 *
 * Accepted: a real, public domain name as a browser writes it — at least two labels (so a dot),
 * each 1–63 letters, digits and hyphens (not at either end), at most 253 characters, ending in
 * a top-level domain of letters (`.com`, `.shop`, or an internationalised one in `xn--` form).
 * An internationalised name (`bücher.example`) is accepted as what it is, and always shown in
 * the form the browser uses (`xn--bcher-kva.example`), so that a look-alike cannot pass as the
 * name it imitates.
 *
 * Refused, each with a plain message:
 * - a wildcard (`*.com`): the extension would ask for every site of the domain;
 * - characters the browser silently turns into others: ideographic and full-width dots
 *   (`exa。mple.com` would open `exa.mple.com`), full-width letters, percent-escapes in the
 *   name, upper-case letters that change when lower-cased the Unicode way;
 * - IP addresses (`1.2.3.4`, `[::1]`, and their short forms such as `0x7f.1` or `2130706433`):
 *   a marketplace is a named site on the web, and an address in the local network must not get
 *   a host permission;
 * - `localhost` and names reserved for the local machine or network (`.local`, `.internal`,
 *   `.lan`, `.home.arpa`, …);
 * - a trailing dot (`example.com.` is a different origin from `example.com`);
 * - labels with other characters (`_`, spaces) or a broken `xn--` form.
 */

export type HostCheck = { ok: true; host: string; unicode: string } | { ok: false; message: string };

export const MAX_HOST_LENGTH = 253;
export const MAX_LABEL_LENGTH = 63;

/** Top-level names that never lead to a site on the web (RFC 6761, RFC 6762, RFC 8375, common LAN names). */
const LOCAL_SUFFIXES = ['localhost', 'localdomain', 'local', 'internal', 'intranet', 'lan', 'home.arpa', 'invalid'];

/** Characters that look like, or are read as, a full stop in a host name. */
const DOT_LOOKALIKES = /[\u3002\uff0e\uff61\u2024\ufe52\u0589\u06d4\u2e3c\u00b7\u30fb\uff65]/;

const EXAMPLE = 'e.g. https://www.reloquence.com';

// ---------------------------------------------------------------------------------------------
// Punycode (RFC 3492): only the decoding, to show and check what an `xn--` label stands for.

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const MAX_INT = 0x7fffffff;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digitOf(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 22; // 0-9 → 26-35
  if (code >= 0x61 && code <= 0x7a) return code - 0x61; // a-z → 0-25
  if (code >= 0x41 && code <= 0x5a) return code - 0x41; // A-Z → 0-25
  return BASE;
}

/** The Unicode text of a Punycode string (without its `xn--`), or null when it is not valid Punycode. */
export function decodePunycode(input: string): string | null {
  const output: number[] = [];
  const delimiter = input.lastIndexOf('-');
  const basic = delimiter < 0 ? 0 : delimiter;
  for (let j = 0; j < basic; j++) {
    const code = input.charCodeAt(j);
    if (code >= 0x80) return null;
    output.push(code);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let index = basic > 0 ? basic + 1 : 0; index < input.length; ) {
    const before = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (index >= input.length) return null;
      const digit = digitOf(input.charCodeAt(index++));
      if (digit >= BASE || digit > Math.floor((MAX_INT - i) / w)) return null;
      i += digit * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      if (w > Math.floor(MAX_INT / (BASE - t))) return null;
      w *= BASE - t;
    }
    const length = output.length + 1;
    bias = adapt(i - before, length, before === 0);
    if (Math.floor(i / length) > MAX_INT - n) return null;
    n += Math.floor(i / length);
    i %= length;
    if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return null;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}

/** The browser's (WHATWG URL) ASCII form of a host, or null when it cannot be a host at all. */
function browserHost(text: string): string | null {
  try {
    return new URL(`https://${text}/`).hostname;
  } catch {
    return null;
  }
}

/** A host name label as the browser writes it: LDH, and an `xn--` label that decodes to what encodes back to it. */
function labelProblem(label: string): 'empty' | 'long' | 'chars' | 'hyphen' | 'punycode' | null {
  if (label === '') return 'empty';
  if (label.length > MAX_LABEL_LENGTH) return 'long';
  if (!/^[a-z0-9-]+$/.test(label)) return 'chars';
  if (label.startsWith('-') || label.endsWith('-')) return 'hyphen';
  if (label.slice(2, 4) === '--') {
    if (!label.startsWith('xn--')) return 'hyphen';
    const decoded = decodePunycode(label.slice(4));
    // It must stand for some non-ASCII text that the browser encodes back to this very label
    // (no mapped characters, no dots or look-alikes hidden in it).
    if (decoded === null || decoded === '' || [...decoded].every((ch) => ch.charCodeAt(0) < 0x80)) return 'punycode';
    if (browserHost(`${decoded}.example`) !== `${label}.example`) return 'punycode';
  }
  return null;
}

function unicodeOf(host: string): string {
  return host
    .split('.')
    .map((label) => (label.startsWith('xn--') ? (decodePunycode(label.slice(4)) ?? label) : label))
    .join('.');
}

/**
 * What is wrong with a host as typed that is worth saying before the browser even reads it (a
 * wildcard, a dot look-alike, which the browser either refuses with no reason or turns into a
 * dot); null when nothing is.
 */
export function typedHostProblem(typed: string): string | null {
  if (typed.includes('*')) return `The address must not contain * (a wildcard). Enter the marketplace's own address, ${EXAMPLE}.`;
  if (DOT_LOOKALIKES.test(typed)) {
    return 'The address contains a dot that is not an ordinary full stop (such as 。 or ．). Type it again with ordinary dots (.).';
  }
  return null;
}

/**
 * Check a host as typed (`typed`, without scheme, port or path) against what the browser made
 * of it (`parsed`: `new URL(…).hostname`). `host` is the ASCII form to use and show; `unicode`
 * is what it stands for (the same for a plain ASCII name).
 */
export function checkHostName(typed: string, parsed: string): HostCheck {
  const early = typedHostProblem(typed) ?? typedHostProblem(parsed);
  if (early !== null) return { ok: false, message: early };
  if (parsed.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(parsed)) {
    return { ok: false, message: `Use the marketplace's domain name, ${EXAMPLE}, not an IP address.` };
  }
  if (parsed.endsWith('.')) return { ok: false, message: 'Remove the dot at the end of the address (write example.com, not example.com.).' };
  if (!parsed.includes('.')) return { ok: false, message: `The address needs a full domain name, ${EXAMPLE}.` };
  if (parsed.length > MAX_HOST_LENGTH) return { ok: false, message: `The domain name is too long: at most ${MAX_HOST_LENGTH} characters.` };
  const labels = parsed.split('.');
  for (const label of labels) {
    const problem = labelProblem(label);
    if (problem === 'empty') return { ok: false, message: 'The domain name has two dots in a row (..).' };
    if (problem === 'long') return { ok: false, message: `Each part of the domain name between dots must be at most ${MAX_LABEL_LENGTH} characters.` };
    if (problem === 'punycode') return { ok: false, message: `“${label}” is not a valid part of a domain name.` };
    if (problem !== null) {
      return { ok: false, message: 'The domain name may only contain letters, digits, dots and hyphens (not at the start or end of a part).' };
    }
  }
  const top = labels[labels.length - 1] ?? '';
  if (!/^[a-z]{2,63}$/.test(top) && !top.startsWith('xn--')) {
    return { ok: false, message: `The domain name must end with a real top-level domain such as .com or .org, ${EXAMPLE}.` };
  }
  const local = LOCAL_SUFFIXES.find((s) => parsed === s || parsed.endsWith(`.${s}`));
  if (local !== undefined) {
    return { ok: false, message: `Names ending in .${local} lead to this computer or a local network, not to a marketplace on the web.` };
  }
  // What was typed must be what the browser opens: the name itself, or (internationalised) the
  // text its xn-- form stands for. Anything the browser changed silently is refused.
  const unicode = unicodeOf(parsed);
  const asTyped = typed.normalize('NFC').toLowerCase();
  if (asTyped !== parsed && asTyped !== unicode) {
    return {
      ok: false,
      message: `The address contains characters that the browser changes into others (full-width letters, escapes such as %61…): it would open ${parsed}. Type the address with ordinary characters.`,
    };
  }
  return { ok: true, host: parsed, unicode };
}
