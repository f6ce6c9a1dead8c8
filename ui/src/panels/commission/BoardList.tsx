import { Empty, theme } from "antd";
import type { Board } from "../../bindings/Board";
import type { BoardCommission } from "../../bindings/BoardCommission";
import { categoryColor } from "../../charts/palette";
import { useT } from "../../i18n/context";
import { formatCount, formatFen } from "../../lib/format";
import { BOARDS } from "./tags";

interface Props {
  /** Largest credit first, as `commission_month` answers. */
  boards: BoardCommission[];
  onOpen: (board: Board) => void;
}

/** 按板块: the month's credit per board as bars, each opening that board's trades. */
export function BoardList({ boards, onOpen }: Props) {
  const t = useT();
  const { token } = theme.useToken();
  if (boards.length === 0) {
    return (
      <div data-testid="commission-by-board">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("byBoard.empty")} />
      </div>
    );
  }
  const largest = Math.max(1, ...boards.map((b) => Math.abs(b.credited)));
  return (
    <div className="board-list" data-testid="commission-by-board">
      {boards.map((b) => {
        // The colour follows the board, not the rank, so a board keeps it from month to month.
        const color = categoryColor(BOARDS.indexOf(b.board));
        const width = `${Math.max(0, (b.credited / largest) * 100)}%`;
        return (
          <button
            key={b.board}
            type="button"
            className="board-row"
            onClick={() => onOpen(b.board)}
            data-testid={`board-${b.board}`}
            style={{ borderRadius: token.borderRadius }}
          >
            <span className="board-row-head">
              <span className="board-name">
                <span className="chart-swatch" style={{ background: color }} />
                {t(`board.${b.board}`)}
              </span>
              <span className="board-trades tabular">{t("byBoard.trades", { count: formatCount(b.trades) })}</span>
              <strong className="board-credited tabular">{formatFen(b.credited)}</strong>
            </span>
            <span className="board-bar-track">
              <span className="board-bar" style={{ width, background: color }} />
            </span>
          </button>
        );
      })}
    </div>
  );
}
