//! Text as a compliance check reads it. A broker who may not write "保本" can still type "保 本",
//! "保　本" (an ideographic space), "保·本", "保\u{200b}本" or the traditional "保證收益"; a reader sees
//! the same words. Folding drops what a reader skips and maps what a reader equates, so a check of
//! forbidden words compares like with like.

/// Characters a reader skips between two others: spacing, invisible format characters and
/// filler punctuation. Sentence punctuation (，。！？；：) is kept, so that the end of one clause
/// and the start of the next are not read as one word.
fn skipped(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{00ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}'
        )
        || matches!(
            c,
            '·' | '・'
                | '•'
                | '、'
                | '.'
                | '-'
                | '_'
                | '*'
                | '~'
                | '|'
                | '/'
                | '\\'
                | '\''
                | '"'
                | '`'
                | '^'
                | '+'
                | '#'
        )
}

/// Traditional forms of the characters in the words we check, as simplified ones.
const TRADITIONAL: [(char, char); 12] = [
    ('證', '证'),
    ('穩', '稳'),
    ('賺', '赚'),
    ('風', '风'),
    ('險', '险'),
    ('無', '无'),
    ('賠', '赔'),
    ('諾', '诺'),
    ('贏', '赢'),
    ('虧', '亏'),
    ('損', '损'),
    ('擔', '担'),
];

fn simplified(c: char) -> char {
    TRADITIONAL
        .iter()
        .find(|(t, _)| *t == c)
        .map_or(c, |(_, s)| *s)
}

/// Full-width letters and digits (Ａ, ５) as their ASCII forms, lower-cased.
fn narrow(c: char) -> char {
    // Only letters and digits: full-width punctuation (，) stays what it is, a clause break.
    let narrowed = match u32::from(c) {
        0xff01..=0xff5e => {
            char::from_u32(u32::from(c) - 0xfee0).filter(char::is_ascii_alphanumeric)
        }
        _ => None,
    };
    narrowed.unwrap_or(c).to_ascii_lowercase()
}

/// The text with skipped characters dropped, widths narrowed and traditional forms simplified.
pub fn for_matching(text: &str) -> String {
    text.chars()
        .map(narrow)
        .filter(|c| !skipped(*c))
        .map(simplified)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spacing_width_and_traditional_forms_fold_away() {
        assert_eq!(for_matching("保 本"), "保本");
        assert_eq!(for_matching("稳　赚"), "稳赚");
        assert_eq!(for_matching("保\u{200b}本"), "保本");
        assert_eq!(for_matching("保·本、稳-赚"), "保本稳赚");
        assert_eq!(for_matching("保證收益"), "保证收益");
        assert_eq!(for_matching("穩賺不賠"), "稳赚不赔");
        assert_eq!(for_matching("ＡＢＣ１２３"), "abc123");
    }

    #[test]
    fn sentence_punctuation_stays_so_clauses_are_not_joined() {
        assert_eq!(for_matching("要确保，本周内完成"), "要确保，本周内完成");
    }
}
