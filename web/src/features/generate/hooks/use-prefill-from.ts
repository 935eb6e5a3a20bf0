import { useEffect, useRef, useState } from 'react';
import type { ContentDetail } from '@genonaut/contracts';
import { useContentItem } from '@/api/get-content-item';
import { useGenerateParams } from './use-generate-params';

export type PrefillOutcome =
  { kind: 'copied'; title: string } | { kind: 'failed'; id: number; error: unknown };

/**
 * `?from=<contentId>` ("generate again with these settings"): loads the item, hands it to `apply`
 * once, then takes `from` out of the URL so a reload does not overwrite later edits.
 */
export function usePrefillFrom(apply: (item: ContentDetail) => void) {
  const { from, rawFrom, clearFrom } = useGenerateParams();
  const source = useContentItem(from);
  const [outcome, setOutcome] = useState<PrefillOutcome | null>(null);
  const latestApply = useRef(apply);
  useEffect(() => {
    latestApply.current = apply;
  });

  useEffect(() => {
    // Not an item id at all: nothing to load, just tidy the URL.
    if (rawFrom !== null && from === null) clearFrom();
  }, [rawFrom, from, clearFrom]);

  useEffect(() => {
    if (from === null) return;
    if (source.isSuccess) {
      latestApply.current(source.data);
      setOutcome({ kind: 'copied', title: source.data.title });
      clearFrom();
    } else if (source.isError) {
      setOutcome({ kind: 'failed', id: from, error: source.error });
      clearFrom();
    }
  }, [from, source.isSuccess, source.isError, source.data, source.error, clearFrom]);

  return { loading: from !== null && source.isPending, outcome, dismiss: () => setOutcome(null) };
}
