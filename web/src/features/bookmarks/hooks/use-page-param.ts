import { useSearchParams } from 'react-router';

/** The page number lives in the URL, like every other page state; page 1 leaves it out. */
export function usePageParam() {
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('page') ?? '1');
  const page = Number.isInteger(raw) && raw >= 1 ? raw : 1;
  const setPage = (next: number) => {
    setParams(next > 1 ? { page: String(next) } : {});
    window.scrollTo({ top: 0 });
  };
  return [page, setPage] as const;
}
