import { describe, expect, it } from 'vitest';
import { blankTier, checkDraft, draftFromSettings, orderTierRows, tierPositionNote, type SettingsDraft } from '../../../components/OptionsForm';
import { DEFAULT_SETTINGS, tierSchemeOf } from '../../../lib/settings';

function draftWith(rows: Array<[name: string, minFollowers: string]>): SettingsDraft {
  const draft = draftFromSettings(DEFAULT_SETTINGS);
  return { ...draft, tiers: { kind: 'custom', name: 'Mine', tiers: rows.map(([name, min], i) => ({ ...blankTier(i), name, minFollowers: min, pricePerPost: '10' })) } };
}

describe('custom tiers in the settings: Tier 1 is the top, as on the card', () => {
  it('orders the rows largest audience first before saving, so "Tier n" in the form is Tier n on the card', () => {
    const typed = draftWith([
      ['Seed', '0'],
      ['Sprout', '10k'],
      ['Tree', '100,000'],
    ]);
    const ordered = orderTierRows(typed);
    expect(ordered.tiers.tiers.map((r) => r.name)).toEqual(['Tree', 'Sprout', 'Seed']);
    const saved = checkDraft(ordered);
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    const card = tierSchemeOf(saved.settings);
    ordered.tiers.tiers.forEach((row, i) => expect(card.tiers[i]).toMatchObject({ rank: i + 1, name: row.name }));
    // Already in order: the same draft, nothing to re-render.
    expect(orderTierRows(ordered)).toBe(ordered);
  });

  it('leaves rows whose bound cannot be read yet after the others, in their order', () => {
    const ordered = orderTierRows(
      draftWith([
        ['A', 'lots'],
        ['B', '5'],
        ['C', ''],
        ['D', '50'],
      ]),
    );
    expect(ordered.tiers.tiers.map((r) => r.name)).toEqual(['D', 'B', 'A', 'C']);
  });

  it('names the two ends of the list', () => {
    expect([0, 1, 2].map((i) => tierPositionNote(i, 3))).toEqual(['largest audience', null, 'smallest audience']);
    expect(tierPositionNote(0, 1)).toBeNull();
  });
});
