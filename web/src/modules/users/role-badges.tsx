import { Badge, Group } from '@mantine/core';

export function RoleBadges({ roleIds, nameOf }: { roleIds: string[]; nameOf: (id: string) => string }) {
  return (
    <Group gap={4}>
      {roleIds.map((id) => (
        <Badge key={id} size="sm" variant="light" radius="sm" tt="none">
          {nameOf(id)}
        </Badge>
      ))}
    </Group>
  );
}
