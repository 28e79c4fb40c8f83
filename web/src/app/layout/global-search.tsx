import {
  Badge,
  Group,
  Kbd,
  Loader,
  Paper,
  Popover,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { isModuleEnabled, useMe } from '../../auth/me';
import type { SearchHit } from '../../modules/parties/party-types';
import { SearchIcon } from '../../ui/icons';

const TYPE_ORDER = ['client', 'contact', 'counterparty', 'deal'];

/** Where a hit opens: its own card, or its client's card for the records that have none. */
function hitLink(hit: SearchHit, crm: boolean): string | null {
  if (hit.type === 'client') return `/clients/${hit.id}`;
  if (hit.type === 'deal') return crm ? `/crm/deals/${hit.id}` : null;
  return hit.clientId ? `/clients/${hit.clientId}` : null;
}

/**
 * One box that finds clients, contacts, counterparties and deals by a name fragment, a phone,
 * an email or a tax id. Arrows move through the results, Enter opens one, Escape closes.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const me = useMe();
  const crm = isModuleEnabled(me, 'crm');
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [opened, setOpened] = useState(false);
  const [active, setActive] = useState(0);
  const [q] = useDebouncedValue(text.trim(), 200);
  useHotkeys([
    ['mod+K', () => input.current?.focus()],
    ['/', () => input.current?.focus()],
  ]);
  const search = useQuery({
    queryKey: ['/search', q],
    queryFn: () => api.get<{ items: SearchHit[] }>('/search', { q, limit: 20 }),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const hits = (q.length >= 2 ? (search.data?.items ?? []) : [])
    .filter((h) => crm || h.type !== 'deal')
    .sort((a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type));
  const groups = TYPE_ORDER.map((type) => ({ type, hits: hits.filter((h) => h.type === type) })).filter(
    (g) => g.hits.length > 0,
  );
  const flat = groups.flatMap((g) => g.hits);

  const open = (hit: SearchHit) => {
    const link = hitLink(hit, crm);
    if (!link) return;
    setOpened(false);
    setText('');
    input.current?.blur();
    void navigate({ to: link });
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpened(true);
      setActive((i) => Math.min(i + 1, flat.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = flat[active];
      if (hit) open(hit);
    } else if (event.key === 'Escape') {
      setOpened(false);
      input.current?.blur();
    }
  };

  return (
    <Popover
      opened={opened && q.length >= 2}
      onChange={setOpened}
      position="bottom-start"
      width="target"
      shadow="md"
      trapFocus={false}
      returnFocus={false}
    >
      <Popover.Target>
        <TextInput
          ref={input}
          size="sm"
          w={{ base: 180, sm: 320 }}
          leftSection={<SearchIcon />}
          rightSection={search.isFetching ? <Loader size={14} /> : <Kbd size="xs">/</Kbd>}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          role="combobox"
          aria-expanded={opened && q.length >= 2}
          aria-controls="global-search-results"
          aria-activedescendant={flat[active] ? `search-hit-${active}` : undefined}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setActive(0);
            setOpened(true);
          }}
          onFocus={() => setOpened(true)}
          onKeyDown={onKeyDown}
          data-testid="global-search"
        />
      </Popover.Target>
      <Popover.Dropdown p={4}>
        <Stack gap={4} id="global-search-results" role="listbox" data-testid="global-search-results">
          {flat.length === 0 && !search.isFetching && (
            <Text size="sm" c="dimmed" p="xs">
              {t('search.nothing')}
            </Text>
          )}
          {groups.map((group) => (
            <Stack key={group.type} gap={0}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="xs" pt={4}>
                {t(`search.type.${group.type}`)}
              </Text>
              {group.hits.map((hit) => {
                const index = flat.indexOf(hit);
                const selected = index === active;
                return (
                  <UnstyledButton
                    key={`${hit.type}-${hit.id}`}
                    id={`search-hit-${index}`}
                    role="option"
                    aria-selected={selected}
                    onMouseEnter={() => setActive(index)}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => open(hit)}
                    data-testid="search-hit"
                    data-hit-type={hit.type}
                  >
                    <Paper px="xs" py={4} bg={selected ? 'var(--mantine-color-indigo-light)' : undefined}>
                      <Group justify="space-between" wrap="nowrap" gap="xs">
                        <Text size="sm" fw={600} truncate>
                          {hit.title}
                        </Text>
                        {hit.detail && (
                          <Badge size="xs" variant="light" color="gray" tt="none" maw={160}>
                            {hit.detail}
                          </Badge>
                        )}
                      </Group>
                    </Paper>
                  </UnstyledButton>
                );
              })}
            </Stack>
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
