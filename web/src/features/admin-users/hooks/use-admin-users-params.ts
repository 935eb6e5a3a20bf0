// The search and the page live in the URL, so reload, back/forward and shared links keep them.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export function useAdminUsersParams() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const raw = Number(params.get('page') ?? '1');
  const page = Number.isInteger(raw) && raw >= 1 ? raw : 1;
  const update = useCallback(
    (next: { q?: string; page?: number }) =>
      setParams((current) => {
        const out = new URLSearchParams(current);
        if (next.q !== undefined) {
          if (next.q) out.set('q', next.q);
          else out.delete('q');
          out.delete('page');
        }
        if (next.page !== undefined) {
          if (next.page > 1) out.set('page', String(next.page));
          else out.delete('page');
        }
        return out;
      }),
    [setParams],
  );
  return {
    q,
    page,
    setQuery: (value: string) => update({ q: value }),
    setPage: (value: number) => update({ page: value }),
  };
}
