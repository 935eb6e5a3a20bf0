import { useEffect, useState, type ReactNode } from 'react';
import { QueryClientProvider, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCurrentUser } from '@/features/auth/api/get-current-user';
import { unreadCountListener } from '@/features/notifications/api/get-unread-count';
import { RealtimeProvider } from '@/hooks/use-realtime';
import { createQueryClient } from '@/lib/query-client';
import { RealtimeClient } from '@/lib/realtime-client';
import { AppTheme } from '@/theme/app-theme';

/** One socket while someone is signed in, none otherwise (the API refuses anonymous upgrades). */
function RealtimeConnection({ children }: { children: ReactNode }) {
  const userId = useCurrentUser().data?.id;
  const queryClient = useQueryClient();
  const [client, setClient] = useState<RealtimeClient | null>(null);
  useEffect(() => {
    if (!userId) return;
    const next = new RealtimeClient();
    next.onMessage(unreadCountListener(queryClient));
    setClient(next);
    return () => {
      next.close();
      setClient(null);
    };
  }, [userId, queryClient]);
  // Connecting in a later effect than the one that provides the client: children's effects run
  // first, so their listeners are in place before the server's greeting (the unread count) arrives.
  useEffect(() => client?.connect(), [client]);
  return <RealtimeProvider client={client}>{children}</RealtimeProvider>;
}

export function AppProviders({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <AppTheme>
        <RealtimeConnection>{children}</RealtimeConnection>
      </AppTheme>
    </QueryClientProvider>
  );
}
