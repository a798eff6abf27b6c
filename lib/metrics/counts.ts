/**
 * Turning the counts platforms display ("1,234", "12.3K", "5.04m subscribers", "1,2 Mio.",
 * "along with 350,374 other people", 211389974) into numbers.
 *
 * Rules (the platforms never show anything else, so anything else is null rather than a guess):
 * - The FIRST number in the text is read; callers pass the relevant part of a longer label.
 * - Separators: space-like characters (space, NBSP, thin / narrow no-break space) and `'` only
 *   group thousands. When both `.` and `,` occur, the last one is the decimal mark. One kind
 *   occurring several times groups thousands ("1.234.567"). A single `.` or `,` is a decimal
 *   mark when an abbreviation follows ("12,3K", "1.2M"); without one it groups thousands when
 *   exactly three digits follow ("1.234" → 1234, German), and is otherwise a decimal that is
 *   rounded half up ("1.5" → 2, not exact). Thousands groups must have three digits, so dates
 *   and versions ("12.03.2024") are not counts.
 * - Abbreviations (k, M, B, thousand, million, Tsd., Mio., Mrd., mil, lakh, crore, 万, 億 …)
 *   multiply the value and make it inexact; the result is always rounded to a whole number.
 * - Not counts → null: no digits ("No views", "No likes" — the brief asks for null, not 0,
 *   because an absent number is unknown rather than zero), negative numbers, NaN/Infinity,
 *   more than 1e13, percentages, durations ("3 days ago"), and presence counts that are not
 *   totals ("6 waiting" before a premiere, "1.2K watching" on a live stream).
 */

export interface ParsedCount {
  value: number;
  /** False when the platform abbreviated the number ("46.3m") or a fraction was rounded away. */
  exact: boolean;
}

/** No platform count comes close; larger values are garbage (ids, timestamps in ms, …). */
export const MAX_COUNT = 1e13;

/**
 * Abbreviations and their multipliers. Each must end the word ("1 Beitrag", "1 minute" and
 * "83 subscribers" carry none), and longer forms come first within a pattern.
 */
const SUFFIXES: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:thousand|tausend|mille|tsd\.?|tys\.?|тыс\.?|mil|k)(?!\p{L})/iu, 1e3],
  [/^(?:millions?|millones?|milh(?:ões|ão)|milioni?|mio\.?|mln\.?|млн\.?|mn|mi|m)(?!\p{L})/iu, 1e6],
  [/^(?:billions?|milliards?|miliardi?|mrd\.?|млрд\.?|bn|bi|md|b)(?!\p{L})/iu, 1e9],
  [/^(?:lakhs?|lacs?)(?!\p{L})/iu, 1e5],
  [/^(?:crores?|cr)(?!\p{L})/iu, 1e7],
];

/** CJK units are followed by other CJK letters ("1.2万人"), so they need no word-boundary check. */
const CJK_SUFFIXES: Readonly<Record<string, number>> = {
  千: 1e3,
  천: 1e3,
  万: 1e4,
  萬: 1e4,
  만: 1e4,
  亿: 1e8,
  億: 1e8,
  억: 1e8,
};

/** Words after the number that show it is not a cumulative count. */
const NOT_A_COUNT =
  /^(?:%|waiting\b|watching\b|(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b|ago\b)/i;

/**
 * First number in the text: space-grouped thousands ("1 234 567") or digits joined by `.`, `,`
 * or `'`. The space-grouped form is tried first so "1 234" is one number, not "1".
 */
const NUMBER_TOKEN = /(\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,']\d+)*)/;

export function parseCountDetailed(text: string | number | null | undefined): ParsedCount | null {
  if (typeof text === 'number') return fromNumber(text);
  if (typeof text !== 'string') return null;
  const match = NUMBER_TOKEN.exec(text);
  if (!match || match[1] === undefined) return null;
  const token = match[1];
  if (isNegated(text, match.index)) return null;

  const rest = trimStart(text.slice(match.index + token.length));
  const suffix = readSuffix(rest);
  const multiplier = suffix?.multiplier ?? null;
  // "6 waiting", but also "1.2K watching": look past the abbreviation.
  if (NOT_A_COUNT.test(suffix ? trimStart(rest.slice(suffix.length)) : rest)) return null;

  const base = tokenValue(token, multiplier !== null);
  if (base === null) return null;
  const raw = multiplier === null ? base : base * multiplier;
  const value = Math.round(raw);
  if (!Number.isFinite(value) || value > MAX_COUNT) return null;
  return { value, exact: multiplier === null && value === raw };
}

/**
 * A count as a reader stored it: a finite number in 0…MAX_COUNT. Anything else (negative, NaN,
 * a string cast in by a buggy reader) is unknown rather than trusted.
 */
export function validCount(n: unknown): number | null {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= MAX_COUNT ? n : null;
}

export function parseCount(text: string | number | null | undefined): number | null {
  return parseCountDetailed(text)?.value ?? null;
}

/** The first exact candidate (a full count beats "46.3m"), else the first known one, else null. */
export function preferExact(...candidates: Array<ParsedCount | null | undefined>): ParsedCount | null {
  return candidates.find((c) => c?.exact) ?? candidates.find((c) => c != null) ?? null;
}

function fromNumber(n: number): ParsedCount | null {
  if (!Number.isFinite(n) || n < 0 || n > MAX_COUNT) return null;
  const value = Math.round(n);
  // Counts that went through floating point (e.g. 12.3 * 1000) are whole "enough".
  return { value, exact: Math.abs(n - value) < 1e-6 };
}

/** A minus sign right before the number ("-5", "− 12") means it is not a count. */
function isNegated(text: string, index: number): boolean {
  return /[-\u2212]\s?$/.test(text.slice(Math.max(0, index - 2), index));
}

function trimStart(text: string): string {
  return text.replace(/^[\s\u00a0\u2009\u202f]+/, '');
}

/** The abbreviation at the start of `rest` ("K", "Mio.", "万"), with its length. */
function readSuffix(rest: string): { multiplier: number; length: number } | null {
  const cjk = CJK_SUFFIXES[rest.charAt(0)];
  if (cjk !== undefined) return { multiplier: cjk, length: 1 };
  for (const [re, multiplier] of SUFFIXES) {
    const m = re.exec(rest);
    if (m) return { multiplier, length: m[0].length };
  }
  return null;
}

/** Numeric value of a token such as "1.234,5" or "12,3"; null when its grouping is invalid. */
function tokenValue(token: string, abbreviated: boolean): number | null {
  const plain = token.replace(/[ \u00a0\u2009\u202f']/g, '');
  // Grouped by spaces or apostrophes ("1 234,5", "1'234.5"): a remaining mark is the decimal one.
  if (plain !== token) return /^\d+(?:[.,]\d+)?$/.test(plain) ? Number(plain.replace(',', '.')) : null;
  const dots = count(plain, '.');
  const commas = count(plain, ',');
  if (dots === 0 && commas === 0) return Number(plain);
  if (dots > 0 && commas > 0) {
    const decimalMark = plain.lastIndexOf('.') > plain.lastIndexOf(',') ? '.' : ',';
    const [intPart = '', fraction = ''] = splitLast(plain, decimalMark);
    const grouped = groupedInteger(intPart, decimalMark === '.' ? ',' : '.');
    return grouped === null ? null : Number(`${grouped}.${fraction}`);
  }
  const mark = dots > 0 ? '.' : ',';
  if (dots + commas > 1) {
    const grouped = groupedInteger(plain, mark);
    return grouped === null ? null : Number(grouped);
  }
  const [intPart = '', fraction = ''] = splitLast(plain, mark);
  if (!abbreviated && fraction.length === 3 && intPart.length <= 3) return Number(intPart + fraction);
  return Number(`${intPart}.${fraction}`);
}

/** "1.234.567" with the given separator → "1234567"; null unless every later group has 3 digits. */
function groupedInteger(text: string, separator: string): string | null {
  const groups = text.split(separator);
  const [first = '', ...others] = groups;
  if (first.length === 0 || (others.length > 0 && first.length > 3)) return null;
  return others.every((g) => g.length === 3) ? groups.join('') : null;
}

function splitLast(text: string, mark: string): [string, string] {
  const i = text.lastIndexOf(mark);
  return [text.slice(0, i), text.slice(i + 1)];
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}
