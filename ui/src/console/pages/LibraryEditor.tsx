import { Alert, Button, DatePicker, Drawer, Form, Input, Select, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import type { LibraryContent } from "../../bindings/LibraryContent";
import type { LibraryItem } from "../../bindings/LibraryItem";
import type { ProductKind } from "../../bindings/ProductKind";
import type { ProductRisk } from "../../bindings/ProductRisk";
import type { TargetInvestors } from "../../bindings/TargetInvestors";
import { todayInShanghai } from "../../lib/format";
import { PATHS, type ConsoleSession } from "../http";
import { KINDS, kindName, RISKS, riskName, TARGETS } from "./libraryLabels";

interface Values {
  product_kind: ProductKind;
  title: string;
  summary: string;
  body: string;
  risk: ProductRisk;
  target_investors: TargetInvestors;
  valid: [Dayjs, Dayjs];
  security_code: string;
  author: string;
}

function initial(item: LibraryItem | null): Values {
  const today = dayjs(todayInShanghai());
  if (!item) {
    return {
      product_kind: "research_report",
      title: "",
      summary: "",
      body: "",
      risk: "R3",
      target_investors: "all",
      valid: [today, today.add(3, "month")],
      security_code: "",
      author: "",
    };
  }
  const c = item.content;
  return { ...c, valid: [dayjs(c.valid_from), dayjs(c.valid_until)], security_code: c.security_code ?? "" };
}

function content(v: Values): LibraryContent {
  return {
    product_kind: v.product_kind,
    title: v.title,
    summary: v.summary,
    body: v.body,
    risk: v.risk,
    target_investors: v.target_investors,
    valid_from: v.valid[0].format("YYYY-MM-DD"),
    valid_until: v.valid[1].format("YYYY-MM-DD"),
    security_code: v.security_code.trim() ? v.security_code.trim() : null,
    author: v.author,
  };
}

interface Props {
  session: ConsoleSession;
  /** The item whose next version this is; null for a new one. */
  item: LibraryItem | null;
  onClose: () => void;
  onSaved: (saved: LibraryItem, message: string) => void;
}

/** 经纪业务管理部's form for a new item or the next version of one. */
export function LibraryEditor({ session, item, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Once saved, the same item: a refused submission must not leave a second draft behind.
  const [savedId, setSavedId] = useState<string | null>(item?.id ?? null);

  const save = async (submit: boolean) => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    setError(null);
    try {
      let saved = await session.post<LibraryItem>(PATHS.libraryDraft, { id: savedId, content: content(values) });
      setSavedId(saved.id);
      if (submit) saved = await session.post<LibraryItem>(PATHS.librarySubmit, { id: saved.id });
      onSaved(saved, submit ? "已提交合规审核" : "草稿已保存");
    } catch (reason) {
      // A draft saved before a refused submission stays saved: say what to fix.
      setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      size={640}
      title={item ? `修改：${item.content.title}` : "新建资料"}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={() => void save(false)} loading={saving} data-testid="library-save">
            保存草稿
          </Button>
          <Button type="primary" onClick={() => void save(true)} loading={saving} data-testid="library-submit">
            保存并提交审核
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="library-error" />}
      <Form<Values> form={form} layout="vertical" initialValues={initial(item)} disabled={saving}>
        <Space size={16} style={{ display: "flex" }}>
          <Form.Item name="product_kind" label="类别" style={{ width: 160 }}>
            <Select options={KINDS.map((k) => ({ value: k, label: kindName(k) }))} />
          </Form.Item>
          <Form.Item name="risk" label="风险等级" style={{ width: 160 }}>
            <Select options={RISKS.map((r) => ({ value: r, label: riskName(r) }))} data-testid="library-risk" />
          </Form.Item>
          <Form.Item name="target_investors" label="适用投资者" style={{ width: 170 }}>
            <Select options={TARGETS} data-testid="library-target" />
          </Form.Item>
          <Form.Item name="security_code" label="证券代码（个股点评必填）" style={{ width: 180 }}>
            <Input placeholder="600519.SH" />
          </Form.Item>
        </Space>
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: "请填写标题" }]}>
          <Input maxLength={80} showCount data-testid="library-title" />
        </Form.Item>
        <Form.Item
          name="summary"
          label="摘要（客户收到推送时读到的内容，不得承诺收益或保本）"
          rules={[{ required: true, whitespace: true, message: "请填写摘要" }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="library-summary" />
        </Form.Item>
        <Form.Item name="body" label="正文（供经纪人推送前阅读）">
          <Input.TextArea rows={6} />
        </Form.Item>
        <Space size={16} style={{ display: "flex" }}>
          <Form.Item name="valid" label="有效期" rules={[{ required: true, message: "请选择有效期" }]}>
            <DatePicker.RangePicker allowClear={false} />
          </Form.Item>
          <Form.Item
            name="author"
            label="作者或产品管理人"
            rules={[{ required: true, whitespace: true, message: "请填写作者" }]}
            style={{ width: 260 }}
          >
            <Input data-testid="library-author" />
          </Form.Item>
        </Space>
      </Form>
    </Drawer>
  );
}
