import { describe, expect, it } from 'vitest';
import type { FieldError } from '../../../platform/http/problem.js';
import type { StageRegulation } from '../schema.js';
import { type DealSnapshot, missingForStage } from './stage-regulation.js';

const bare: DealSnapshot = {
  fields: { amount: null, expectedClose: null, counterpartyId: null, custom: {} },
  contactCount: 0,
  openTaskCount: 0,
  doneInteractionKinds: [],
  linkedDocumentTypes: [],
};
const ready: DealSnapshot = {
  fields: {
    amount: '1500.0000',
    expectedClose: '2026-06-30',
    counterpartyId: '0190f6a0-0000-7000-8000-000000000001',
    custom: { budget: 'approved' },
  },
  contactCount: 2,
  openTaskCount: 0,
  doneInteractionKinds: ['call_out', 'meeting'],
  linkedDocumentTypes: [],
};
const filled = 'must be filled to enter "Proposal"';

describe('missingForStage', () => {
  it.each<[string, StageRegulation, DealSnapshot, FieldError[]]>([
    ['no regulation lets any deal in', {}, bare, []],
    [
      'required fields, in the order the regulation names them',
      { requiredFields: ['expectedClose', 'amount'] },
      bare,
      [
        { field: 'expectedClose', reason: filled },
        { field: 'amount', reason: filled },
      ],
    ],
    ['filled fields pass', { requiredFields: ['amount', 'expectedClose', 'counterpartyId'] }, ready, []],
    [
      'a blank string is not filled',
      { requiredFields: ['custom.budget'] },
      { ...ready, fields: { ...ready.fields, custom: { budget: '  ' } } },
      [{ field: 'custom.budget', reason: filled }],
    ],
    [
      'a custom field never set',
      { requiredFields: ['custom.budget'] },
      { ...ready, fields: { amount: '1' } },
      [{ field: 'custom.budget', reason: filled }],
    ],
    [
      'a zero amount is filled',
      { requiredFields: ['amount'] },
      { ...bare, fields: { amount: '0.0000' } },
      [],
    ],
    [
      'contacts are counted, not read as a field',
      { requiredFields: ['contacts'] },
      bare,
      [{ field: 'contacts', reason: 'needs at least one contact to enter "Proposal"' }],
    ],
    ['one contact is enough', { requiredFields: ['contacts'] }, { ...bare, contactCount: 1 }, []],
    [
      'one open task',
      { tasksDone: true },
      { ...ready, openTaskCount: 1 },
      [{ field: 'tasks', reason: 'has 1 open task; all must be done to enter "Proposal"' }],
    ],
    [
      'several open tasks',
      { tasksDone: true },
      { ...ready, openTaskCount: 3 },
      [{ field: 'tasks', reason: 'has 3 open tasks; all must be done to enter "Proposal"' }],
    ],
    ['no open tasks, none to do', { tasksDone: true }, bare, []],
    ['tasks not required', { tasksDone: false }, { ...ready, openTaskCount: 4 }, []],
    [
      'each missing interaction kind',
      { interactionKinds: ['meeting', 'call_in', 'email'] },
      ready,
      [
        { field: 'interactions', reason: 'needs a done incoming call linked to the deal' },
        { field: 'interactions', reason: 'needs a done email linked to the deal' },
      ],
    ],
    ['a done meeting', { interactionKinds: ['meeting'] }, ready, []],
    [
      'an interaction kind with no phrase of its own',
      { interactionKinds: ['visit'] },
      ready,
      [{ field: 'interactions', reason: 'needs a done "visit" interaction linked to the deal' }],
    ],
    [
      'a document type no module links yet',
      { documentType: 'quotation' },
      ready,
      [{ field: 'documents', reason: 'needs a linked quotation document' }],
    ],
    [
      'a linked document of the type',
      { documentType: 'quotation' },
      { ...ready, linkedDocumentTypes: ['quotation'] },
      [],
    ],
    [
      'everything missing at once, one entry each',
      {
        requiredFields: ['amount', 'contacts'],
        tasksDone: true,
        interactionKinds: ['meeting'],
        documentType: 'quotation',
      },
      { ...bare, openTaskCount: 2 },
      [
        { field: 'amount', reason: filled },
        { field: 'contacts', reason: 'needs at least one contact to enter "Proposal"' },
        { field: 'tasks', reason: 'has 2 open tasks; all must be done to enter "Proposal"' },
        { field: 'interactions', reason: 'needs a done meeting linked to the deal' },
        { field: 'documents', reason: 'needs a linked quotation document' },
      ],
    ],
  ])('%s', (_case, regulation, snapshot, expected) => {
    expect(missingForStage('Proposal', regulation, snapshot)).toEqual(expected);
  });
});
