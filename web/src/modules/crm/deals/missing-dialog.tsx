import { Alert, Anchor, Button, Divider, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { CenteredLoader } from '../../../ui/centered-loader';
import type { DealCard } from '../crm-types';
import { DealEditForm } from './deal-modal';
import type { RefusedMove } from './move-deal';

/** Fields of the deal itself that the dialog lets a person fill in place. */
const FILLABLE = ['amount', 'expectedClose', 'counterpartyId'];

/** The label of a missing thing: a field of the deal, or tasks, interactions, documents. */
export function useMissingLabel() {
  const { t } = useTranslation();
  return (field: string) =>
    field.startsWith('custom.')
      ? t('regulation.customField', { key: field.slice('custom.'.length) })
      : t(`regulation.field.${field}`, { defaultValue: field });
}

/**
 * Says why a deal may not enter a stage, item by item, and lets the person fill the missing
 * fields of the deal right here, then tries the move again.
 */
export function MissingDialog({
  refused,
  onClose,
  onRetry,
}: {
  refused: RefusedMove | null;
  onClose: () => void;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const label = useMissingLabel();
  const dealId = refused?.request.dealId;
  const deal = useQuery({
    queryKey: [`/deals/${dealId}`],
    queryFn: () => api.get<DealCard>(`/deals/${dealId}`),
    enabled: !!dealId,
  });
  const fill = refused?.missing.map((m) => m.field).filter((f) => FILLABLE.includes(f)) ?? [];
  return (
    <Modal
      opened={refused !== null}
      onClose={onClose}
      title={t('regulation.title', { stage: refused?.request.stageName })}
      size="lg"
    >
      {refused && (
        <Stack gap="sm" data-testid="missing-dialog">
          <Text size="sm">
            {t('regulation.explain', { deal: refused.request.dealTitle, stage: refused.request.stageName })}
          </Text>
          <Alert color="orange" variant="light" p="xs">
            <List size="sm" spacing={4} data-testid="missing-list">
              {refused.missing.map((m) => (
                <List.Item key={`${m.field}-${m.reason}`} data-testid={`missing-${m.field}`}>
                  <b>{label(m.field)}</b>
                  <Text span size="xs" c="dimmed">
                    {' '}
                    — {m.reason}
                  </Text>
                </List.Item>
              ))}
            </List>
          </Alert>
          {fill.length > 0 && (
            <>
              <Divider label={t('regulation.fillHere')} labelPosition="left" />
              {deal.data ? (
                <DealEditForm
                  key={deal.data.updatedAt}
                  deal={deal.data}
                  only={fill}
                  saveLabel={t('regulation.saveAndMove')}
                  onDone={(saved) => (saved ? onRetry() : onClose())}
                />
              ) : (
                <CenteredLoader />
              )}
            </>
          )}
          <Group justify="space-between">
            <Anchor component={Link} to={`/crm/deals/${refused.request.dealId}`} size="sm" onClick={onClose}>
              {t('regulation.openDeal')}
            </Anchor>
            {fill.length === 0 && (
              <Group gap="xs">
                <Button variant="default" onClick={onClose} data-testid="missing-close">
                  {t('common.close')}
                </Button>
                <Button variant="light" onClick={onRetry} data-testid="missing-retry">
                  {t('regulation.retry')}
                </Button>
              </Group>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
