//! Cells of a file a spreadsheet will open: a client list, a statement, head office's audit log.
//! Text that came from a person (a note, a reason, a name) must never run as a formula there
//! (CSV injection), and amounts must stay numbers a spreadsheet can add.

/// A cell a spreadsheet would evaluate (`=`, `+`, `-`, `@`, or a leading tab or carriage return)
/// gets a leading apostrophe, except a plain negative amount such as `-1234.50`.
pub fn defused(cell: &str) -> String {
    let negative_amount = cell.strip_prefix('-').is_some_and(|rest| {
        !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || c == '.')
    });
    let risky = cell.starts_with(['=', '+', '@', '\t', '\r'])
        || (cell.starts_with('-') && !negative_amount);
    if risky {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// One CSV cell: defused, then quoted if it holds a separator, a quote or a line break.
pub fn csv_cell(cell: &str) -> String {
    let cell = defused(cell);
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_amounts_kept() {
        assert_eq!(defused("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defused("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defused("+86 138"), "'+86 138");
        assert_eq!(defused("\t=1+1"), "'\t=1+1");
        assert_eq!(defused("-1234.50"), "-1234.50");
        assert_eq!(defused("-cmd"), "'-cmd");
        assert_eq!(defused("-"), "'-");
        assert_eq!(defused("回访 =1"), "回访 =1");
    }

    #[test]
    fn csv_cells_are_quoted_only_when_they_must_be() {
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("张伟"), "张伟");
        assert_eq!(csv_cell("=1+1,2"), "\"'=1+1,2\"");
    }
}
