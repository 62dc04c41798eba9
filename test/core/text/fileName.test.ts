import { describe, expect, it } from 'vitest';
import { stripBidiControls } from '../../../src/core/text/bidi';
import { visibleFileName } from '../../../src/core/text/fileName';
import { sanitizeFileName } from '../../../src/mock-server/fileNames';

describe('stripBidiControls', () => {
  it('drops every mark, embedding, override and isolate and nothing else', () => {
    const controls = '\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';
    expect(stripBidiControls(`Mallory${controls}ecila`)).toBe('Malloryecila');
    expect(stripBidiControls('שלום عليكم 👩‍💻 café')).toBe('שלום عليكم 👩‍💻 café');
  });
});

describe('visibleFileName', () => {
  it.each([
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['in\u200Bvoice\uFEFF.pdf', 'invoice.pdf'],
    ['a\u2060b\u2061.txt', 'ab.txt'],
    ['line\nbreak\u0085\u009b.txt', 'linebreak.txt'],
    ['\u2067evil\u2069.pdf', 'evil.pdf'],
    // A joiner with nothing to join only hides: next to a dot, a space, a digit, another joiner, at an end.
    ['report\u200D.exe', 'report.exe'],
    ['\u200Cnotes 1\u200C2.txt', 'notes 12.txt'],
    ['a\u200C\u200Cb.txt', 'ab.txt'],
  ])('%j → %j', (input, output) => {
    expect(visibleFileName(input)).toBe(output);
  });

  it('keeps the joiners that spell a Persian word or glue an emoji sequence', () => {
    expect(visibleFileName('می\u200Cخواهم.txt')).toBe('می\u200Cخواهم.txt');
    expect(visibleFileName('👩\u200D💻 team.png')).toBe('👩\u200D💻 team.png');
    expect(visibleFileName('👍🏽\u200D❤\uFE0F\u200D👨.png')).toBe('👍🏽\u200D❤\uFE0F\u200D👨.png');
  });
});

describe('sanitizeFileName (the server) uses the same rule', () => {
  it('stores invisible characters nowhere, even where a long name is cut', () => {
    expect(sanitizeFileName('in\u200Bvoice\u202Efdp\uFEFF.exe')).toBe('invoicefdp.exe');
    // Cut right after an emoji's joiner: the joiner would end up next to the extension.
    const name = sanitizeFileName(`${'a'.repeat(8)}👩\u200D💻.png`, 15);
    expect(name).toBe('aaaaaaaa👩.png');
  });
});
