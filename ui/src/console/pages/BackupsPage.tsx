import { CloudDownloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Table, Typography } from "antd";
import { useCallback, useState } from "react";
import type { BackupFile } from "../../bindings/BackupFile";
import type { BackupShelf } from "../../bindings/BackupShelf";
import { formatDateTime } from "../../lib/format";
import { PATHS } from "../http";
import type { PageProps } from "../pages";
import { useLoad } from "../useLoad";

/** A size as IT reads it: 12.3 MB. */
function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

/** 数据备份: IT takes a consistent copy of head office's database while it serves. */
export function BackupsPage({ session, onSessionEnded }: PageProps) {
  const { message } = App.useApp();
  const load = useCallback(() => session.get<BackupShelf>(PATHS.backups), [session]);
  const shelf = useLoad(load, onSessionEnded);
  const [taking, setTaking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const take = async () => {
    setTaking(true);
    setError(null);
    try {
      const taken = await session.post<BackupFile>(PATHS.backupTake, {});
      void message.success(`已备份：${taken.name}（${size(taken.bytes)}）`);
      shelf.reload();
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setTaking(false);
    }
  };

  const directory = shelf.data?.directory ?? null;
  return (
    <Card
      size="small"
      title="数据备份"
      extra={
        <Button
          type="primary"
          icon={<CloudDownloadOutlined />}
          loading={taking}
          disabled={!directory}
          onClick={() => void take()}
          data-testid="backup-take"
        >
          立即备份
        </Button>
      }
    >
      {(shelf.error ?? error) && (
        <Alert type="error" showIcon title={shelf.error ?? error} style={{ marginBottom: 12 }} data-testid="backup-error" />
      )}
      {shelf.data && !directory && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="总部服务器尚未设置备份目录"
          description="请在服务器上运行 head-office backup-dir <目录> 指定备份位置；为安全起见，备份位置不能在浏览器中设置。"
        />
      )}
      {directory && (
        <Typography.Paragraph type="secondary" data-testid="backup-directory">
          备份目录：<Typography.Text code>{directory}</Typography.Text>
          。备份在总部服务运行时进行，不影响经纪人同步；恢复请停止服务后运行 head-office restore。
        </Typography.Paragraph>
      )}
      <Table<BackupFile>
        rowKey="name"
        size="small"
        loading={shelf.loading}
        dataSource={shelf.data?.files ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: "还没有备份" }}
        data-testid="console-backups"
        columns={[
          { title: "备份时间", dataIndex: "taken_at", width: 170, render: (t: string) => formatDateTime(t) },
          { title: "文件", dataIndex: "name" },
          { title: "大小", dataIndex: "bytes", width: 120, align: "right", render: (b: number) => size(b) },
        ]}
      />
    </Card>
  );
}
