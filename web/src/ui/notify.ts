import { notifications } from '@mantine/notifications';
import i18n from 'i18next';
import { problemMessage } from '../api/client';

export function notifySuccess(message: string) {
  notifications.show({ color: 'teal', message, autoClose: 3000 });
}

export function notifyError(error: unknown) {
  notifications.show({
    color: 'red',
    title: i18n.t('common.failed'),
    message: problemMessage(error),
    autoClose: 6000,
  });
}
