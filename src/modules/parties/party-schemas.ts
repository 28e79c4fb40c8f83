import { Type } from 'typebox';
import { Address } from '../../platform/directories/address.js';
import { CountryCode, CurrencyCode } from '../../platform/directories/schemas.js';
import type { listQuery } from '../../platform/http/pagination.js';
import { DateOnly, Id, Name, Nullable, Patterned, Timestamp } from '../../platform/http/schemas.js';

/** A string that must be one of a few words, refused with the words listed. */
export function OneOf<const V extends string>(values: readonly V[], description?: string) {
  return Patterned(`^(${values.join('|')})$`, `must be one of ${values.join(', ')}`, {
    description: description ?? `One of ${values.join(', ')}`,
  });
}

export const CLIENT_KINDS = ['organization', 'person'] as const;
export const COUNTERPARTY_KINDS = ['legal_entity', 'sole_trader', 'individual'] as const;
/** Entities a tenant may add custom fields to; crm keeps deal and lead values in its own rows. */
export const CUSTOM_FIELD_ENTITIES = ['client', 'contact', 'deal', 'lead'] as const;
export const REFERENCE_TARGETS = ['client', 'contact', 'counterparty', 'user'] as const;
export const DUPLICATE_MATCHES = ['taxId', 'phone', 'email', 'name'] as const;

const Text = (maxLength: number) => Type.String({ maxLength });
const OptionalText = (maxLength: number) => Type.Optional(Nullable(Text(maxLength)));

export const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 50 }), {
  maxItems: 50,
  description: 'Free labels; the whole list is replaced on change',
});
export const CustomValues = Type.Record(Type.String({ maxLength: 40 }), Type.Unknown(), {
  maxProperties: 100,
  description:
    'Values of the custom fields by key: text, decimals as strings ("12.5"), dates as YYYY-MM-DD, a choice, or an id. On change, null clears a value; keys not sent keep theirs.',
});
const StoredCustom = Type.Record(Type.String(), Type.Unknown());

export const ClientFields = {
  name: Name,
  kind: Type.Optional(OneOf(CLIENT_KINDS)),
  email: OptionalText(320),
  phone: Type.Optional(
    Nullable(
      Type.String({
        maxLength: 40,
        description: "Any common form; stored as E.164 using the client's country",
      }),
    ),
  ),
  website: OptionalText(300),
  industryId: Type.Optional(Nullable(Id)),
  responsibleUserId: Type.Optional(Id),
  tags: Type.Optional(Tags),
  notes: OptionalText(10_000),
  address: Type.Optional(Nullable(Address)),
  custom: Type.Optional(CustomValues),
};

export const DuplicateCandidate = Type.Object({
  id: Id,
  name: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  responsibleUserId: Id,
  archivedAt: Nullable(Timestamp),
  matchedBy: Type.Array(Type.String(), { description: `What matched: ${DUPLICATE_MATCHES.join(', ')}` }),
});

export const Client = Type.Object({
  id: Id,
  name: Type.String(),
  kind: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  website: Nullable(Type.String()),
  industryId: Nullable(Id),
  responsibleUserId: Id,
  tags: Type.Array(Type.String()),
  notes: Nullable(Type.String()),
  address: Nullable(Address),
  custom: StoredCustom,
  mergedIntoId: Nullable(Id),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  archivedAt: Nullable(Timestamp),
});

export const CreatedClient = Type.Object({
  ...Client.properties,
  possibleDuplicates: Type.Array(DuplicateCandidate, {
    description: 'Clients that may be the same one: check them, and merge if they are',
  }),
});

export const BankAccountSchema = Type.Object(
  {
    iban: Type.String({ minLength: 5, maxLength: 40, description: 'IBAN or local account number' }),
    bic: Type.Optional(Type.String({ maxLength: 20 })),
    bankName: Type.Optional(Type.String({ maxLength: 200 })),
    currency: Type.Optional(CurrencyCode),
  },
  { additionalProperties: false },
);

export const CounterpartyFields = {
  legalName: Type.String({ minLength: 1, maxLength: 300 }),
  kind: Type.Optional(OneOf(COUNTERPARTY_KINDS)),
  taxId: Type.Optional(
    Nullable(Type.String({ maxLength: 40, description: 'Checked by country: INN in RU, EIK/BULSTAT in BG' })),
  ),
  registrationNumber: OptionalText(50),
  country: CountryCode,
  legalAddress: Type.Optional(Nullable(Address)),
  actualAddress: Type.Optional(Nullable(Address)),
  bankAccounts: Type.Optional(Type.Array(BankAccountSchema, { maxItems: 20 })),
};

export const Counterparty = Type.Object({
  id: Id,
  legalName: Type.String(),
  kind: Type.String(),
  taxId: Nullable(Type.String()),
  registrationNumber: Nullable(Type.String()),
  country: Type.String(),
  legalAddress: Nullable(Address),
  actualAddress: Nullable(Address),
  bankAccounts: Type.Array(BankAccountSchema),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  archivedAt: Nullable(Timestamp),
});

export const CounterpartyDuplicate = Type.Object({
  id: Id,
  legalName: Type.String(),
  taxId: Nullable(Type.String()),
  country: Type.String(),
  matchedBy: Type.Array(Type.String()),
});

export const CreatedCounterparty = Type.Object({
  ...Counterparty.properties,
  possibleDuplicates: Type.Array(CounterpartyDuplicate),
});

export const CounterpartyLink = Type.Object({
  id: Id,
  clientId: Id,
  counterpartyId: Id,
  validFrom: DateOnly,
  validTo: Nullable(DateOnly),
  createdAt: Timestamp,
});

export const LinkFields = {
  counterpartyId: Id,
  validFrom: DateOnly,
  validTo: Type.Optional(Nullable(DateOnly)),
};

export const ContactChanges = {
  firstName: Type.String({ minLength: 1, maxLength: 100 }),
  lastName: OptionalText(100),
  positionId: Type.Optional(Nullable(Id)),
  role: OptionalText(100),
  phones: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
  emails: Type.Optional(Type.Array(Type.String({ maxLength: 320 }), { maxItems: 20 })),
  notes: OptionalText(10_000),
  custom: Type.Optional(CustomValues),
};
export const ContactFields = { clientId: Id, ...ContactChanges };

export const Contact = Type.Object({
  id: Id,
  clientId: Id,
  firstName: Type.String(),
  lastName: Nullable(Type.String()),
  positionId: Nullable(Id),
  role: Nullable(Type.String()),
  phones: Type.Array(Type.String()),
  emails: Type.Array(Type.String()),
  notes: Nullable(Type.String()),
  custom: StoredCustom,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  archivedAt: Nullable(Timestamp),
});

export const ClientCard = Type.Object({
  ...Client.properties,
  counterparties: Type.Array(
    Type.Object({
      ...CounterpartyLink.properties,
      legalName: Type.String(),
      kind: Type.String(),
      taxId: Nullable(Type.String()),
      country: Type.String(),
    }),
    { description: 'Links not ended before today, earliest first' },
  ),
  contacts: Type.Array(Contact, { description: 'Contacts not archived' }),
});

export const CustomFieldKey = Patterned(
  '^[a-z][a-z0-9_]{0,39}$',
  'must start with a lower-case letter and have only lower-case letters, digits and _ (at most 40)',
  { description: 'Code name, e.g. loyalty_level' },
);
export const CustomFieldOptions = Type.Object(
  {
    choices: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
        maxItems: 200,
        description: 'For a choice field: the values offered',
      }),
    ),
    references: Type.Optional(OneOf(REFERENCE_TARGETS, 'For a reference field: what it points at')),
  },
  { additionalProperties: false },
);
export const CustomFieldChanges = {
  label: Type.String({ minLength: 1, maxLength: 100 }),
  options: Type.Optional(CustomFieldOptions),
  required: Type.Optional(Type.Boolean()),
};
export const CustomFieldFields = {
  entity: OneOf(CUSTOM_FIELD_ENTITIES),
  key: CustomFieldKey,
  type: OneOf(['text', 'number', 'date', 'choice', 'reference']),
  ...CustomFieldChanges,
};

export const CustomField = Type.Object({
  id: Id,
  entity: Type.String(),
  key: Type.String(),
  label: Type.String(),
  type: Type.String(),
  options: CustomFieldOptions,
  required: Type.Boolean(),
  createdAt: Timestamp,
  archivedAt: Nullable(Timestamp),
});

/** A list's custom-field filter parameter: `custom.size=large`. */
export const CUSTOM_FILTER = /^custom\.([a-z][a-z0-9_]{0,39})$/;

export const CUSTOM_FILTER_HELP =
  'Besides the parameters below, filter by custom fields with custom.<key>=<value> (e.g. custom.size=large): ' +
  'a text field matches a fragment, any other type the exact value.';

/** A list query that also takes `custom.<key>=<value>`: the keys are the tenant's own, so a pattern. */
export function withCustomFilters<T extends ReturnType<typeof listQuery>>(query: T): T {
  return Type.Object(query.properties, {
    additionalProperties: false,
    patternProperties: { [CUSTOM_FILTER.source]: Type.String({ maxLength: 200 }) },
  } as any) as unknown as T;
}
