import { useState } from 'react';
import { api, type Page } from '../../../api/client';
import { notifyError } from '../../../ui/notify';
import type { Board, BoardStage, Deal } from '../crm-types';

interface MoreDeals {
  deals: Deal[];
  cursor: string | null;
  loading: boolean;
}

/**
 * The deals a board column shows beyond its first page: each "show more" reads the next page of
 * the stage's deal list from the column's cursor. A new board (after a move) starts afresh, since
 * the deals it counts and shows may have changed.
 */
export function useMoreDeals(board: Board) {
  const [loaded, setLoaded] = useState<{ board: Board; byStage: Record<string, MoreDeals> }>({
    board,
    byStage: {},
  });
  const byStage = loaded.board === board ? loaded.byStage : {};
  const moreOf = (stage: BoardStage): MoreDeals =>
    byStage[stage.id] ?? { deals: [], cursor: stage.nextCursor, loading: false };

  const showMore = async (stage: BoardStage) => {
    const current = moreOf(stage);
    if (!current.cursor || current.loading) return;
    const put = (more: MoreDeals) =>
      setLoaded((l) => ({
        board,
        byStage: { ...(l.board === board ? l.byStage : {}), [stage.id]: more },
      }));
    put({ ...current, loading: true });
    try {
      const page = await api.get<Page<Deal>>('/deals', { stageId: stage.id, cursor: current.cursor });
      put({ deals: [...current.deals, ...page.items], cursor: page.nextCursor, loading: false });
    } catch (error) {
      put({ ...current, loading: false });
      notifyError(error);
    }
  };
  return { moreOf, showMore };
}
