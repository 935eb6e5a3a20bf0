import { useState } from 'react';
import { Link as RouterLink, useLocation } from 'react-router';
import Button from '@mui/material/Button';
import BookmarkIcon from '@mui/icons-material/Bookmark';
import BookmarkBorderIcon from '@mui/icons-material/BookmarkBorder';
import { MutationError } from '@/components/mutation-error';
import { paths } from '@/config/paths';
import { useCreateBookmark } from '../api/create-bookmark';
import { BookmarkManagerDialog } from './bookmark-manager-dialog';

/**
 * The item page's bookmark button: bookmarks the item and opens the category manager; filled when
 * bookmarked, and then it opens the manager. `onChange` tells the page the item's new bookmark id
 * (null once removed), since the page's item carries it. Visitors get a sign-in link instead.
 */
export function ItemBookmark({
  contentId,
  bookmarkId,
  signedIn,
  onChange,
}: {
  contentId: number;
  bookmarkId: string | null;
  signedIn: boolean;
  onChange: (bookmarkId: string | null) => void;
}) {
  const location = useLocation();
  const create = useCreateBookmark();
  const [managing, setManaging] = useState(false);

  if (!signedIn) {
    return (
      <Button
        variant="outlined"
        component={RouterLink}
        to={paths.login.href(location.pathname + location.search)}
        startIcon={<BookmarkBorderIcon />}
        data-testid="bookmark-sign-in"
      >
        Sign in to bookmark
      </Button>
    );
  }

  const bookmarked = bookmarkId !== null;
  const click = () => {
    if (bookmarked) return setManaging(true);
    create.mutate(
      { contentId },
      {
        onSuccess: (bookmark) => {
          onChange(bookmark.id);
          setManaging(true);
        },
      },
    );
  };

  return (
    <>
      <Button
        variant={bookmarked ? 'contained' : 'outlined'}
        color={bookmarked ? 'secondary' : 'primary'}
        startIcon={bookmarked ? <BookmarkIcon /> : <BookmarkBorderIcon />}
        onClick={click}
        loading={create.isPending}
        aria-haspopup={bookmarked ? 'dialog' : undefined}
        data-testid="bookmark-button"
        data-bookmarked={bookmarked}
      >
        {bookmarked ? 'Bookmarked' : 'Bookmark'}
      </Button>
      <MutationError error={create.error} message="Not bookmarked" testId="bookmark-error" />
      {managing && bookmarkId && (
        <BookmarkManagerDialog
          bookmarkId={bookmarkId}
          onClose={() => setManaging(false)}
          onRemoved={() => {
            setManaging(false);
            onChange(null);
          }}
        />
      )}
    </>
  );
}
