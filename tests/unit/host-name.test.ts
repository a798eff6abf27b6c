import { domainToASCII, domainToUnicode } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHostName, decodePunycode } from '../../lib/host-name';

describe('decodePunycode', () => {
  it('decodes as Node does', () => {
    for (const name of ['bücher', 'münchen', 'пример', '例え', 'ﻼ', '💩', 'a-b-ç', 'ελληνικά']) {
      const ascii = domainToASCII(`${name}.example`).split('.')[0]!;
      expect(ascii.startsWith('xn--')).toBe(true);
      expect(decodePunycode(ascii.slice(4))).toBe(domainToUnicode(`${ascii}.example`).split('.')[0]);
    }
  });

  it('decodes whatever Node encodes (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'z', '0', '-', 'é', 'ß', 'ж', '中', '文', 'ü', '🎉'), minLength: 1, maxLength: 20 }), (text) => {
        const ascii = domainToASCII(`${text}.example`);
        if (ascii === '') return; // not a host name Node accepts
        for (const label of ascii.split('.').filter((l) => l.startsWith('xn--'))) {
          expect(decodePunycode(label.slice(4))).toBe(domainToUnicode(`${label}.example`).split('.')[0]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('returns null for what is not Punycode', () => {
    expect(decodePunycode('ü-abc')).toBeNull();
    expect(decodePunycode('abc!')).toBeNull();
    expect(decodePunycode('zzzzzzzzzzzzzzzzzzzzzzz')).toBeNull();
    expect(decodePunycode('-')).toBeNull();
  });
});

describe('checkHostName', () => {
  it('gives the ASCII host and what it stands for', () => {
    expect(checkHostName('bücher.example', 'xn--bcher-kva.example')).toEqual({ ok: true, host: 'xn--bcher-kva.example', unicode: 'bücher.example' });
    expect(checkHostName('www.reloquence.com', 'www.reloquence.com')).toEqual({ ok: true, host: 'www.reloquence.com', unicode: 'www.reloquence.com' });
  });

  it('refuses a host the browser changed from what was typed', () => {
    // What `new URL('https://exa\u3002mple.com').hostname` gives.
    expect(new URL('https://exa\u3002mple.com').hostname).toBe('exa.mple.com');
    expect(checkHostName('exa\u3002mple.com', 'exa.mple.com').ok).toBe(false);
    expect(checkHostName('\uff45xample.com', 'example.com').ok).toBe(false);
    expect(checkHostName('ex%61mple.com', 'example.com').ok).toBe(false);
  });

  it('refuses an xn-- label that hides a dot or a mapped character', () => {
    // "a。b" and "ａbc" encoded as one label each: a browser would never write them so.
    expect(decodePunycode('ab-r13a')).toBe('a\u3002b');
    expect(checkHostName('xn--ab-r13a.com', 'xn--ab-r13a.com')).toEqual({ ok: false, message: '“xn--ab-r13a” is not a valid part of a domain name.' });
    expect(checkHostName('xn--bc-bz3n.com', 'xn--bc-bz3n.com').ok).toBe(false);
    // Punycode of plain ASCII ("abc" → "xn--abc-") is not an internationalised name.
    expect(checkHostName('xn--abc-.com', 'xn--abc-.com').ok).toBe(false);
    expect(checkHostName('xn--abc.com', 'xn--abc.com').ok).toBe(false);
  });
});
