import { Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../ui/use-api-mutation';
import { useSourceOptions } from '../use-crm-options';

interface FirstSource {
  source: { id: string; name: string; kind: string } | null;
  since: string | null;
}

/**
 * "How did you learn about us?" on the client card: shown as a fact, answered or corrected in
 * place by whoever may write CRM records (a qualified lead answers it by itself).
 */
export function FirstSourceFact({ clientId, editable }: { clientId: string; editable: boolean }) {
  const { t } = useTranslation();
  const path = `/clients/${clientId}/first-source`;
  const query = useQuery({ queryKey: [path], queryFn: () => api.get<FirstSource>(path) });
  const sources = useSourceOptions();
  const save = useApiMutation((sourceId: string) => api.put(path, { sourceId }), {
    invalidate: [path, '/attribution'],
    success: t('common.saved'),
  });
  const current = query.data?.source ?? null;
  const options =
    current && !sources.options.some((o) => o.value === current.id)
      ? [...sources.options, { value: current.id, label: current.name }]
      : sources.options;
  return (
    <Stack gap={0} data-testid="fact-first-source">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {t('clients.firstSource')}
      </Text>
      {editable ? (
        <Select
          size="xs"
          variant="unstyled"
          searchable
          allowDeselect={false}
          aria-label={t('clients.firstSource')}
          placeholder={t('clients.firstSourceAsk')}
          data={options}
          value={current?.id ?? null}
          onChange={(id) => id && id !== current?.id && save.mutate(id)}
          disabled={save.isPending || query.isLoading}
        />
      ) : (
        <Text size="sm">{current?.name || '—'}</Text>
      )}
    </Stack>
  );
}
