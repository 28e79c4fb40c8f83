import { describe, expect, it } from 'vitest';
import { linkedClient } from './record-links.js';

const contactOfA = { id: 'p1', clientId: 'A' };
const contactOfB = { id: 'p2', clientId: 'B' };
const dealOfA = { id: 'd1', clientId: 'A' };
const dealOfB = { id: 'd2', clientId: 'B' };
const newLead = { id: 'l1', clientId: null };

describe('linking to one client', () => {
  it.each([
    ['a client alone', { clientId: 'A' }, 'A'],
    ['its contact and deal', { clientId: 'A', contact: contactOfA, deal: dealOfA }, 'A'],
    ['the client taken from the contact', { contact: contactOfA }, 'A'],
    ['the client taken from the deal', { deal: dealOfB }, 'B'],
    ['a lead not yet qualified, with no client', { lead: newLead }, null],
    ['nothing', {}, null],
  ])('accepts %s', (_case, links, clientId) => {
    expect(linkedClient(links)).toEqual({ ok: true, clientId });
  });

  it.each([
    ["another client's contact", { clientId: 'A', contact: contactOfB }, ['contactId']],
    ["another client's deal", { clientId: 'A', deal: dealOfB }, ['dealId']],
    ['a contact and a deal of different clients', { contact: contactOfA, deal: dealOfB }, ['dealId']],
    ['both wrong', { clientId: 'B', contact: contactOfA, deal: dealOfA }, ['contactId', 'dealId']],
  ])('refuses %s, naming the field', (_case, links, fields) => {
    const result = linkedClient(links);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual(fields);
  });
});
