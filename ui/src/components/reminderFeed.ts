import { createContext, useContext } from "react";
import type { ReminderEvent } from "../bindings/ReminderEvent";

export interface ReminderFeedValue {
  /** Reminders the scheduler found missed (due while the desk was closed), until dismissed. */
  missed: ReminderEvent[];
  dismissMissed: () => void;
}

export const ReminderFeedContext = createContext<ReminderFeedValue>({
  missed: [],
  dismissMissed: () => undefined,
});

/** The missed reminders the panels point out, from the workstation's ReminderFeed. */
export function useReminderFeed(): ReminderFeedValue {
  return useContext(ReminderFeedContext);
}
