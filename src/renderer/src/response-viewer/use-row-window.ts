import { useEffect, useState, type RefObject } from 'react';

// Browsers stop growing an element at roughly 16-33 million pixels; 4 million lines of
// 20 px would be 80 million. Above this height the scroll bar is scaled instead.
const maxScrollHeight = 8_000_000;
const overscan = 10;

export interface RowWindow {
  /** The height of the scrollable content (capped). */
  contentHeight: number;
  /** The rows to draw now, and where each goes inside the content. */
  rows: Array<{ index: number; top: number }>;
  /** Scrolls a row into view: just enough ('auto') or to the middle ('center'). */
  scrollToRow(row: number, align: 'auto' | 'center'): void;
}

/**
 * Which fixed-height rows of a scroll box are on screen, by arithmetic alone: no memory per
 * row (a general virtualizer such as @tanstack/react-virtual keeps ~16 bytes of measurements
 * per row, 65 MB for a 4-million-line body). Past the height a browser can scroll, the
 * scroll bar is scaled: one pixel of it moves several pixels of rows.
 */
export function useRowWindow(
  scrollRef: RefObject<HTMLDivElement | null>,
  count: number,
  rowHeight: number,
): RowWindow {
  const [view, setView] = useState({ scrollTop: 0, height: 600 });
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return undefined;
    const read = () => setView({ scrollTop: element.scrollTop, height: element.clientHeight });
    read();
    element.addEventListener('scroll', read, { passive: true });
    const resize = new ResizeObserver(read);
    resize.observe(element);
    return () => {
      element.removeEventListener('scroll', read);
      resize.disconnect();
    };
  }, [scrollRef]);

  const fullHeight = count * rowHeight;
  const contentHeight = Math.min(fullHeight, maxScrollHeight);
  const scale =
    fullHeight > maxScrollHeight
      ? (fullHeight - view.height) / Math.max(1, contentHeight - view.height)
      : 1;
  // Where the top of the box is, in unscaled row pixels.
  const fullOffset = Math.min(view.scrollTop * scale, Math.max(0, fullHeight - view.height));
  const first = Math.max(0, Math.floor(fullOffset / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((fullOffset + view.height) / rowHeight) + overscan);
  const rows: RowWindow['rows'] = [];
  for (let index = first; index <= last; index += 1) {
    rows.push({ index, top: index * rowHeight - fullOffset + view.scrollTop });
  }

  return {
    contentHeight,
    rows,
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
      element.scrollTop = Math.max(0, Math.min(target, fullHeight - height)) / scale;
    },
  };
}
