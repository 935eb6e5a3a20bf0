import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { installIntersectionObserver } from './intersection-observer';
import { server } from './server';

// The first render of a file loads the lazy route chunks through Vite's transform, which can take
// several seconds on a busy 2-core machine; waiting longer costs nothing when things are quick.
configure({ asyncUtilTimeout: 15_000 });

// jsdom has no matchMedia; MUI's colour scheme and useMediaQuery ask it (answer: a wide light screen).
window.matchMedia = (query: string) =>
  ({
    matches: query.includes('min-width') && !query.includes('prefers-color-scheme'),
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }) as MediaQueryList;

// jsdom logs "not implemented" for scrolling; the pager scrolls to the top on a page change.
window.scrollTo = () => undefined;

// jsdom has no IntersectionObserver: tests bring elements into view with `scrollIntoViewport`.
installIntersectionObserver();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  window.localStorage.clear();
});
afterAll(() => server.close());
