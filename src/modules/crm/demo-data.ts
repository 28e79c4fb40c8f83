import { eq } from 'drizzle-orm';
import type { ActionContext } from '../../platform/actions/define-action.js';
import { users } from '../../platform/tenancy/schema.js';
import { clientCounterparties, clients, contacts, counterparties } from '../parties/schema.js';
import { leadColumns } from './actions/lead-columns.js';
import {
  clientAttribution,
  dealStageHistory,
  deals,
  interactions,
  leads,
  loyaltyPrograms,
  marketingCosts,
  marketingEvents,
  pipelines,
  segmentMembers,
  segments,
  sources,
  stages,
  tasks,
  tickets,
} from './schema.js';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const day = (n: number) => daysAgo(n).toISOString().slice(0, 10);

/** A sales department's last two months, so every CRM page has something true to show. */
const CLIENTS = [
  {
    name: 'Sofia Retail Group',
    country: 'BG',
    taxId: '131468980',
    legal: 'София Ритейл Груп АД',
    phone: '+35929887766',
    email: 'office@sofiaretail.bg',
    tags: ['vip', 'retail'],
    rep: 'maria.sales@demo.tandem',
    source: 'Website',
  },
  {
    name: 'Plovdiv Wholesale',
    country: 'BG',
    taxId: '115789651',
    legal: 'Пловдив Търговия ООД',
    phone: '+35932601234',
    email: 'orders@plovdivtrade.bg',
    tags: ['wholesale'],
    rep: 'oleg.manager@demo.tandem',
    source: 'Sofia Expo 2026',
  },
  {
    name: 'Volga Trading House',
    country: 'RU',
    taxId: '7707083893',
    legal: 'ООО «Торговый дом Волга»',
    phone: '+74951234567',
    email: 'zakaz@volga-td.ru',
    tags: ['vip', 'export'],
    rep: 'oleg.manager@demo.tandem',
    source: 'Referral',
  },
  {
    name: 'Ulaanbaatar Supplies',
    country: 'MN',
    taxId: '5123456',
    legal: 'Улаанбаатар Хангамж ХХК',
    phone: '+97670112233',
    email: 'info@ubsupplies.mn',
    tags: ['export'],
    rep: 'maria.sales@demo.tandem',
    source: 'Google Ads',
  },
  {
    name: 'Berlin Office Partners',
    country: 'DE',
    taxId: 'DE811907980',
    legal: 'Berlin Office Partners GmbH',
    phone: '+493012345678',
    email: 'einkauf@bop.de',
    tags: ['retail'],
    rep: 'admin',
    source: 'Google Ads',
  },
  {
    name: 'Varna Hotels',
    country: 'BG',
    taxId: '103512345',
    legal: 'Варна Хотели ЕАД',
    phone: '+35952654321',
    email: 'supply@varnahotels.bg',
    tags: ['hospitality'],
    rep: 'maria.sales@demo.tandem',
    source: 'Sofia Expo 2026',
  },
  {
    name: 'Ivan Petrov',
    country: 'BG',
    taxId: null,
    legal: null,
    phone: '+359888123456',
    email: 'ivan.petrov@mail.bg',
    tags: ['private'],
    rep: 'maria.sales@demo.tandem',
    source: 'Website',
  },
  {
    name: 'Kazan Build',
    country: 'RU',
    taxId: '1655012345',
    legal: 'АО «Казань Строй»',
    phone: '+78432223344',
    email: 'snab@kazanbuild.ru',
    tags: ['construction'],
    rep: 'oleg.manager@demo.tandem',
    source: 'Referral',
  },
];

const PEOPLE = [
  ['Elena', 'Dimitrova', 'Purchasing manager'],
  ['Georgi', 'Ivanov', 'Director'],
  ['Olga', 'Smirnova', 'Chief accountant'],
  ['Bat', 'Bold', 'Director'],
  ['Anna', 'Schulz', 'Buyer'],
  ['Nikolay', 'Georgiev', 'Operations'],
  ['Ivan', 'Petrov', null],
  ['Rustam', 'Khabibullin', 'Engineer'],
] as const;

export async function seedCrmDemo(ctx: ActionContext) {
  const { tx, tenantId } = ctx;
  const people = await tx.select({ id: users.id, email: users.email }).from(users);
  const userId = (email: string) =>
    people.find((p) => p.email === email)?.id ?? ctx.actor.userId ?? people[0].id;
  const adminId = people.find((p) => p.email.startsWith('admin'))?.id ?? people[0].id;
  const [pipeline] = await tx.select().from(pipelines).where(eq(pipelines.name, 'Sales'));
  const stageList = await tx
    .select()
    .from(stages)
    .where(eq(stages.pipelineId, pipeline.id))
    .orderBy(stages.position);
  const stage = (name: string) => stageList.find((s) => s.name === name)!;

  const sourceRows = await tx
    .insert(sources)
    .values([
      { tenantId, kind: 'web_form', name: 'Website' },
      { tenantId, kind: 'channel', name: 'Google Ads' },
      { tenantId, kind: 'referral', name: 'Referral' },
    ])
    .returning();
  const [expoSource] = await tx
    .insert(sources)
    .values({ tenantId, kind: 'event', name: 'Sofia Expo 2026' })
    .returning();
  await tx.insert(marketingEvents).values({
    tenantId,
    name: 'Sofia Expo 2026',
    kind: 'exhibition',
    startsOn: day(40),
    endsOn: day(38),
    location: 'Inter Expo Center, Sofia',
    sourceId: expoSource.id,
  });
  const allSources = [...sourceRows, expoSource];
  const sourceId = (name: string) => allSources.find((s) => s.name === name)!.id;
  await tx.insert(marketingCosts).values([
    {
      tenantId,
      sourceId: expoSource.id,
      spentOn: day(45),
      amount: '4200.00',
      currency: 'EUR',
      note: 'Stand and printing',
    },
    {
      tenantId,
      sourceId: sourceId('Google Ads'),
      spentOn: day(30),
      amount: '1500.00',
      currency: 'EUR',
      note: 'Search campaign',
    },
    {
      tenantId,
      sourceId: sourceId('Google Ads'),
      spentOn: day(1),
      amount: '1350.00',
      currency: 'EUR',
      note: 'Search campaign',
    },
  ]);

  for (const [i, c] of CLIENTS.entries()) {
    const responsibleUserId = c.rep === 'admin' ? adminId : userId(c.rep);
    const [client] = await tx
      .insert(clients)
      .values({
        tenantId,
        name: c.name,
        kind: c.legal ? 'organization' : 'person',
        nameKey: c.name.toLowerCase(),
        phone: c.phone,
        email: c.email,
        tags: c.tags,
        responsibleUserId,
        createdAt: daysAgo(60 - i),
      })
      .returning();
    await tx
      .insert(clientAttribution)
      .values({ tenantId, clientId: client.id, firstSourceId: sourceId(c.source) });
    if (c.legal) {
      const [counterparty] = await tx
        .insert(counterparties)
        .values({
          tenantId,
          legalName: c.legal,
          kind: 'legal_entity',
          taxId: c.taxId,
          country: c.country,
          legalAddress: { country: c.country },
        })
        .returning();
      await tx
        .insert(clientCounterparties)
        .values({ tenantId, clientId: client.id, counterpartyId: counterparty.id, validFrom: day(60) });
    }
    const [first, last, role] = PEOPLE[i];
    const [contact] = await tx
      .insert(contacts)
      .values({
        tenantId,
        clientId: client.id,
        firstName: first,
        lastName: last,
        role,
        phones: [c.phone],
        emails: [c.email],
      })
      .returning();
    // Two deals a client, in different stages, some closed.
    const plan = [
      {
        title: `${c.name}: spring order`,
        stageName: ['New', 'Qualified', 'Proposal', 'Negotiation'][i % 4],
        amount: `${(i + 2) * 1250}.00`,
        currency: i % 3 === 2 ? 'USD' : 'EUR',
      },
      {
        title: `${c.name}: framework contract`,
        stageName: i % 2 ? 'Won' : 'Lost',
        amount: `${(i + 1) * 3100}.00`,
        currency: 'EUR',
      },
    ];
    for (const [k, p] of plan.entries()) {
      const target = stage(p.stageName);
      const status = target.outcome;
      const [deal] = await tx
        .insert(deals)
        .values({
          tenantId,
          title: p.title,
          pipelineId: pipeline.id,
          stageId: target.id,
          clientId: client.id,
          amount: p.amount,
          currency: p.currency,
          expectedClose: day(-20 - i),
          responsibleUserId,
          sourceId: sourceId(c.source),
          status,
          closedAt: status === 'open' ? null : daysAgo(5 + i),
          createdAt: daysAgo(50 - i - k),
        })
        .returning();
      const path = stageList.filter(
        (s) => s.position <= target.position && (s.outcome === 'open' || s.id === target.id),
      );
      for (const [n, s] of path.entries()) {
        const entered = daysAgo(50 - i - k - n * 3);
        await tx.insert(dealStageHistory).values({
          tenantId,
          dealId: deal.id,
          stageId: s.id,
          enteredAt: entered,
          enteredBy: responsibleUserId,
          leftAt: n < path.length - 1 ? daysAgo(50 - i - k - (n + 1) * 3) : null,
          leftBy: n < path.length - 1 ? responsibleUserId : null,
        });
      }
    }
    await tx.insert(interactions).values([
      {
        tenantId,
        kind: 'call_out',
        status: 'done',
        subject: 'Introduction call',
        clientId: client.id,
        contactId: contact.id,
        responsibleUserId,
        occursAt: daysAgo(45 - i),
        durationSeconds: 420,
        outcome: 'answered',
        sourceId: sourceId(c.source),
      },
      {
        tenantId,
        kind: 'meeting',
        status: 'done',
        subject: 'Presentation at their office',
        clientId: client.id,
        contactId: contact.id,
        responsibleUserId,
        occursAt: daysAgo(20 - i),
      },
      {
        tenantId,
        kind: 'email',
        status: 'done',
        subject: 'Price list sent',
        clientId: client.id,
        contactId: contact.id,
        responsibleUserId,
        occursAt: daysAgo(10 - (i % 5)),
      },
      {
        tenantId,
        kind: 'call_out',
        status: 'planned',
        subject: 'Follow-up on the proposal',
        clientId: client.id,
        contactId: contact.id,
        responsibleUserId,
        occursAt: daysAgo(-2 - i),
        remindAt: daysAgo(-2 - i + 0.01),
      },
    ]);
    await tx.insert(tasks).values({
      tenantId,
      title: `Prepare offer for ${c.name}`,
      assigneeUserId: responsibleUserId,
      dueAt: daysAgo(-3 - i),
      priority: i % 3 ? 'normal' : 'high',
      clientId: client.id,
      createdBy: adminId,
    });
    if (i < 2) {
      await tx.insert(tickets).values({
        tenantId,
        kind: i ? 'ticket' : 'claim',
        subject: i ? 'Cannot open the invoice PDF' : 'Damaged boxes in the last delivery',
        priority: i ? 'normal' : 'high',
        clientId: client.id,
        contactId: contact.id,
        responsibleUserId,
        resolutionDueAt: daysAgo(-1),
      });
    }
  }

  const demoLeads = [
    {
      tenantId,
      contactName: 'Maria Kostova',
      clientName: 'Kostova Design',
      email: 'maria@kostova.bg',
      phone: '+359877111222',
      message: 'Need 40 office chairs by May.',
      sourceId: sourceId('Website'),
      responsibleUserId: userId('maria.sales@demo.tandem'),
    },
    {
      tenantId,
      contactName: 'Dmitry Orlov',
      clientName: 'Orlov Logistics',
      email: 'd.orlov@orlov-log.ru',
      message: 'Asking for a price list in RUB.',
      sourceId: sourceId('Google Ads'),
      responsibleUserId: userId('oleg.manager@demo.tandem'),
    },
    {
      tenantId,
      contactName: 'Saraa Enkh',
      clientName: 'Nomad Cafe',
      phone: '+97699112233',
      message: 'Met you at the expo, interested in coffee machines.',
      sourceId: expoSource.id,
      responsibleUserId: userId('maria.sales@demo.tandem'),
    },
  ];
  await tx.insert(leads).values(demoLeads.map(leadColumns));

  const [vip] = await tx
    .insert(segments)
    .values({
      tenantId,
      name: 'VIP clients',
      kind: 'dynamic',
      criteria: { all: [{ field: 'tags', op: 'hasAny', value: ['vip'] }] },
      refresh: 'daily',
    })
    .returning();
  const vipIds = (await tx.select({ id: clients.id, tags: clients.tags }).from(clients))
    .filter((c) => c.tags.includes('vip'))
    .map((c) => c.id);
  if (vipIds.length)
    await tx
      .insert(segmentMembers)
      .values(vipIds.map((clientId) => ({ tenantId, segmentId: vip.id, clientId })));
  await tx
    .update(segments)
    .set({ memberCount: vipIds.length, computedAt: new Date() })
    .where(eq(segments.id, vip.id));

  await tx.insert(loyaltyPrograms).values({
    tenantId,
    name: 'Bonus Club',
    currency: 'EUR',
    accrualPercent: '3',
    categoryPercents: { coffee: '10' },
    expireDays: 365,
    maxRedeemPercent: '30',
    pointValue: '0.10',
  });
}
