import { useCallback, useState } from "react";

/**
 * The rendered width of the element the returned ref is attached to, tracked with a
 * ResizeObserver so the charts draw in real pixels (crisp text and 1px lines at any size).
 * Until the first measurement, and where layout is unavailable (jsdom), it is `fallback`.
 */
export function useContainerWidth(fallback = 600): [(el: HTMLElement | null) => () => void, number] {
  const [width, setWidth] = useState(0);
  const ref = useCallback((el: HTMLElement | null) => {
    if (!el || typeof ResizeObserver === "undefined") return () => undefined;
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (box) setWidth(Math.floor(box.width));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width > 0 ? width : fallback];
}
