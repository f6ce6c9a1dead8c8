import { ClockCircleOutlined, LockOutlined } from "@ant-design/icons";
import { App, Button, InputNumber, Popover, Space, Typography } from "antd";
import { useState } from "react";
import { toIpcError } from "../api";
import type { DeskLock } from "../hooks/useIdleLock";
import { useT } from "../i18n/context";

/** The header's 锁定 button and the 自动锁定 N 分钟 setting. */
export function LockControls({ lock, settingsRequest = null }: { lock: DeskLock; settingsRequest?: number | null }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  // 设置自动锁定时间 from the palette opens the setting as a click would.
  const [seen, setSeen] = useState(settingsRequest);
  if (settingsRequest !== seen) {
    setSeen(settingsRequest);
    if (settingsRequest !== null) setOpen(true);
  }
  const [locking, setLocking] = useState(false);
  const settings = lock.settings;

  const lockNow = () => {
    setLocking(true);
    lock.lockNow().then(
      () => setLocking(false),
      (reason: unknown) => {
        setLocking(false);
        void message.error(`${t("lock.lockFailed")}：${toIpcError(reason).message}`);
      },
    );
  };

  return (
    <Space size={8}>
      {settings && (
        <Popover
          open={open}
          onOpenChange={setOpen}
          trigger="click"
          placement="bottomRight"
          title={t("lock.settings")}
          content={
            open && (
              <IdleMinutesForm
                lock={lock}
                initial={settings.idle_lock_minutes}
                max={settings.max_idle_lock_minutes}
                onDone={() => setOpen(false)}
              />
            )
          }
        >
          <Button size="small" type="text" icon={<ClockCircleOutlined />} data-testid="idle-lock-settings">
            {t("lock.idleMinutes", { minutes: settings.idle_lock_minutes })}
          </Button>
        </Popover>
      )}
      <Button size="small" icon={<LockOutlined />} loading={locking} onClick={lockNow} data-testid="lock-now">
        {t("lock.now")}
      </Button>
    </Space>
  );
}

interface FormProps {
  lock: DeskLock;
  initial: number;
  max: number;
  onDone: () => void;
}

function IdleMinutesForm({ lock, initial, max, onDone }: FormProps) {
  const t = useT();
  const { message } = App.useApp();
  const [minutes, setMinutes] = useState<number | null>(initial);
  const [saving, setSaving] = useState(false);

  const save = () => {
    if (minutes === null) return;
    setSaving(true);
    lock.setMinutes(minutes).then(
      (next) => {
        setSaving(false);
        onDone();
        void message.success(t("lock.saved", { minutes: next.idle_lock_minutes }));
      },
      (reason: unknown) => {
        setSaving(false);
        void message.error(`${t("lock.saveFailed")}：${toIpcError(reason).message}`);
      },
    );
  };

  return (
    <div className="idle-lock-form">
      <Typography.Text>{t("lock.minutesLabel")}</Typography.Text>
      <Space.Compact>
        <InputNumber<number>
          min={1}
          max={max}
          precision={0}
          value={minutes}
          onChange={setMinutes}
          aria-label={t("lock.minutesLabel")}
          style={{ width: 90 }}
          data-testid="idle-lock-minutes"
        />
        <Space.Addon>{t("lock.minutesUnit")}</Space.Addon>
        <Button type="primary" onClick={save} loading={saving} disabled={minutes === null} data-testid="idle-lock-save">
          {t("lock.save")}
        </Button>
      </Space.Compact>
      <Typography.Text type="secondary" className="idle-lock-max">
        {t("lock.max", { max })}
      </Typography.Text>
    </div>
  );
}
