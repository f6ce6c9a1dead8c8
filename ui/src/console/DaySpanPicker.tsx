import { DatePicker, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { todayInShanghai } from "../lib/format";

/** The last week up to today in Beijing, as the logs open. */
export function useDaySpan(): [from: string, until: string, picker: (label: string) => React.ReactNode] {
  const today = dayjs(todayInShanghai());
  const [span, setSpan] = useState<[Dayjs, Dayjs]>([today.subtract(6, "day"), today]);
  const picker = (label: string) => (
    <Space>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <DatePicker.RangePicker
        value={span}
        allowClear={false}
        onChange={(next) => {
          if (next?.[0] && next[1]) setSpan([next[0], next[1]]);
        }}
        data-testid="console-day-span"
      />
    </Space>
  );
  return [span[0].format("YYYY-MM-DD"), span[1].format("YYYY-MM-DD"), picker];
}
