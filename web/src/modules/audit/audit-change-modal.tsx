import { Code, Modal, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type AuditEntry, changedFields, showValue } from './audit-types';

/** What one audited action changed, field by field. */
export function AuditChangeModal({ entry, onClose }: { entry: AuditEntry | null; onClose: () => void }) {
  const { t } = useTranslation();
  const changes = entry ? changedFields(entry.before, entry.after) : [];
  return (
    <Modal opened={entry !== null} onClose={onClose} title={entry?.action} size="xl">
      {entry && (
        <>
          <Text size="sm" c="dimmed" mb="xs">
            {entry.entity} {entry.entityId}
          </Text>
          {changes.length === 0 ? (
            <Text size="sm">{t('audit.noChanges')}</Text>
          ) : (
            <Table striped fz="sm" verticalSpacing={4} layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="22%">{t('audit.field')}</Table.Th>
                  <Table.Th>{t('audit.before')}</Table.Th>
                  <Table.Th>{t('audit.after')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {changes.map((c) => (
                  <Table.Tr key={c.field}>
                    <Table.Td ff="monospace">{c.field}</Table.Td>
                    <Table.Td>
                      <Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                        {showValue(c.before)}
                      </Code>
                    </Table.Td>
                    <Table.Td>
                      <Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                        {showValue(c.after)}
                      </Code>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Modal>
  );
}
