import { DeleteOutlined, DownOutlined, FilterOutlined, SaveOutlined } from "@ant-design/icons";
import { Alert, App, Button, Dropdown, Form, Input, Typography } from "antd";
import { Dialog } from "../components/Dialog";
import type { MenuProps } from "antd";
import { useEffect, useState } from "react";
import { api, toIpcError } from "../api";
import type { ClientQuery } from "../bindings/ClientQuery";
import type { IpcError } from "../bindings/IpcError";
import type { SavedFilter } from "../bindings/SavedFilter";
import { useT } from "../i18n/context";

/** Longest filter name the backend accepts. */
export const FILTER_NAME_MAX = 30;

interface Props {
  /** What 保存筛选 saves: the list's current query. */
  query: ClientQuery;
  onApply: (filter: SavedFilter) => void;
}

/** 常用筛选 (apply or delete a saved filter) and 保存筛选. */
export function SavedFilters({ query, onApply }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<SavedFilter[]>([]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let active = true;
    api.savedFilters().then(
      (list) => {
        if (active) setFilters(list);
      },
      (reason: unknown) => console.error("cannot load saved filters", reason),
    );
    return () => {
      active = false;
    };
  }, []);

  const remove = (name: string) => {
    api.deleteFilter(name).then(
      (list) => {
        setFilters(list);
        void message.success(t("savedFilters.deleted", { name }));
      },
      (reason: unknown) => void message.error(toIpcError(reason).message),
    );
  };

  const items: MenuProps["items"] =
    filters.length === 0
      ? [{ key: "", disabled: true, label: t("savedFilters.empty") }]
      : filters.map((f) => ({
          key: f.name,
          label: (
            <span className="saved-filter-item" data-testid="saved-filter-item">
              <span className="saved-filter-name">{f.name}</span>
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={`${t("savedFilters.delete")} ${f.name}`}
                title={t("savedFilters.delete")}
                data-testid="saved-filter-delete"
                onClick={(e) => {
                  e.stopPropagation();
                  remove(f.name);
                }}
              />
            </span>
          ),
        }));

  const apply: MenuProps["onClick"] = ({ key }) => {
    const filter = filters.find((f) => f.name === key);
    if (!filter) return;
    onApply(filter);
    void message.success(t("savedFilters.applied", { name: filter.name }));
  };

  return (
    <>
      <Dropdown menu={{ items, onClick: apply }} trigger={["click"]}>
        <Button icon={<FilterOutlined />} data-testid="filter-saved">
          {t("savedFilters.open")} <DownOutlined />
        </Button>
      </Dropdown>
      <Button icon={<SaveOutlined />} onClick={() => setSaving(true)} data-testid="filter-save">
        {t("savedFilters.save")}
      </Button>
      {saving && (
        <SaveFilterModal
          query={query}
          onSaved={(list, name) => {
            setFilters(list);
            setSaving(false);
            void message.success(t("savedFilters.saved", { name }));
          }}
          onCancel={() => setSaving(false)}
        />
      )}
    </>
  );
}

interface ModalProps {
  query: ClientQuery;
  onSaved: (filters: SavedFilter[], name: string) => void;
  onCancel: () => void;
}

function SaveFilterModal({ query, onSaved, onCancel }: ModalProps) {
  const t = useT();
  const [form] = Form.useForm<{ name: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);

  const save = ({ name }: { name: string }) => {
    const trimmed = name.trim();
    setBusy(true);
    setError(null);
    api.saveFilter(trimmed, { ...query, offset: 0 }).then(
      (list) => {
        setBusy(false);
        onSaved(list, trimmed);
      },
      (reason: unknown) => {
        setBusy(false);
        setError(toIpcError(reason));
      },
    );
  };

  return (
    <Dialog
      open
      title={t("savedFilters.saveTitle")}
      okText={t("savedFilters.ok")}
      cancelText={t("savedFilters.cancel")}
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={busy}
      okButtonProps={{ "data-testid": "filter-save-submit" }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("savedFilters.saveHint")}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={save} disabled={busy}>
        <Form.Item
          name="name"
          label={t("savedFilters.name")}
          rules={[{ required: true, whitespace: true, message: t("savedFilters.nameRequired") }]}
        >
          <Input
            autoFocus
            maxLength={FILTER_NAME_MAX}
            placeholder={t("savedFilters.namePlaceholder")}
            data-testid="filter-save-name"
          />
        </Form.Item>
      </Form>
    </Dialog>
  );
}
