import { Center, Loader } from '@mantine/core';

export function CenteredLoader() {
  return (
    <Center h={200}>
      <Loader size="sm" />
    </Center>
  );
}
