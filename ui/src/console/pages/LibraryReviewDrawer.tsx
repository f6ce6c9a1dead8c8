import { Alert, Button, Descriptions, Drawer, Input, Space, Tag, Typography } from "antd";
import { useState } from "react";
import type { LibraryItem } from "../../bindings/LibraryItem";
import type { LibraryVerdict } from "../../bindings/LibraryVerdict";
import { PATHS, type ConsoleSession } from "../http";
import { kindName, riskName, STATE_LABELS, targetName } from "./libraryLabels";

interface Props {
  session: ConsoleSession;
  item: LibraryItem;
  onClose: () => void;
  onDecided: (item: LibraryItem, message: string) => void;
}

const DONE: Record<LibraryVerdict, string> = {
  approve: "已审核通过并发布，经纪人下次同步后即可推送",
  return: "已退回起草人修改",
  withdraw: "已撤回，经纪人下次同步后不能再推送",
};

/** Compliance reads an item as clients and brokers will, and decides. */
export function LibraryReviewDrawer({ session, item, onClose, onDecided }: Props) {
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const c = item.content;

  const decide = (verdict: LibraryVerdict) => {
    setBusy(true);
    setError(null);
    session.post<LibraryItem>(PATHS.libraryReview, { id: item.id, verdict, note }).then(
      (decided) => onDecided(decided, DONE[verdict]),
      (reason: unknown) => {
        setBusy(false);
        setError(reason instanceof Error ? reason.message : String(reason));
      },
    );
  };

  return (
    <Drawer open size={640} title={`合规审核：${c.title}`} onClose={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="review-error" />}
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="状态">
          <Tag color={STATE_LABELS[item.state].color}>{STATE_LABELS[item.state].text}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="起草人">{item.drafted_by_name}</Descriptions.Item>
        <Descriptions.Item label="类别">{kindName(c.product_kind)}</Descriptions.Item>
        <Descriptions.Item label="风险等级">{riskName(c.risk)}</Descriptions.Item>
        <Descriptions.Item label="适用投资者">
          <span data-testid="review-target">{targetName(c.target_investors)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="有效期">
          {c.valid_from} 至 {c.valid_until}
        </Descriptions.Item>
        <Descriptions.Item label="作者">{c.author}</Descriptions.Item>
        {c.security_code && <Descriptions.Item label="证券代码">{c.security_code}</Descriptions.Item>}
        {item.approval_ref && <Descriptions.Item label="审核编号">{item.approval_ref}</Descriptions.Item>}
        <Descriptions.Item label="摘要（客户可见）" span={2}>
          <span data-testid="review-summary">{c.summary}</span>
        </Descriptions.Item>
      </Descriptions>
      {c.body && (
        <Typography.Paragraph style={{ marginTop: 16, whiteSpace: "pre-wrap" }}>{c.body}</Typography.Paragraph>
      )}
      <Input.TextArea
        style={{ marginTop: 16 }}
        rows={3}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={item.state === "published" ? "撤回原因（必填，经纪人会看到）" : "审核意见（退回时必填）"}
        data-testid="review-note"
      />
      <Space style={{ marginTop: 16 }}>
        {item.state === "submitted" && (
          <>
            <Button type="primary" loading={busy} onClick={() => decide("approve")} data-testid="review-approve">
              审核通过并发布
            </Button>
            <Button loading={busy} onClick={() => decide("return")} data-testid="review-return">
              退回修改
            </Button>
          </>
        )}
        {item.state === "published" && (
          <Button danger loading={busy} onClick={() => decide("withdraw")} data-testid="review-withdraw">
            撤回
          </Button>
        )}
      </Space>
    </Drawer>
  );
}
