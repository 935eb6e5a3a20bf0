// The list's filter lives in the URL, so reload, back/forward and shared links keep it.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export function useNotificationsParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const unreadOnly = searchParams.get('unread') === 'true';
  const setUnreadOnly = useCallback(
    (next: boolean) =>
      setSearchParams((current) => {
        const params = new URLSearchParams(current);
        if (next) params.set('unread', 'true');
        else params.delete('unread');
        return params;
      }),
    [setSearchParams],
  );
  return { unreadOnly, setUnreadOnly };
}
