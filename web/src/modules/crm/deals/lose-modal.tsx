import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLossReasons } from '../use-crm-options';

/** Asks why a deal is lost; the move or the "lose" button waits for the answer. */
export function LoseModal({
  opened,
  title,
  pending,
  onClose,
  onConfirm,
}: {
  opened: boolean;
  title: string;
  pending?: boolean;
  onClose: () => void;
  onConfirm: (lossReasonId: string, note: string) => void;
}) {
  const { t } = useTranslation();
  const reasons = useLossReasons().data ?? [];
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title={t('deals.loseTitle', { deal: title })}>
      <Stack gap="sm">
        <Select
          label={t('deals.lossReason')}
          required
          data={reasons.map((r) => ({ value: r.id, label: r.name }))}
          value={reason}
          onChange={setReason}
          data-testid="loss-reason"
        />
        <Textarea
          label={t('deals.lossNote')}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            disabled={!reason}
            loading={pending}
            onClick={() => reason && onConfirm(reason, note.trim())}
            data-testid="lose-confirm"
          >
            {t('deals.lose')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
