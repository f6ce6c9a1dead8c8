import { SafetyCertificateOutlined, SendOutlined } from "@ant-design/icons";
import { Alert, Button, Drawer, Input, Typography } from "antd";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { api, toIpcError } from "../../api";
import type { ClientQuery } from "../../bindings/ClientQuery";
import type { IpcError } from "../../bindings/IpcError";
import type { ProductView } from "../../bindings/ProductView";
import type { PushDetail } from "../../bindings/PushDetail";
import type { RecipientChecks } from "../../bindings/RecipientChecks";
import { useT } from "../../i18n/context";
import { CheckResults } from "./CheckResults";
import { ProductCard } from "./ProductCard";
import { RecipientPicker } from "./RecipientPicker";
import {
  buildDraft,
  EMPTY_RECIPIENT_FILTER,
  recipientSelection,
  selectionKey,
  type PickedClient,
} from "./selection";

/** Longest cover message the backend accepts, in characters. */
export const COVER_MESSAGE_MAX = 300;
const DRAWER_WIDTH = "min(960px, 96vw)";

interface Checked {
  /** The selection checked, to tell when the broker has changed it since. */
  key: string;
  result: RecipientChecks;
}

interface Props {
  /** The item to push; the drawer is closed when null. */
  product: ProductView | null;
  onClose: () => void;
  /** The push was archived and queued. */
  onSent: (detail: PushDetail) => void;
}

/** 推送：《title》 — the item, the cover message, who it goes to, the suitability check and 发送. */
export function ComposeDrawer({ product, onClose, onSent }: Props) {
  const t = useT();
  return (
    <Drawer
      open={product !== null}
      onClose={onClose}
      size={DRAWER_WIDTH}
      destroyOnHidden
      title={product ? t("compose.title", { title: product.title }) : ""}
      data-testid="compose-drawer"
    >
      {product && <ComposeForm key={product.id} product={product} onSent={onSent} />}
    </Drawer>
  );
}

function ComposeForm({ product, onSent }: { product: ProductView; onSent: Props["onSent"] }) {
  const t = useT();
  const [cover, setCover] = useState("");
  const [filter, setFilter] = useState<ClientQuery>(EMPTY_RECIPIENT_FILTER);
  const [savedName, setSavedName] = useState<string | null>(null);
  const [picked, setPicked] = useState<PickedClient[]>([]);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set());
  const [checking, setChecking] = useState(false);
  const [sending, setSending] = useState(false);
  const [checkError, setCheckError] = useState<IpcError | null>(null);
  const [sendError, setSendError] = useState<IpcError | null>(null);

  const results = useRef<HTMLDivElement>(null);
  // The verdicts are what the broker checked for: bring them into view, below the form.
  useEffect(() => {
    if (checked) results.current?.scrollIntoView?.({ block: "start" });
  }, [checked]);

  const selection = useMemo(() => recipientSelection(picked, filter), [picked, filter]);
  const key = selectionKey(selection);
  const nothingSelected = selection.client_ids.length === 0 && selection.query === null;
  const stale = checked !== null && checked.key !== key;

  const check = () => {
    setChecking(true);
    setCheckError(null);
    api.checkRecipients(product.id, selection).then(
      (result) => {
        setChecking(false);
        setChecked({ key, result });
        // A confirmation stands only for a client who still needs one.
        setConfirmed((prev) => {
          const still = result.checks.filter(
            (c) => c.verdict.verdict === "needs_confirmation" && prev.has(c.client_id),
          );
          return new Set(still.map((c) => c.client_id));
        });
      },
      (reason: unknown) => {
        setChecking(false);
        setCheckError(toIpcError(reason));
      },
    );
  };

  const onConfirm = useCallback((clientId: string, on: boolean) => {
    setConfirmed((prev) => {
      const next = new Set(prev);
      if (on) next.add(clientId);
      else next.delete(clientId);
      return next;
    });
  }, []);

  const draft = checked && !stale ? buildDraft(product.id, cover, checked.result.checks, confirmed) : null;
  const count = draft?.client_ids.length ?? 0;
  const canSend = draft !== null && count > 0 && cover.trim() !== "" && !sending;

  const send = () => {
    if (!draft || !canSend) return;
    setSending(true);
    setSendError(null);
    api.sendRecommendation(draft).then(
      (detail) => {
        setSending(false);
        onSent(detail);
      },
      // Everything the broker typed and ticked stays as it was.
      (reason: unknown) => {
        setSending(false);
        setSendError(toIpcError(reason));
      },
    );
  };

  return (
    <div className="compose">
      <ProductCard product={product} testId="draft-product" />

      <Typography.Title level={5} className="compose-section">
        {t("compose.cover")}
      </Typography.Title>
      <Input.TextArea
        value={cover}
        onChange={(e) => setCover(e.target.value)}
        maxLength={COVER_MESSAGE_MAX}
        showCount
        autoSize={{ minRows: 3, maxRows: 6 }}
        placeholder={t("compose.coverPlaceholder")}
        aria-label={t("compose.cover")}
        data-testid="cover-message"
      />
      <Typography.Text type="secondary" className="compose-hint">
        {t("compose.archiveHint")}
      </Typography.Text>

      <Typography.Title level={4} className="compose-heading">
        {t("compose.recipients")}
      </Typography.Title>
      <RecipientPicker
        filter={filter}
        savedName={savedName}
        onFilter={(next, name) => {
          setFilter(next);
          setSavedName(name);
        }}
        picked={picked}
        onPicked={setPicked}
      />

      <div className="compose-check-bar">
        <Button
          icon={<SafetyCertificateOutlined />}
          onClick={check}
          loading={checking}
          disabled={nothingSelected}
          data-testid="check-suitability"
        >
          {t("compose.check")}
        </Button>
        {nothingSelected && <Typography.Text type="secondary">{t("compose.nothingSelected")}</Typography.Text>}
      </div>
      {checkError && (
        <Alert
          type="error"
          showIcon
          title={t("compose.checkFailed")}
          description={checkError.message}
          className="compose-alert"
          data-testid="check-error"
        />
      )}
      {stale && (
        <Alert type="warning" showIcon title={t("compose.stale")} className="compose-alert" data-testid="check-stale" />
      )}
      <div ref={results}>
        {checked && <CheckResults checks={checked.result} confirmed={confirmed} onConfirm={onConfirm} />}
      </div>

      <div className="compose-footer">
        {sendError && (
          <Alert
            type="error"
            showIcon
            title={t("compose.sendFailed")}
            description={sendError.message}
            className="compose-alert"
            data-testid="send-error"
          />
        )}
        <div className="compose-footer-bar">
          <Button
            type="primary"
            icon={<SendOutlined />}
            onClick={send}
            loading={sending}
            disabled={!canSend}
            data-testid="send-push"
          >
            {t("compose.send", { count })}
          </Button>
        </div>
      </div>
    </div>
  );
}
