import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchIcon } from './icons';

/** A search box that tells the list what to look for once the user pauses typing. */
export function FilterInput({
  onChange,
  placeholder,
}: {
  onChange: (q: string) => void;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const report = useDebouncedCallback((q: string) => onChange(q.trim()), 300);
  return (
    <TextInput
      size="sm"
      w={260}
      leftSection={<SearchIcon />}
      placeholder={placeholder ?? t('common.filter')}
      aria-label={placeholder ?? t('common.filter')}
      data-testid="filter-input"
      value={value}
      onChange={(e) => {
        setValue(e.currentTarget.value);
        report(e.currentTarget.value);
      }}
    />
  );
}
