import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, type FieldProblem } from '../../../api/client';
import { notifyError } from '../../../ui/notify';
import type { DealCard } from '../crm-types';

export interface MoveRequest {
  dealId: string;
  dealTitle: string;
  clientId: string;
  stageId: string;
  stageName: string;
  lossReasonId?: string;
  note?: string;
}

/** A move the stage regulation refused: what is missing, one entry per thing. */
export interface RefusedMove {
  request: MoveRequest;
  missing: FieldProblem[];
  detail: string;
}

/**
 * Moves a deal to a stage as a drag on the board does. While the server decides, the card shows
 * in its new column; a refusal puts it back and, for an unmet regulation, says what is missing.
 */
export function useMoveDeal() {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<Record<string, string>>({});
  const [refused, setRefused] = useState<RefusedMove | null>(null);

  const move = async (request: MoveRequest): Promise<boolean> => {
    setPending((p) => ({ ...p, [request.dealId]: request.stageId }));
    try {
      await api.post<DealCard>(`/deals/${request.dealId}/move`, {
        stageId: request.stageId,
        ...(request.lossReasonId ? { lossReasonId: request.lossReasonId } : {}),
        ...(request.note ? { note: request.note } : {}),
      });
      await Promise.all(
        ['/pipelines', '/deals', `/deals/${request.dealId}`, `/clients/${request.clientId}/timeline`].map(
          (key) => queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      );
      setRefused(null);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && error.problem.errors?.length) {
        setRefused({
          request,
          missing: error.problem.errors,
          detail: error.problem.detail ?? error.problem.title,
        });
      } else notifyError(error);
      return false;
    } finally {
      setPending(({ [request.dealId]: _, ...rest }) => rest);
    }
  };

  return { move, pending, refused, dismiss: () => setRefused(null) };
}
