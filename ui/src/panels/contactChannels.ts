import { useT } from "../i18n/context";
import type { MessageKey } from "../i18n/messages";

/** The channels `add_contact_note` accepts, in the order the form offers them. */
export const CONTACT_CHANNELS = ["phone", "visit", "wechat", "email", "meeting"] as const;

export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const DEFAULT_CHANNEL: ContactChannel = "phone";

/** Longest note text the backend accepts. */
export const CONTACT_SUMMARY_MAX = 2000;

function isContactChannel(value: string): value is ContactChannel {
  return (CONTACT_CHANNELS as readonly string[]).includes(value);
}

/** The message key of a channel's label; null for a channel this window does not know. */
export function channelKey(channel: string): MessageKey | null {
  return isContactChannel(channel) ? `contact.channel.${channel}` : null;
}

/** A channel code as its label; a code this window does not know is shown as it is. */
export function useChannelLabel(): (channel: string) => string {
  const t = useT();
  return (channel) => {
    const key = channelKey(channel);
    return key ? t(key) : channel;
  };
}

/** Whether a calendar day ("YYYY-MM-DD") is before today (also "YYYY-MM-DD", Shanghai). */
export function isBeforeToday(day: string, today: string): boolean {
  return day < today;
}
