import { describe, expect, it } from 'vitest';
import { combineRoles } from '../actions/actor.js';
import { grants, PERMISSION_PATTERN } from './permissions.js';

describe('grants', () => {
  it.each([
    [['*'], 'sales:post', true],
    [['sales:*'], 'sales:post', true],
    [['sales:*'], 'crm:read', false],
    [['sales:post'], 'sales:post', true],
    [['sales:read'], 'sales:post', false],
    [[], 'crm:read', false],
    [['crm:*'], 'crmx:read', false],
  ])('%j grants %s: %s', (granted, permission, expected) => {
    expect(grants(new Set(granted), permission)).toBe(expected);
  });
});

describe('combining roles', () => {
  it('adds permissions up; limits to own records only when every role does', () => {
    const rep = { id: 'r', permissions: ['crm:read'], ownRecordsOnly: true };
    const books = { id: 'b', permissions: ['accounting:*'], ownRecordsOnly: false };
    expect(combineRoles([rep])).toMatchObject({ ownRecordsOnly: true });
    const both = combineRoles([rep, books]);
    expect([...both.permissions].sort()).toEqual(['accounting:*', 'crm:read']);
    expect(both.ownRecordsOnly).toBe(false);
    expect(combineRoles([]).ownRecordsOnly).toBe(false);
  });
});

describe('permission strings', () => {
  it.each([
    ['*', true],
    ['crm:read', true],
    ['crm:*', true],
    ['bpm:work', true],
    ['crm', false],
    ['CRM:read', false],
    ['crm:read ', false],
    ['*:read', false],
  ])('%s is %s', (text, ok) => {
    expect(new RegExp(PERMISSION_PATTERN).test(text)).toBe(ok);
  });
});
