import { describe, expect, it } from 'vitest';
import { fromFirstMatch, highlightMatches, searchQueryWords } from '../../../src/core/text/searchHighlight';
import { queryTokens, searchTokens } from '../../../src/mock-server/searchTokens';

/** The slices as a string with the matches in [brackets], easy to read in a failure. */
const marked = (text: string, query: string) =>
  highlightMatches(text, query)
    .map((s) => (s.match ? `[${s.text}]` : s.text))
    .join('');

describe('highlightMatches', () => {
  it('gives back the text exactly, cut into slices', () => {
    const text = 'Deploy the café build, then DEPLOY again: déployé!';
    for (const query of ['deploy', 'cafe', 'xyz', '', '!!', 'dep caf']) {
      expect(highlightMatches(text, query).map((s) => s.text).join('')).toBe(text);
    }
  });

  it('marks words whatever their case', () => {
    expect(marked('Deploy now, DEPLOY later, deploy always', 'dEpLoY')).toBe('[Deploy] now, [DEPLOY] later, [deploy] always');
  });

  it('marks words whatever their accents, in the text or in the query', () => {
    expect(marked('Le café est prêt', 'cafe pret')).toBe('Le [café] est [prêt]');
    expect(marked('A cafe for two', 'café')).toBe('A [cafe] for two');
    // An accent written as its own combining mark stays with its letter.
    expect(marked('Cafe\u0301 au lait', 'cafe')).toBe('[Cafe\u0301] au lait');
    expect(marked('Ångström units', 'angs')).toBe('[Ångs]tröm units');
  });

  it('marks the beginning a query word matches, never the middle of a word', () => {
    expect(marked('Deployment went fine', 'dep')).toBe('[Dep]loyment went fine');
    expect(marked('We redeploy tomorrow', 'deploy')).toBe('We redeploy tomorrow');
    expect(marked('ship it', 'shipping')).toBe('ship it');
  });

  it('marks the longest query word that matches', () => {
    expect(marked('deployment', 'dep deploy')).toBe('[deploy]ment');
  });

  it('marks every word of a query of several, wherever they are', () => {
    expect(marked('The build passed; deploy the build', 'build deploy')).toBe('The [build] passed; [deploy] the [build]');
  });

  it('marks nothing for a query without words', () => {
    expect(highlightMatches('Hello, world', '?!')).toEqual([{ text: 'Hello, world', match: false }]);
    expect(highlightMatches('', 'hello')).toEqual([]);
    expect(searchQueryWords('  ... ')).toEqual([]);
  });

  it('marks Arabic words, with or without their vowel marks, in logical order', () => {
    expect(marked('مرحبا بالعالم', 'مرحبا')).toBe('[مرحبا] بالعالم');
    // Harakat are combining marks: they do not count, and stay with their letters.
    expect(marked('مَرْحَبًا يا صديقي', 'مرحبا')).toBe('[مَرْحَبًا] يا صديقي');
    expect(marked('اجتماع الفريق غدا', 'الفر')).toBe('اجتماع [الفر]يق غدا');
    // Mixed directions: slices stay in the string's own (logical) order.
    expect(marked('نشر deploy اليوم', 'deploy اليوم')).toBe('نشر [deploy] [اليوم]');
  });

  it('marks words of scripts written without spaces', () => {
    const slices = highlightMatches('東京タワーに行きました', '東京');
    expect(slices.find((s) => s.match)?.text).toBe('東京');
    expect(slices.map((s) => s.text).join('')).toBe('東京タワーに行きました');
  });

  it('leaves markup in a message as the text it is', () => {
    expect(marked('<b>deploy</b> <script>alert(1)</script>', 'deploy alert')).toBe('<b>[deploy]</b> <script>[alert](1)</script>');
    expect(highlightMatches('<b>bold</b>', 'b')).toEqual([
      { text: '<', match: false },
      { text: 'b', match: true },
      { text: '>', match: false },
      { text: 'b', match: true },
      { text: 'old</', match: false },
      { text: 'b', match: true },
      { text: '>', match: false },
    ]);
  });

  it('agrees with the server: a message it finds has a mark, one it does not find has none', () => {
    const texts = [
      'Deploy finished at 5pm',
      'Le café est prêt',
      'redeploy scheduled',
      'مَرْحَبًا بالجميع',
      'İstanbul trip',
      'ΟΔΟΣ closed',
      'naïve résumé',
      'numbers 2026 and v2',
    ];
    const queries = ['deploy', 'cafe', 'مرحبا', 'istanbul', 'οδο', 'naive resu', '202', 'v', 'zzz', 'prêt'];
    for (const text of texts) {
      const words = searchTokens(text);
      for (const query of queries) {
        const tokens = queryTokens(query);
        const serverFinds = tokens.length > 0 && tokens.every((t) => words.some((w) => w.startsWith(t)));
        const marks = highlightMatches(text, query).filter((s) => s.match).length;
        if (serverFinds) expect(marks, `${query} in ${text}`).toBeGreaterThan(0);
        else if (tokens.every((t) => !words.some((w) => w.startsWith(t)))) expect(marks, `${query} in ${text}`).toBe(0);
      }
    }
  });
});

describe('fromFirstMatch', () => {
  it('keeps short text whole, even with the match far into it', () => {
    const slices = highlightMatches('We deploy at noon', 'deploy');
    expect(fromFirstMatch(slices)).toEqual(slices);
    const later = highlightMatches('Rollback steps are in the runbook if the rollout goes wrong', 'rollout');
    expect(fromFirstMatch(later)).toEqual(later);
  });

  it('starts a long text a few words before its first match', () => {
    const long = `${'Lots of words before the thing we want to find here, '.repeat(4)}then deploy it`;
    const cut = fromFirstMatch(highlightMatches(long, 'deploy'), 20, 100);
    expect(cut[0]!.text.startsWith('…')).toBe(true);
    expect(cut[0]!.text.length).toBeLessThanOrEqual(21);
    expect(cut.find((s) => s.match)?.text).toBe('deploy');
    expect(cut.map((s) => s.text).join('').endsWith('then deploy it')).toBe(true);
  });
});
