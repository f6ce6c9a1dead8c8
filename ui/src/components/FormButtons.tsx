import { Button } from "antd";

interface Props {
  cancelLabel: string;
  submitLabel: string;
  onCancel: () => void;
  saving: boolean;
  /** `<prefix>-cancel` and `<prefix>-submit` name the buttons for tests. */
  testIdPrefix: string;
  /** A refusal or another irreversible step is shown in red. */
  danger?: boolean;
}

/** A dialog form's 取消 and submit buttons, right-aligned; Enter in the form submits. */
export function FormButtons({ cancelLabel, submitLabel, onCancel, saving, testIdPrefix, danger }: Props) {
  return (
    <div className="form-buttons">
      <Button onClick={onCancel} data-testid={`${testIdPrefix}-cancel`}>
        {cancelLabel}
      </Button>
      <Button type="primary" danger={danger} htmlType="submit" loading={saving} data-testid={`${testIdPrefix}-submit`}>
        {submitLabel}
      </Button>
    </div>
  );
}
