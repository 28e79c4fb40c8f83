import type { QueryClient } from '@tanstack/react-query';
import { changeLanguage } from '../i18n/i18n';
import { isLanguage } from '../i18n/languages';
import type { LoginResult } from './me';
import { meQuery } from './me';

/** After a login: speak the user's language, forget the previous user's data, load who we are now. */
export async function finishLogin(queryClient: QueryClient, result: LoginResult) {
  if (isLanguage(result.user.locale)) await changeLanguage(result.user.locale);
  queryClient.clear();
  await queryClient.fetchQuery(meQuery);
}

/** Only same-site paths: a crafted ?redirect= must not send the user to another site. */
export function safeRedirect(target: string | undefined): string {
  return target?.startsWith('/') && !target.startsWith('//') ? target : '/';
}
