import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormAlert } from '../../ui/form-alert';
import { useApiMutation } from '../../ui/use-api-mutation';
import { ClientSelect } from './client-select';
import type { Client } from './party-types';

/** Merges `client` into the one picked: everything moves there, and `client` is archived. */
export function MergeModal({
  client,
  candidates = [],
  onClose,
  onMerged,
}: {
  client: Pick<Client, 'id' | 'name'> | null;
  candidates?: { id: string; name: string }[];
  onClose: () => void;
  onMerged: (intoClientId: string) => void;
}) {
  const { t } = useTranslation();
  const [into, setInto] = useState<string | null>(candidates[0]?.id ?? null);
  const [error, setError] = useState<string | null>(null);
  const merge = useApiMutation(
    (intoClientId: string) => api.post(`/clients/${client?.id}/merge`, { intoClientId }),
    {
      invalidate: ['/clients', '/search'],
      success: t('clients.merged'),
      onSuccess: () => {
        if (into) onMerged(into);
        onClose();
      },
      onError: (e) => setError(e instanceof Error ? e.message : String(e)),
    },
  );
  return (
    <Modal opened={client !== null} onClose={onClose} title={t('clients.mergeTitle', { name: client?.name })}>
      <Stack gap="sm">
        <Alert color="orange" variant="light">
          {t('clients.mergeExplain', { name: client?.name })}
        </Alert>
        <FormAlert message={error} />
        <ClientSelect
          label={t('clients.mergeInto')}
          value={into}
          onChange={setInto}
          exclude={client?.id}
          initial={candidates}
          data-testid="merge-into"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="orange"
            disabled={!into}
            loading={merge.isPending}
            onClick={() => into && merge.mutate(into)}
            data-testid="merge-confirm"
          >
            {t('clients.merge')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
