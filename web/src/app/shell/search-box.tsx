import { useEffect, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import Autocomplete from '@mui/material/Autocomplete';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import SearchIcon from '@mui/icons-material/Search';
import { paths } from '@/config/paths';
import { useCurrentUser } from '@/features/auth/api/get-current-user';
import { RecentSearchOption } from '@/features/search-history/components/recent-search-option';
import { useSearchSuggestions } from '@/features/search-history/hooks/use-search-suggestions';

/**
 * The app bar's search: runs a gallery search, offering the recent searches as you type (a signed-in
 * user's from their search history, a visitor's from this browser).
 */
export function SearchBox() {
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const onGallery = location.pathname === paths.gallery.path;
  const currentQ = onGallery ? (searchParams.get('q') ?? '') : '';
  const [input, setInput] = useState(currentQ);
  const signedIn = Boolean(useCurrentUser().data);
  // Suggestions are asked for only once the box is used, not on every page load.
  const [used, setUsed] = useState(false);
  const recent = useSearchSuggestions({ signedIn, active: used, input });
  const [highlighted, setHighlighted] = useState<string | null>(null);

  // Back/forward in the gallery changes q; the box follows the URL.
  useEffect(() => setInput(currentQ), [currentQ]);

  const search = (query: string) => {
    recent.record(query);
    // On the gallery the other filters stay; elsewhere a search starts a fresh gallery view.
    const next = new URLSearchParams(onGallery ? searchParams : undefined);
    if (query.trim()) next.set('q', query.trim());
    else next.delete('q');
    next.delete('page');
    void navigate(paths.gallery.href(next));
  };

  return (
    <Autocomplete
      freeSolo
      options={recent.options}
      // Controlled with no value, so Enter runs a search every time, also the same query again.
      value={null}
      inputValue={input}
      onInputChange={(_event, value, reason) => {
        if (reason !== 'reset') setInput(value);
      }}
      onChange={(_event, value) => {
        if (typeof value === 'string') search(value);
      }}
      onFocus={() => setUsed(true)}
      onHighlightChange={(_event, option) => setHighlighted(option)}
      onKeyDown={(event) => {
        // Browsers' own address bars forget a suggestion with Shift+Delete.
        if (event.key === 'Delete' && event.shiftKey && highlighted !== null) {
          event.preventDefault();
          recent.remove(highlighted);
        }
      }}
      renderOption={({ key, ...props }, option) => (
        <RecentSearchOption key={key} {...props} query={option} onRemove={recent.remove} />
      )}
      sx={{ flex: 1, maxWidth: 560 }}
      slotProps={{ listbox: { 'aria-label': 'Recent searches' } as object }}
      renderInput={(params) => (
        <TextField
          {...params}
          placeholder="Search images"
          aria-label="Search images"
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'app-search', enterKeyHint: 'search' },
            input: {
              ...params.slotProps.input,
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
        />
      )}
    />
  );
}
