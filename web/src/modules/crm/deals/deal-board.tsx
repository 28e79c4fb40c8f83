import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Menu,
  Paper,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../ui/format';
import { ChevronDownIcon } from '../../../ui/icons';
import type { Board, BoardStage, Deal } from '../crm-types';
import { LoseModal } from './lose-modal';
import { MissingDialog } from './missing-dialog';
import { type MoveRequest, useMoveDeal } from './move-deal';
import { useMoreDeals } from './use-more-deals';

const OUTCOME_COLOR = { open: 'indigo', won: 'teal', lost: 'red' } as const;
const DRAG_TYPE = 'application/x-tandem-deal';

/**
 * The kanban board of a pipeline. Drag a card to another column, or use its menu: either asks
 * the server to move the deal, and a refused move leaves the card where it was.
 */
export function DealBoard({ board, canWrite }: { board: Board; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { move, pending, refused, dismiss } = useMoveDeal();
  const [over, setOver] = useState<string | null>(null);
  const [losing, setLosing] = useState<MoveRequest | null>(null);

  const { moreOf, showMore } = useMoreDeals(board);
  const shownIn = (stage: BoardStage) => [...stage.deals, ...moreOf(stage).deals];
  const allDeals = board.stages.flatMap(shownIn);
  const dealsIn = (stage: BoardStage) => [
    ...shownIn(stage).filter((d) => (pending[d.id] ?? d.stageId) === stage.id),
    ...allDeals.filter((d) => d.stageId !== stage.id && pending[d.id] === stage.id),
  ];

  const requestMove = (deal: Deal, stage: BoardStage) => {
    if (deal.stageId === stage.id) return;
    const request: MoveRequest = {
      dealId: deal.id,
      dealTitle: deal.title,
      clientId: deal.clientId,
      stageId: stage.id,
      stageName: stage.name,
    };
    if (stage.outcome === 'lost') setLosing(request);
    else void move(request);
  };

  const onDrop = (event: DragEvent, stage: BoardStage) => {
    event.preventDefault();
    setOver(null);
    const id = event.dataTransfer.getData(DRAG_TYPE) || event.dataTransfer.getData('text/plain');
    const deal = allDeals.find((d) => d.id === id);
    if (deal) requestMove(deal, stage);
  };

  return (
    <>
      {board.unconvertedCurrencies.length > 0 && (
        <Alert color="yellow" variant="light" mb="sm" p="xs">
          {t('deals.unconverted', {
            currencies: board.unconvertedCurrencies.join(', '),
            currency: board.currency,
          })}
        </Alert>
      )}
      <ScrollArea type="auto" offsetScrollbars>
        <Group align="flex-start" gap="sm" wrap="nowrap" data-testid="deal-board">
          {board.stages.map((stage) => (
            <Paper
              key={stage.id}
              withBorder
              p={6}
              w={250}
              miw={250}
              bg={
                over === stage.id ? 'var(--mantine-color-indigo-light)' : 'var(--mantine-color-default-hover)'
              }
              data-testid={`board-column-${stage.position}`}
              data-stage-name={stage.name}
              onDragOver={(e) => {
                if (!canWrite) return;
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                setOver(stage.id);
              }}
              onDragLeave={() => setOver((o) => (o === stage.id ? null : o))}
              onDrop={(e) => onDrop(e, stage)}
            >
              <Stack gap={2} px={4} pb={6}>
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={700} size="sm" truncate>
                    {stage.name}
                  </Text>
                  <Badge size="xs" variant="light" color={OUTCOME_COLOR[stage.outcome]}>
                    {stage.probability}%
                  </Badge>
                </Group>
                <Group justify="space-between" wrap="nowrap">
                  <Text size="xs" c="dimmed" data-testid="stage-count">
                    {t('deals.count', { count: stage.dealCount })}
                  </Text>
                  <Text size="xs" fw={600} data-testid="stage-total">
                    {format.money(stage.total, board.currency)}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed" ta="right" title={t('deals.weighted')}>
                  ≈ {format.money(stage.weightedTotal, board.currency)}
                </Text>
              </Stack>
              <Stack gap={6} mih={60}>
                {dealsIn(stage).map((deal) => (
                  <DealTile
                    key={deal.id}
                    deal={deal}
                    moving={pending[deal.id] !== undefined}
                    canWrite={canWrite}
                    stages={board.stages}
                    onMove={(target) => requestMove(deal, target)}
                  />
                ))}
                {moreOf(stage).cursor && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    loading={moreOf(stage).loading}
                    onClick={() => void showMore(stage)}
                    data-testid="board-show-more"
                  >
                    {t('deals.showMore', { count: stage.dealCount - shownIn(stage).length })}
                  </Button>
                )}
              </Stack>
            </Paper>
          ))}
        </Group>
      </ScrollArea>
      <MissingDialog
        refused={refused}
        onClose={dismiss}
        onRetry={() => {
          if (refused) void move(refused.request);
        }}
      />
      <LoseModal
        opened={losing !== null}
        title={losing?.dealTitle ?? ''}
        onClose={() => setLosing(null)}
        onConfirm={(lossReasonId, note) => {
          if (losing) void move({ ...losing, lossReasonId, note: note || undefined });
          setLosing(null);
        }}
      />
    </>
  );
}

function DealTile({
  deal,
  moving,
  canWrite,
  stages,
  onMove,
}: {
  deal: Deal;
  moving: boolean;
  canWrite: boolean;
  stages: BoardStage[];
  onMove: (stage: BoardStage) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper
      withBorder
      shadow="xs"
      p={6}
      draggable={canWrite}
      opacity={moving ? 0.6 : 1}
      style={{ cursor: canWrite ? 'grab' : undefined }}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, deal.id);
        e.dataTransfer.setData('text/plain', deal.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      data-testid="deal-tile"
      data-deal-id={deal.id}
      data-deal-title={deal.title}
    >
      <Group justify="space-between" wrap="nowrap" gap={4} align="flex-start">
        <Anchor
          component={Link}
          to={`/crm/deals/${deal.id}`}
          size="sm"
          fw={600}
          lineClamp={2}
          draggable={false}
        >
          {deal.title}
        </Anchor>
        {canWrite && (
          <Menu position="bottom-end" shadow="md" withinPortal>
            <Menu.Target>
              <UnstyledButton aria-label={t('deals.moveTo')} data-testid="deal-tile-menu">
                <ChevronDownIcon size={14} />
              </UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('deals.moveTo')}</Menu.Label>
              {stages
                .filter((s) => s.id !== deal.stageId)
                .map((s) => (
                  <Menu.Item key={s.id} onClick={() => onMove(s)} data-testid={`move-to-${s.position}`}>
                    {s.name}
                  </Menu.Item>
                ))}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      <Text size="xs" c="dimmed" truncate>
        {deal.clientName}
      </Text>
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="xs" fw={600}>
          {format.money(deal.amount, deal.currency) || '—'}
        </Text>
        <Text size="xs" c="dimmed">
          {format.day(deal.expectedClose)}
        </Text>
      </Group>
      {deal.responsibleName && (
        <Box>
          <Text size="xs" c="dimmed" truncate>
            {deal.responsibleName}
          </Text>
        </Box>
      )}
    </Paper>
  );
}
