import { Typography } from "antd";
import type { BookAlert } from "../../bindings/BookAlert";
import { useT } from "../../i18n/context";

interface Props {
  alert: BookAlert;
  onOpenClient: (clientId: string) => void;
  /** Shows the client's id after the name. */
  withId?: boolean;
  className?: string;
}

/** The alert's client, opening their profile; 全部客户 as plain text for an alert about the whole book. */
export function AlertClient({ alert, onOpenClient, withId = false, className }: Props) {
  const t = useT();
  const { client_id: id, client_name: name } = alert;
  if (id === null) {
    return (
      <Typography.Text type="secondary" className={className} data-testid="alert-whole-book">
        {t("bookAlerts.wholeBook")}
      </Typography.Text>
    );
  }
  return (
    <Typography.Link className={className} onClick={() => onOpenClient(id)} data-testid={`alert-client-${id}`}>
      {name ?? id}
      {withId && name !== null && (
        <>
          {" "}
          <Typography.Text type="secondary" className="tabular client-id">
            {id}
          </Typography.Text>
        </>
      )}
    </Typography.Link>
  );
}
