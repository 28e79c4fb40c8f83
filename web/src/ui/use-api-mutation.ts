import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifyError, notifySuccess } from './notify';

interface Options<R> {
  /** List paths whose cached pages the change makes stale, e.g. `/users`. */
  invalidate?: string[];
  /** Shown as a notification once the server agreed. */
  success?: string;
  onSuccess?: (result: R) => void;
  /** A form maps the error onto its fields; without one a notification says what went wrong. */
  onError?: (error: unknown) => void;
}

export function useApiMutation<V, R>(mutationFn: (variables: V) => Promise<R>, options: Options<R> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (result) => {
      await Promise.all(
        (options.invalidate ?? []).map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
      );
      if (options.success) notifySuccess(options.success);
      options.onSuccess?.(result);
    },
    onError: options.onError ?? notifyError,
  });
}
