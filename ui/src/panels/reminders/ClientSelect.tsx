import { UserOutlined } from "@ant-design/icons";
import { Select, Typography } from "antd";
import { useEffect, useState } from "react";
import { api } from "../../api";
import type { ClientRow } from "../../bindings/ClientRow";
import { useT } from "../../i18n/context";
import { allClientsQuery } from "../../lib/clientQuery";
import { SEARCH_DEBOUNCE_MS } from "../ClientsPanel";

/** Clients offered at a time. */
export const CLIENT_OPTIONS = 20;

export interface ClientChoice {
  id: string;
  name: string;
}

interface Props {
  /** The chosen client's id; null or undefined for none. */
  value?: string | null;
  onChange?: (clientId: string | null) => void;
  /** The client chosen before (an edited reminder's), shown until the broker searches. */
  initial?: ClientChoice | null;
  testId?: string;
}

/** 客户: an optional client, looked up in the book as the broker types. */
export function ClientSelect({ value, onChange, initial, testId }: Props) {
  const t = useT();
  const [searchText, setSearchText] = useState("");
  const [found, setFound] = useState<ClientRow[]>([]);
  const [searching, setSearching] = useState(false);
  const [chosen, setChosen] = useState<ClientChoice | null>(initial ?? null);

  useEffect(() => {
    const text = searchText.trim();
    if (text === "") return;
    let active = true;
    const timer = window.setTimeout(() => {
      setSearching(true);
      api.listClients({ ...allClientsQuery(CLIENT_OPTIONS), search: text }).then(
        (page) => {
          if (!active) return;
          setFound(page.rows);
          setSearching(false);
        },
        (reason: unknown) => {
          console.error("cannot search clients", reason);
          if (active) setSearching(false);
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      active = false;
      window.clearTimeout(timer);
    };
  }, [searchText]);

  const rows = searchText.trim() === "" ? [] : found;
  const options = rows.map((c) => ({
    value: c.id,
    label: (
      <span data-testid={`client-option-${c.id}`}>
        {c.name}{" "}
        <Typography.Text type="secondary" className="tabular">
          {c.id}
        </Typography.Text>
      </span>
    ),
  }));
  // The chosen client stays labelled by name when it is not among the search's results.
  if (value && chosen?.id === value && !rows.some((c) => c.id === value)) {
    options.unshift({
      value: chosen.id,
      label: (
        <span data-testid={`client-option-${chosen.id}`}>
          {chosen.name}{" "}
          <Typography.Text type="secondary" className="tabular">
            {chosen.id}
          </Typography.Text>
        </span>
      ),
    });
  }

  return (
    <Select<string | null>
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearchText, searchValue: searchText }}
      value={value ?? null}
      suffixIcon={<UserOutlined />}
      placeholder={t("reminderForm.clientPlaceholder")}
      aria-label={t("reminderForm.client")}
      loading={searching}
      notFoundContent={searchText.trim() === "" ? null : undefined}
      onChange={(id) => {
        const row = found.find((c) => c.id === id);
        if (row) setChosen({ id: row.id, name: row.name });
        setSearchText("");
        onChange?.(id ?? null);
      }}
      options={options}
      data-testid={testId}
    />
  );
}
