import { Button, type ButtonProps, Group, Popover, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props extends ButtonProps {
  label: string;
  question: string;
  onConfirm: () => void;
  'data-testid'?: string;
}

/** A button for an action that is hard to take back (archive, revoke, deactivate): asks once more. */
export function ConfirmButton({ label, question, onConfirm, 'data-testid': testId, ...buttonProps }: Props) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <Popover opened={opened} onChange={setOpened} withArrow shadow="md" position="bottom-end">
      <Popover.Target>
        <Button
          size="compact-xs"
          variant="subtle"
          color="red"
          {...buttonProps}
          data-testid={testId}
          onClick={() => setOpened((o) => !o)}
        >
          {label}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" maw={260}>
          <Text size="sm">{question}</Text>
          <Group justify="flex-end" gap="xs">
            <Button size="compact-sm" variant="default" onClick={() => setOpened(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              size="compact-sm"
              color={buttonProps.color ?? 'red'}
              data-testid={testId ? `${testId}-confirm` : undefined}
              onClick={() => {
                setOpened(false);
                onConfirm();
              }}
            >
              {label}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
