import { useCallback } from 'react';
import { useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { ContentDetail } from '@genonaut/contracts';
import { useCurrentUser } from '@/features/auth/api/get-current-user';
import { ItemBookmark } from '@/features/bookmarks/components/item-bookmark';
import { contentItemQueryOptions } from '@/api/get-content-item';
import { ContentItemPage } from '@/features/content/components/content-item-page';

/** The item's cached `viewer.bookmarkId` follows the bookmark button; the count comes on refetch. */
function useBookmarkChange(id: number) {
  const queryClient = useQueryClient();
  return useCallback(
    (bookmarkId: string | null) => {
      const { queryKey } = contentItemQueryOptions(id);
      queryClient.setQueryData<ContentDetail>(
        queryKey,
        (item) => item && { ...item, viewer: { rating: item.viewer?.rating ?? null, bookmarkId } },
      );
      void queryClient.invalidateQueries({ queryKey });
    },
    [id, queryClient],
  );
}

export function Component() {
  const id = Number(useParams().id);
  // Features do not import each other: the route hands the signed-in user to the content page and
  // puts the bookmarks feature's button into it.
  const user = useCurrentUser().data ?? null;
  const onBookmarkChange = useBookmarkChange(id);
  return (
    <ContentItemPage
      id={id}
      viewer={user && { id: user.id, role: user.role }}
      slots={{
        bookmark: (item) => (
          <ItemBookmark
            contentId={item.id}
            bookmarkId={item.viewer?.bookmarkId ?? null}
            signedIn={user !== null}
            onChange={onBookmarkChange}
          />
        ),
      }}
    />
  );
}
