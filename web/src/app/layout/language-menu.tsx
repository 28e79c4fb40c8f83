import { Button, Menu } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ME_KEY, type Me } from '../../auth/me';
import { changeLanguage } from '../../i18n/i18n';
import { LANGUAGES, type LanguageCode } from '../../i18n/languages';
import { GlobeIcon } from '../../ui/icons';
import { notifyError } from '../../ui/notify';

/** The UI language; when logged in it is also saved to the user's profile. */
export function LanguageMenu({ saveToProfile = false }: { saveToProfile?: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const current = LANGUAGES.find((l) => l.code === i18n.language) ?? LANGUAGES[0];

  const choose = async (code: LanguageCode) => {
    await changeLanguage(code);
    if (!saveToProfile) return;
    try {
      queryClient.setQueryData(ME_KEY, await api.patch<Me>('/auth/me', { locale: code }));
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Menu position="bottom-end" shadow="md">
      <Menu.Target>
        <Button
          variant="default"
          size="compact-md"
          leftSection={<GlobeIcon />}
          aria-label={t('language.label')}
          data-testid="language-menu"
        >
          {current.code.toUpperCase()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('language.label')}</Menu.Label>
        {LANGUAGES.map((l) => (
          <Menu.Item
            key={l.code}
            onClick={() => void choose(l.code)}
            fw={l.code === current.code ? 700 : undefined}
            data-testid={`language-${l.code}`}
          >
            {l.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
