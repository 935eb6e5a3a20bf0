// jsdom has no IntersectionObserver and no layout to compute one from. The setup installs this stand-in;
// a test says when an element comes into view with `scrollIntoViewport`, which calls the callback of
// every connected observer watching it, as the browser would.
import { act } from '@testing-library/react';

const connected = new Set<TestIntersectionObserver>();

class TestIntersectionObserver implements IntersectionObserver {
  readonly root = null;
  readonly rootMargin: string;
  readonly thresholds: readonly number[] = [0];
  readonly scrollMargin = '0px';
  private readonly targets = new Set<Element>();

  constructor(
    private readonly callback: IntersectionObserverCallback,
    options: IntersectionObserverInit = {},
  ) {
    this.rootMargin = options.rootMargin ?? '0px';
  }

  observe(target: Element): void {
    this.targets.add(target);
    connected.add(this);
  }

  unobserve(target: Element): void {
    this.targets.delete(target);
    if (this.targets.size === 0) connected.delete(this);
  }

  disconnect(): void {
    this.targets.clear();
    connected.delete(this);
  }

  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }

  /** Tells the callback that `target` entered (or left) the viewport; false when it is not watched. */
  notify(target: Element, isIntersecting: boolean): boolean {
    if (!this.targets.has(target)) return false;
    const rect = target.getBoundingClientRect();
    const entry: IntersectionObserverEntry = {
      target,
      isIntersecting,
      intersectionRatio: isIntersecting ? 1 : 0,
      boundingClientRect: rect,
      intersectionRect: rect,
      rootBounds: null,
      time: performance.now(),
    };
    this.callback([entry], this);
    return true;
  }
}

export function installIntersectionObserver(): void {
  globalThis.IntersectionObserver = TestIntersectionObserver;
}

/**
 * Brings `target` into view (or, with `isIntersecting` false, out of it) for every observer watching
 * it; answers how many were told, so a test can also check that nothing watches it any more.
 */
export function scrollIntoViewport(target: Element, isIntersecting = true): number {
  let told = 0;
  act(() => {
    for (const observer of [...connected]) if (observer.notify(target, isIntersecting)) told += 1;
  });
  return told;
}
