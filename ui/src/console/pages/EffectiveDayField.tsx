import { DatePicker, Form } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { todayInShanghai } from "../../lib/format";

/** Whether `day` is after today in Beijing: the change then waits for it. */
export function isLater(day: Dayjs | null | undefined): day is Dayjs {
  return day != null && day.isAfter(dayjs(todayInShanghai()), "day");
}

/** 生效日期 of a client's move or share: empty for at once, or a later day (head office holds the three-month limit). */
export function EffectiveDayField({ day, change, testId }: { day: Dayjs | null | undefined; change: "划转" | "共享"; testId: string }) {
  const today = dayjs(todayInShanghai());
  const until = change === "划转" ? "客户仍由现经纪人服务" : "客户仍由现经纪人单独服务";
  return (
    <Form.Item
      name="effective_on"
      label="生效日期"
      extra={
        isLater(day)
          ? `${day.format("YYYY-MM-DD")} 零点（北京时间）自动${change}，在此之前${until}，可随时撤销`
          : `不选则立即${change}；选以后的日期（最多三个月内），则到当天零点自动${change}`
      }
    >
      <DatePicker
        placeholder="立即生效"
        presets={[
          { label: "明天", value: today.add(1, "day") },
          { label: "下月1日", value: today.add(1, "month").startOf("month") },
        ]}
        data-testid={testId}
      />
    </Form.Item>
  );
}
