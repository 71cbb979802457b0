import { observeElementOffset, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useRef, type RefObject } from 'react';

// Browsers stop growing an element at roughly 16-33 million pixels; 4 million lines of
// 20 px would be 80 million. Above this height the scroll bar is scaled instead.
const maxScrollHeight = 8_000_000;

export interface ScaledVirtualizer {
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  /** The height of the scrollable content, capped. */
  contentHeight: number;
  /** Where a row starting at `start` (unscaled) goes inside the content. */
  rowTop(start: number): number;
  /** Scrolls a row into view: just enough ('auto') or to the middle ('center'). */
  scrollToRow(row: number, align: 'auto' | 'center'): void;
}

/**
 * @tanstack/react-virtual over fixed-height rows, with the scroll position scaled when the
 * rows would be taller than a browser can scroll: the virtualizer works in full-size pixels,
 * the scroll bar in capped ones. Scrolling to a row is done here, because the virtualizer
 * would clamp it to the capped height.
 */
export function useScaledVirtualizer(
  count: number,
  rowHeight: number,
  scrollRef: RefObject<HTMLDivElement | null>,
): ScaledVirtualizer {
  const fullHeight = count * rowHeight;
  const contentHeight = Math.min(fullHeight, maxScrollHeight);
  const scaleRef = useRef(1);

  // The virtualizer is read fresh on every render here, never memoised, so the compiler's
  // caution about its functions does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLDivElement, Element>({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    observeElementOffset: (instance, callback) =>
      observeElementOffset(instance, (offset, isScrolling) =>
        callback(offset * scaleRef.current, isScrolling),
      ),
    scrollToFn: (offset, { behavior }, instance) =>
      instance.scrollElement?.scrollTo({ top: offset / scaleRef.current, behavior }),
  });
  const viewport = virtualizer.scrollRect?.height ?? 600;
  const scale =
    fullHeight > maxScrollHeight
      ? (fullHeight - viewport) / Math.max(1, contentHeight - viewport)
      : 1;
  scaleRef.current = scale;
  const fullOffset = virtualizer.scrollOffset ?? 0;

  return {
    virtualizer,
    contentHeight,
    rowTop: (start) => start - fullOffset + fullOffset / scale,
    scrollToRow(row, align) {
      const element = scrollRef.current;
      if (!element) return;
      const height = element.clientHeight;
      const start = row * rowHeight;
      let target: number;
      if (align === 'center') target = start - (height - rowHeight) / 2;
      else if (start < fullOffset) target = start;
      else if (start + rowHeight > fullOffset + height) target = start + rowHeight - height;
      else return;
      const clamped = Math.max(0, Math.min(target, fullHeight - height));
      element.scrollTop = clamped / scale;
    },
  };
}
