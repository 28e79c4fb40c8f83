import {
  ActionIcon,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { DayInput } from '../../../ui/day-input';
import { useCustomFields, useIndustryOptions } from '../../parties/use-party-options';
import { useCurrencyOptions } from '../../reference/use-reference-options';
import { useUserOptions } from '../../users/use-user-options';
import type { SegmentCondition, SegmentCriteria, SegmentFieldInfo } from '../crm-types';
import { useSourceOptions } from '../use-crm-options';

interface FieldCatalog {
  fields: SegmentFieldInfo[];
  custom: { key: string; ops: string[] };
}

const isGroup = (x: SegmentCondition | SegmentCriteria): x is SegmentCriteria => 'all' in x || 'any' in x;
const NO_VALUE = ['isEmpty', 'isNotEmpty'];

export function useSegmentFields() {
  const { t } = useTranslation();
  const catalog = useQuery({
    queryKey: ['/segments/fields'],
    queryFn: () => api.get<FieldCatalog>('/segments/fields'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const custom = useCustomFields('client');
  const fields: SegmentFieldInfo[] = [
    ...(catalog.data?.fields ?? []).map((f) => ({
      ...f,
      label: t(`segments.fields.${f.key}`, { defaultValue: f.label }),
    })),
    ...custom.map((c) => ({
      key: `custom.${c.key}`,
      label: c.label,
      type: 'custom' as const,
      ops: catalog.data?.custom.ops ?? [],
    })),
  ];
  return fields;
}

/** A criteria tree edited in place: "all"/"any" groups of conditions, groups inside groups. */
export function CriteriaBuilder({
  value,
  onChange,
  depth = 0,
  onRemove,
}: {
  value: SegmentCriteria;
  onChange: (next: SegmentCriteria) => void;
  depth?: number;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const fields = useSegmentFields();
  const mode = value.any ? 'any' : 'all';
  const items = value.any ?? value.all ?? [];
  const set = (next: (SegmentCondition | SegmentCriteria)[]) => onChange({ [mode]: next });
  const replace = (index: number, item: SegmentCondition | SegmentCriteria) =>
    set(items.map((x, i) => (i === index ? item : x)));
  const remove = (index: number) => set(items.filter((_, i) => i !== index));

  return (
    <Paper
      withBorder
      p="xs"
      bg={depth ? 'var(--mantine-color-default-hover)' : undefined}
      data-testid={`criteria-group-${depth}`}
    >
      <Stack gap={6}>
        <Group justify="space-between">
          <SegmentedControl
            size="xs"
            value={mode}
            onChange={(m) => onChange({ [m]: items })}
            data={[
              { value: 'all', label: t('segments.all') },
              { value: 'any', label: t('segments.any') },
            ]}
          />
          {onRemove && (
            <Button size="compact-xs" variant="subtle" color="red" onClick={onRemove}>
              {t('segments.removeGroup')}
            </Button>
          )}
        </Group>
        {items.map((item, index) =>
          isGroup(item) ? (
            <CriteriaBuilder
              // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity of their own
              key={index}
              value={item}
              depth={depth + 1}
              onChange={(next) => replace(index, next)}
              onRemove={() => remove(index)}
            />
          ) : (
            <ConditionRow
              // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity of their own
              key={index}
              fields={fields}
              condition={item}
              onChange={(next) => replace(index, next)}
              onRemove={() => remove(index)}
            />
          ),
        )}
        <Group gap="xs">
          <Button
            size="compact-xs"
            variant="light"
            onClick={() => set([...items, { field: 'name', op: 'contains', value: '' }])}
            data-testid="criteria-add-condition"
          >
            {t('segments.addCondition')}
          </Button>
          {depth < 2 && (
            <Button
              size="compact-xs"
              variant="default"
              onClick={() => set([...items, { any: [{ field: 'name', op: 'contains', value: '' }] }])}
            >
              {t('segments.addGroup')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function defaultValue(type: SegmentFieldInfo['type'], op: string): unknown {
  if (NO_VALUE.includes(op)) return undefined;
  if (type === 'count' || op === 'withinDays' || op === 'notWithinDays') return 0;
  if (type === 'tags' || op === 'in') return [];
  if (type === 'amount') return { amount: '', currency: '' };
  return '';
}

function ConditionRow({
  fields,
  condition,
  onChange,
  onRemove,
}: {
  fields: SegmentFieldInfo[];
  condition: SegmentCondition;
  onChange: (next: SegmentCondition) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const field = fields.find((f) => f.key === condition.field);
  const ops = field?.ops ?? [];
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid="criteria-condition">
      <Select
        size="xs"
        w={200}
        searchable
        allowDeselect={false}
        aria-label={t('segments.field')}
        data={fields.map((f) => ({ value: f.key, label: f.label }))}
        value={condition.field}
        onChange={(key) => {
          const next = fields.find((f) => f.key === key);
          if (!next) return;
          const op = next.ops.includes(condition.op) ? condition.op : next.ops[0];
          onChange({ field: next.key, op, value: defaultValue(next.type, op) });
        }}
        data-testid="criteria-field"
      />
      <Select
        size="xs"
        w={150}
        allowDeselect={false}
        aria-label={t('segments.op')}
        data={ops.map((op) => ({ value: op, label: t(`segments.ops.${op}`, { defaultValue: op }) }))}
        value={condition.op}
        onChange={(op) => op && field && onChange({ ...condition, op, value: defaultValue(field.type, op) })}
        data-testid="criteria-op"
      />
      {field && !NO_VALUE.includes(condition.op) && (
        <ValueInput
          field={field}
          condition={condition}
          onChange={(value) => onChange({ ...condition, value })}
        />
      )}
      <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t('common.remove')} mt={2}>
        ×
      </ActionIcon>
    </Group>
  );
}

function ValueInput({
  field,
  condition,
  onChange,
}: {
  field: SegmentFieldInfo;
  condition: SegmentCondition;
  onChange: (value: unknown) => void;
}) {
  const { t } = useTranslation();
  const users = useUserOptions();
  const industries = useIndustryOptions();
  const sources = useSourceOptions();
  const currencies = useCurrencyOptions();
  const many = condition.op === 'in';
  const common = {
    size: 'xs' as const,
    w: 240,
    'aria-label': t('segments.value'),
    'data-testid': 'criteria-value',
  };
  const value = condition.value;

  const idOptions: Record<string, { value: string; label: string }[]> = {
    responsibleUserId: users.options,
    industryId: industries.options,
    firstSourceId: sources.options,
    kind: [
      { value: 'organization', label: t('clients.kind.organization') },
      { value: 'person', label: t('clients.kind.person') },
    ],
  };
  if (field.type === 'id' || field.type === 'choice') {
    const data = idOptions[field.key] ?? [];
    return many ? (
      <MultiSelect {...common} searchable data={data} value={(value as string[]) ?? []} onChange={onChange} />
    ) : (
      <Select {...common} searchable data={data} value={(value as string) || null} onChange={onChange} />
    );
  }
  if (field.type === 'tags')
    return <TagsInput {...common} value={(value as string[]) ?? []} onChange={onChange} />;
  if (field.type === 'count' || condition.op === 'withinDays' || condition.op === 'notWithinDays')
    return (
      <NumberInput
        {...common}
        w={120}
        min={0}
        allowDecimal={false}
        value={(value as number) ?? 0}
        onChange={(n) => onChange(typeof n === 'number' ? n : 0)}
      />
    );
  if (field.type === 'date')
    return <DayInput {...common} value={(value as string) || null} onChange={(d) => onChange(d ?? '')} />;
  if (field.type === 'amount') {
    const money = (value as { amount: string; currency: string }) ?? { amount: '', currency: '' };
    return (
      <Group gap={4} wrap="nowrap">
        <TextInput
          {...common}
          w={120}
          inputMode="decimal"
          value={money.amount}
          onChange={(e) => onChange({ ...money, amount: e.currentTarget.value.trim() })}
        />
        <Select
          size="xs"
          w={110}
          searchable
          aria-label={t('deals.currency')}
          data={currencies.map((c) => ({ value: c.value, label: c.value }))}
          value={money.currency || null}
          onChange={(c) => onChange({ ...money, currency: c ?? '' })}
        />
      </Group>
    );
  }
  return (
    <TextInput
      {...common}
      value={(value as string) ?? ''}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
