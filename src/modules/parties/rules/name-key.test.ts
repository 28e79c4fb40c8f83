import { describe, expect, it } from 'vitest';
import { nameKey } from './name-key.js';

describe('nameKey', () => {
  it.each([
    ['Acme Ltd.', 'acme'],
    ['ACME, LLC', 'acme'],
    ['Acme L.L.C.', 'acme'],
    ['ООО «Ромашка»', 'ромашка'],
    ['"Ромашка" О.О.О.', 'ромашка'],
    ['Стройинвест ЕООД', 'стройинвест'],
    ['Булгарпласт АД', 'булгарпласт'],
    ['Müller GmbH & Co. KG', 'müller'],
    ['Ёлка ИП', 'елка'],
    ['Tech-Solutions Inc', 'tech solutions'],
    ['St.Petersburg Trading', 'st petersburg trading'],
    ['Anna Petrova', 'anna petrova'],
    ['AD', 'ad'],
    ['  Double   Spaced  ', 'double spaced'],
  ])('%s -> %s', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });
});
