import { CloudDownloadOutlined } from "@ant-design/icons";
import { Alert, Button, Modal, Space, Typography } from "antd";
import { useState } from "react";
import { api, toIpcError } from "../api";
import type { UpdateOffer as Offer } from "../bindings/UpdateOffer";
import { useT } from "../i18n/context";

/**
 * "新版本 X.Y.Z 可用" in the status bar; a click shows what changed and installs on the broker's
 * word. The desk restarts into the new version, so success never comes back here: only a refusal
 * (work still unpushed, a bad signature) does, and it is shown in the dialog.
 */
export function UpdateOffer({ offer, current }: { offer: Offer; current: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [installing, setInstalling] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const install = () => {
    setInstalling(true);
    setError(null);
    api.installUpdate().then(
      () => setInstalling(false),
      (reason: unknown) => {
        setInstalling(false);
        setError(toIpcError(reason).message);
      },
    );
  };

  return (
    <>
      <Button
        size="small"
        type="link"
        icon={<CloudDownloadOutlined />}
        onClick={() => setOpen(true)}
        data-testid="status-update"
      >
        {t("update.available", { version: offer.version })}
      </Button>
      <Modal
        open={open}
        title={t("update.title", { version: offer.version })}
        onCancel={() => !installing && setOpen(false)}
        closable={!installing}
        mask={{ closable: !installing }}
        footer={[
          <Button key="later" onClick={() => setOpen(false)} disabled={installing}>
            {t("update.later")}
          </Button>,
          <Button key="install" type="primary" loading={installing} onClick={install} data-testid="update-install">
            {t("update.install")}
          </Button>,
        ]}
      >
        <Space orientation="vertical" style={{ width: "100%" }} data-testid="update-dialog">
          <Typography.Text type="secondary">{t("update.current", { version: current })}</Typography.Text>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t("update.notes")}
          </Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }} data-testid="update-notes">
            {offer.notes || t("update.noNotes")}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t("update.howItGoes")}</Typography.Text>
          {installing && <Alert type="info" showIcon title={t("update.installing")} />}
          {error && (
            <Alert type="error" showIcon title={t("update.failed")} description={error} data-testid="update-error" />
          )}
        </Space>
      </Modal>
    </>
  );
}
