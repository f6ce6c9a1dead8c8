import { createContext, useContext } from "react";
import type { UserProfile } from "../bindings/UserProfile";

/** The signed-in user, for panels that show "me" differently from other brokers. */
export const CurrentUserContext = createContext<UserProfile | null>(null);

export function useCurrentUser(): UserProfile | null {
  return useContext(CurrentUserContext);
}

/**
 * A broker as a broker reads it: their own id becomes their name with 本人/me; another broker
 * is shown by name when it is known, else by id.
 */
export function brokerLabel(
  brokerId: string,
  me: UserProfile | null,
  selfSuffix: string,
  name?: string,
): string {
  if (me && me.user_id === brokerId) return `${me.display_name}${selfSuffix}`;
  return name && name.trim() !== "" ? name : brokerId;
}
