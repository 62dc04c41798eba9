/** The mention picker's text logic: where an @ query is, who it matches, what picking writes, what is sent. */
import { describe, expect, it } from 'vitest';
import { fold, insertMention, matchCandidates, mentionQueryAt, mentionsInText } from '../../../src/react/components/MessageInput/mentionQuery';

describe('mentionQueryAt', () => {
  it('finds an @ at a word start, up to the caret', () => {
    expect(mentionQueryAt('@bo', 3)).toEqual({ start: 0, end: 3, query: 'bo' });
    expect(mentionQueryAt('hi @', 4)).toEqual({ start: 3, end: 4, query: '' });
    expect(mentionQueryAt('hi\n@Él', 6)).toEqual({ start: 3, end: 6, query: 'Él' });
    // The caret in the middle of a word: the query ends at the caret.
    expect(mentionQueryAt('@bob and', 2)).toEqual({ start: 0, end: 2, query: 'b' });
  });

  it('is none inside a word, after a space, or with no @', () => {
    expect(mentionQueryAt('mail@bo', 7)).toBeNull();
    expect(mentionQueryAt('@bob ', 5)).toBeNull();
    expect(mentionQueryAt('hello', 5)).toBeNull();
    expect(mentionQueryAt('', 0)).toBeNull();
    expect(mentionQueryAt(`@${'x'.repeat(60)}`, 61)).toBeNull();
  });
});

describe('matchCandidates', () => {
  const people = [
    { id: 'here', name: 'here' },
    { id: 'bob', name: 'Bob Nguyen' },
    { id: 'elodie', name: 'Élodie Dupré' },
    { id: 'u42', name: 'Carol Okafor' },
  ];
  const ids = (q: string) => matchCandidates(people, q).map((p) => p.id);

  it('everyone for an empty query, in order', () => {
    expect(ids('')).toEqual(['here', 'bob', 'elodie', 'u42']);
  });

  it('by a word of the name or the id, without case or diacritics', () => {
    expect(ids('bo')).toEqual(['bob']);
    expect(ids('NGU')).toEqual(['bob']);
    expect(ids('elo')).toEqual(['elodie']);
    expect(ids('dupre')).toEqual(['elodie']);
    expect(ids('u4')).toEqual(['u42']);
    expect(ids('he')).toEqual(['here']);
    expect(ids('zz')).toEqual([]);
    expect(fold('Ünïcödé')).toBe('unicode');
  });
});

describe('insertMention', () => {
  it('replaces the query with @Name and a space, the caret after it', () => {
    const text = 'hi @bo';
    expect(insertMention(text, { start: 3, end: 6, query: 'bo' }, 'Bob Nguyen')).toEqual({ text: 'hi @Bob Nguyen ', caret: 15 });
  });

  it('keeps the text after the caret, without doubling a space', () => {
    expect(insertMention('@b see you', { start: 0, end: 2, query: 'b' }, 'Bob')).toEqual({ text: '@Bob see you', caret: 5 });
    expect(insertMention('@b,ok', { start: 0, end: 2, query: 'b' }, 'Bob')).toEqual({ text: '@Bob ,ok', caret: 5 });
  });
});

describe('mentionsInText', () => {
  it('the picked ids whose @Name is still in the text, in picking order', () => {
    const picked = new Map([['bob', 'Bob Nguyen'], ['here', 'here'], ['carol', 'Carol Okafor']]);
    expect(mentionsInText('@Bob Nguyen and @here', picked)).toEqual(['bob', 'here']);
    expect(mentionsInText('@Bob and Carol Okafor', picked)).toEqual([]);
  });
});
