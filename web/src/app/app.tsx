import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { Suspense } from 'react';
import { setUnauthorizedHandler } from '../api/client';
import { CenteredLoader } from '../ui/centered-loader';
import { queryClient } from './query-client';
import { makeRouter } from './router';
import { theme } from './theme';

const router = makeRouter(queryClient);

// A session that ended (logout elsewhere, expiry) sends the user to log in, then back here.
setUnauthorizedHandler(() => {
  const { pathname, href } = router.state.location;
  if (pathname === '/login' || pathname.startsWith('/invite/')) return;
  queryClient.clear();
  void router.navigate({ to: '/login', search: { redirect: href } });
});

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <Suspense fallback={<CenteredLoader />}>
          <RouterProvider router={router} />
        </Suspense>
      </QueryClientProvider>
    </MantineProvider>
  );
}
