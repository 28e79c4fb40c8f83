import { describe, expect, it } from 'vitest';
import { leadNotices } from './lead-notice.js';

const lead = (
  id: string,
  responsibleUserId: string,
  contactName: string | null = 'Anna',
  clientName: string | null = null,
) => ({
  id,
  contactName,
  clientName,
  responsibleUserId,
});

describe('who hears of new leads', () => {
  it.each([
    ['nobody, for leads people take themselves', [lead('l1', 'me')], 'api', []],
    [
      'the responsible person, for a web form lead',
      [lead('l1', 'rep', 'Anna', 'Stroy')],
      'web_form',
      ['rep: New lead: Anna, Stroy'],
    ],
    ['a colleague given a lead', [lead('l1', 'rep', null, 'Stroy')], 'api', ['rep: New lead: Stroy']],
    [
      'each person once for an import',
      [lead('l1', 'rep'), lead('l2', 'rep'), lead('l3', 'other'), lead('l4', 'me')],
      'import',
      ['rep: 2 imported leads are yours', 'other: 1 imported lead is yours'],
    ],
  ] as const)('%s', (_case, created, channel, notices) => {
    expect(leadNotices([...created], channel, 'me').map((n) => `${n.userId}: ${n.title}`)).toEqual(notices);
  });
});
