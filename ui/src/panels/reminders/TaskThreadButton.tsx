import { MessageOutlined } from "@ant-design/icons";
import { Button, Tooltip } from "antd";
import { useState } from "react";
import type { AgendaItem } from "../../bindings/AgendaItem";
import { BrokerThread, ThreadModal } from "../../components/thread/Thread";
import { useT } from "../../i18n/context";

/** 留言 on a lead's task: its thread with the leads, in a modal. */
export function TaskThreadButton({ item }: { item: AgendaItem }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Tooltip title={t("thread.title")}>
        <Button
          size="small"
          icon={<MessageOutlined />}
          onClick={() => setOpen(true)}
          data-testid="task-thread-open"
          data-id={item.id}
        >
          {t("thread.open")}
        </Button>
      </Tooltip>
      <ThreadModal title={open ? t("thread.taskTitle", { title: item.title }) : null} onClose={() => setOpen(false)}>
        <BrokerThread subject="task" subjectId={item.id} />
      </ThreadModal>
    </>
  );
}
