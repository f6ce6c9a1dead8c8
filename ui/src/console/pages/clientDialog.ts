// What the 客户关系 dialogs that act on one client share: their props, and the brokers a client
// may go to or be shared with, as a Select lists them.

import type { ClientOwnership } from "../../bindings/ClientOwnership";
import type { StaffEntry } from "../../bindings/StaffEntry";
import { rateToPercent } from "../../lib/format";
import type { ConsoleSession } from "../http";

export interface ClientDialogProps {
  session: ConsoleSession;
  client: ClientOwnership;
  /** Brokers in post. */
  brokers: StaffEntry[];
  unitName: (id: string) => string;
  onClose: () => void;
  onDone: (client: ClientOwnership) => void;
}

/** The brokers other than the client's own, labelled with their team, for a searchable Select. */
export function otherBrokerOptions({ client, brokers, unitName }: Pick<ClientDialogProps, "client" | "brokers" | "unitName">) {
  return brokers
    .filter((b) => b.user_id !== client.serving_broker_id)
    .map((b) => ({ value: b.user_id, label: `${b.display_name}（${b.user_id}）· ${unitName(b.unit_id)}` }));
}

/** What a move or share set for a later day will do, in words: 划转给 X, or 与 X 共享; the broker's id after their name when given. */
export function waitingChange(t: { to_broker_name: string; to_broker_id?: string; share: number | null }): string {
  const who = t.to_broker_id ? `${t.to_broker_name}（${t.to_broker_id}）` : t.to_broker_name;
  return t.share === null ? `划转给 ${who}` : `与 ${who} 共享，分得服务佣金 ${rateToPercent(t.share)}%`;
}
