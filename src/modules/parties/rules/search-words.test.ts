import { describe, expect, it } from 'vitest';
import { anchorOf, searchWords } from './search-words.js';

describe('searchWords', () => {
  it.each([
    ['Petrova', [['petrova']]],
    ['  ИВАН  Петров ', [['иван'], ['петров']]],
    ['Kovamir-Trade', [['kovamir'], ['trade']]],
    ['Sales@Kovamir.example', [['sales@kovamir.example']]],
    ['0881 234 567', [['881234567', '0881234567']]],
    ['+359 (88) 123-4567', [['359881234567']]],
    ['34567', [['34567']]],
    ['BG458970580', [['bg458970580', '458970580']]],
    ['Bolt 007', [['bolt'], ['007', '7']]],
    ['ova ova', [['ova']]],
    ['', []],
    ['---', []],
  ])('%j looks for %j', (text, words) => {
    expect(searchWords(text)).toEqual(words);
  });

  it.each([
    [[['ab'], ['petrova']], 1],
    [[['maria'], ['ova']], 0],
    [[['same'], ['size']], 0],
  ])('anchors %j on word %i', (words, index) => {
    expect(anchorOf(words)).toBe(index);
  });
});
