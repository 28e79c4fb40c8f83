import { Alert } from '@mantine/core';

/** The part of a server refusal that no single field can show. */
export function FormAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" py="xs" role="alert" data-testid="form-error">
      {message}
    </Alert>
  );
}
