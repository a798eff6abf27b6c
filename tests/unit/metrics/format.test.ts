import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatCompact,
  formatCost,
  formatCount,
  formatDecimal,
  formatExact,
  formatMoney,
  formatPercent,
  formatRange,
  UNKNOWN_TEXT, parseAmountText, plural } from '../../../lib/metrics/format';

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1_234, '1,234'],
    [9_999, '9,999'],
    [10_000, '10K'],
    [12_345, '12.3K'],
    [123_456, '123K'],
    [999_950, '1M'],
    [1_048_129, '1.05M'],
    [46_383_825, '46.4M'],
    [1_500_000_000, '1.5B'],
  ])('%d → %s', (n, text) => {
    expect(formatCount(n)).toBe(text);
  });

  it('shows unknown as a dash, never 0', () => {
    for (const n of [null, NaN, -1, Infinity]) expect(formatCount(n)).toBe(UNKNOWN_TEXT);
    expect(UNKNOWN_TEXT).toBe('—');
  });
});

describe('formatCompact', () => {
  it('abbreviates from 1,000 up', () => {
    expect(formatCompact(5_000)).toBe('5K');
    expect(formatCompact(999.6)).toBe('1K');
    expect(formatCompact(1_500_000)).toBe('1.5M');
    expect(formatCompact(999)).toBe('999');
    expect(formatCompact(null)).toBe('—');
  });
});

describe('formatExact', () => {
  it('groups every digit', () => {
    expect(formatExact(46_383_825)).toBe('46,383,825');
    expect(formatExact(12.6)).toBe('13');
    expect(formatExact(null)).toBe('—');
  });
});

describe('formatPercent', () => {
  it('formats with a space before the sign', () => {
    expect(formatPercent(4.2)).toBe('4.2 %');
    expect(formatPercent(4)).toBe('4.0 %');
    expect(formatPercent(0.0345, 2)).toBe('0.03 %');
    expect(formatPercent(12.5, 0)).toBe('13 %');
    expect(formatPercent(1234.56)).toBe('1,234.6 %');
  });

  it('never shows negative zero and dashes unknown', () => {
    expect(formatPercent(-0.01)).toBe('0.0 %');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(NaN)).toBe('—');
  });
});

describe('formatMoney / formatRange', () => {
  it('formats whole amounts', () => {
    expect(formatMoney(150)).toBe('$150');
    expect(formatMoney(21_500)).toBe('$21,500');
    expect(formatMoney(150, 'EUR')).toBe('€150');
    expect(formatMoney(149.6)).toBe('$150');
    expect(formatMoney(null)).toBe('—');
  });

  it('does not throw on a malformed currency code', () => {
    expect(formatMoney(150, 'dollars')).toBe('dollars 150');
  });

  it('formats ranges', () => {
    expect(formatRange(135, 165)).toBe('$135–$165');
    expect(formatRange(165, 135)).toBe('$135–$165');
    expect(formatRange(150, 150)).toBe('$150');
    expect(formatRange(900, 1_100, 'EUR')).toBe('€900–€1,100');
    expect(formatRange(null, 5)).toBe('—');
  });
});

describe('formatDecimal', () => {
  it('drops trailing zeros', () => {
    expect(formatDecimal(4)).toBe('4');
    expect(formatDecimal(2.4)).toBe('2.4');
    expect(formatDecimal(2.37)).toBe('2.4');
    expect(formatDecimal(NaN)).toBe('—');
  });
});

describe('plural', () => {
  it('says "1 creator" and "2 creators", with the count grouped', () => {
    expect(plural(1, 'creator')).toBe('1 creator');
    expect(plural(0, 'creator')).toBe('0 creators');
    expect(plural(2, 'creator')).toBe('2 creators');
    expect(plural(10_000, 'creator')).toBe('10,000 creators');
    expect(plural(1, 'entry', 'entries')).toBe('1 entry');
    expect(plural(3, 'entry', 'entries')).toBe('3 entries');
  });
});

describe('parseAmountText', () => {
  it('reads an amount as it is shown or typed', () => {
    for (const [text, value] of [
      ['1200', 1200],
      ['$1,200', 1200],
      [formatMoney(8053, 'USD'), 8053],
      [formatMoney(8053, 'EUR'), 8053],
      [formatMoney(8053, 'CHF'), 8053],
      ['1 200 €', 1200],
      ['99.5', 99.5],
      ['', null],
      ['  ', null],
    ] as const) {
      expect(parseAmountText(text), text).toBe(value);
    }
    for (const text of ['lots', '-5', '1.2.3', '12 apples']) expect(parseAmountText(text), text).toBeUndefined();
  });
});

describe('numbers written without Intl are Intl’s to the character', () => {
  const intl = (n: number, options: Intl.NumberFormatOptions) => new Intl.NumberFormat('en-US', options).format(n);
  // Values as the views meet them: rates, prices, counts, halves that round, long fractions, tiny and huge.
  const values = fc.oneof(
    fc.double({ min: -1e6, max: 1e9, noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: -1e6, max: 1e15 }),
    fc.integer({ min: -100_000, max: 100_000 }).map((i) => i / 1000 + 0.0005),
    fc.integer({ min: 0, max: 10_000 }).map((i) => i / 200),
    fc.constantFrom(0, -0, 0.5, 1.005, 2.675, 9.995, 99.995, 999_999.5, 1e-7, 1e-9, 1e21, 123_456_789.987_654_3),
  );

  it('fixed decimals and grouped digits (rates, counts, plain decimals)', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: 6 }), (n, d) => {
        const text = formatPercent(n, d);
        const expected = intl(n, { minimumFractionDigits: d, maximumFractionDigits: d });
        expect(text).toBe(`${/^-0(\.0*)?$/.test(expected) ? expected.slice(1) : expected} %`);
        expect(formatDecimal(n, d)).toBe(intl(n, { maximumFractionDigits: d }));
        if (n >= 0) expect(formatExact(n)).toBe(intl(Math.round(n), { maximumFractionDigits: 0 }));
      }),
      { numRuns: 3000 },
    );
  });

  it('money in dollars, euros and pounds, whole and to the cent; other currencies as Intl writes them', () => {
    fc.assert(
      fc.property(values, fc.constantFrom('USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CAD'), (n, currency) => {
        if (n >= 0) expect(formatMoney(n, currency)).toBe(intl(n, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 }));
        expect(formatCost(n, currency)).toBe(intl(n, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: Math.abs(n) < 0.1 ? 3 : 2 }));
      }),
      { numRuns: 3000 },
    );
  });
});
