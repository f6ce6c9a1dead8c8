import { useEffect, useState } from "react";
import { now as clockNow } from "../lib/clock";

/** The current time, renewed every `everyMs` (a minute by default) while mounted. */
export function useNow(everyMs = 60_000): Date {
  const [now, setNow] = useState(() => clockNow());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(clockNow()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
