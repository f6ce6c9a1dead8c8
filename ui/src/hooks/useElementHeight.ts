import { useEffect, useRef, useState, type RefObject } from "react";

/**
 * The pixel height of an element, kept current as it resizes; `fallback` until it has been
 * measured, or where there is no layout (tests).
 */
export function useElementHeight<T extends HTMLElement>(fallback: number): [RefObject<T | null>, number] {
  const ref = useRef<T | null>(null);
  const [height, setHeight] = useState(0);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setHeight(Math.floor(element.getBoundingClientRect().height));
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return [ref, height > 0 ? height : fallback];
}
