import { Button, Space, Typography } from "antd";
import { useState, type ReactNode } from "react";
import type { ProductView } from "../../bindings/ProductView";
import { useT } from "../../i18n/context";
import { ApprovalTag, ProductKindTag, ProductRiskTag, TargetInvestorsTag } from "./tags";

interface Props {
  product: ProductView;
  /** Shown at the top right, e.g. 存档，不可修改. */
  extra?: ReactNode;
  testId?: string;
}

/** A library item: kind, risk, title, summary (the full text on request), version, validity and
 * approval number. */
export function ProductCard({ product, extra, testId }: Props) {
  const t = useT();
  const [reading, setReading] = useState(false);
  return (
    <div className="product-card" data-testid={testId}>
      <div className="product-card-head">
        <Space size={6} wrap>
          <ProductKindTag kind={product.product_kind} />
          <ProductRiskTag risk={product.risk} />
          <TargetInvestorsTag target={product.target_investors} />
          {product.approval === "withdrawn" && <ApprovalTag approval={product.approval} />}
        </Space>
        {extra}
      </div>
      <Typography.Text strong className="product-card-title">
        {product.title}
      </Typography.Text>
      <Typography.Paragraph className="product-card-summary" data-testid={testId && `${testId}-summary`}>
        {product.summary}
      </Typography.Paragraph>
      {product.body && (
        <>
          <Button
            type="link"
            size="small"
            className="product-card-read"
            data-testid={testId && `${testId}-read`}
            onClick={() => setReading((r) => !r)}
          >
            {reading ? t("product.hideBody") : t("product.readBody")}
          </Button>
          {reading && (
            <Typography.Paragraph className="product-card-body" data-testid={testId && `${testId}-body`}>
              {product.body}
            </Typography.Paragraph>
          )}
        </>
      )}
      <Space size={[16, 4]} wrap className="product-card-meta">
        <Typography.Text type="secondary">{t("product.version", { version: product.version })}</Typography.Text>
        <Typography.Text type="secondary">{t("product.author", { author: product.author })}</Typography.Text>
        {product.security_code && (
          <Typography.Text type="secondary" className="tabular">
            {t("product.security", { code: product.security_code })}
          </Typography.Text>
        )}
        <Typography.Text type="secondary" className="tabular">
          {t("product.validity", { from: product.valid_from, to: product.valid_until })}
        </Typography.Text>
        <Typography.Text type="secondary" className="tabular" data-testid={testId && `${testId}-approval`}>
          {t("product.approvalRef", { ref: product.approval_ref })}
        </Typography.Text>
      </Space>
    </div>
  );
}
