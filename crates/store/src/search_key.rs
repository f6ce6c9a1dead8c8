//! What the client search matches a name by: its full pinyin and its initials (张伟 → `zhangwei`,
//! `zw`), computed once when the client row lands, so typing never waits for a conversion.

use pinyin::ToPinyin;

/// Surnames whose everyday reading differs from the character's most common one. A broker typing
/// `sj` for 单杰 expects 单 as `shan`, not `dan`.
const SURNAME_READINGS: [(char, &str); 12] = [
    ('单', "shan"),
    ('曾', "zeng"),
    ('解', "xie"),
    ('仇', "qiu"),
    ('朴', "piao"),
    ('区', "ou"),
    ('查', "zha"),
    ('覃', "qin"),
    ('盖', "ge"),
    ('缪', "miao"),
    ('召', "shao"),
    ('乐', "yue"),
];

/// `(full pinyin, initials)`, lower case, without tones or spaces. Characters without a reading
/// (Latin letters, digits) are kept as they are, lower-cased.
pub fn name_keys(name: &str) -> (String, String) {
    let mut full = String::new();
    let mut initials = String::new();
    for (i, (ch, reading)) in name.chars().zip(name.to_pinyin()).enumerate() {
        let surname = if i == 0 {
            SURNAME_READINGS
                .iter()
                .find(|(c, _)| *c == ch)
                .map(|(_, r)| *r)
        } else {
            None
        };
        match surname.or(reading.map(|p| p.plain())) {
            Some(syllable) => {
                full.push_str(syllable);
                initials.extend(syllable.chars().next());
            }
            None if ch.is_alphanumeric() => {
                let lower: String = ch.to_lowercase().collect();
                full.push_str(&lower);
                initials.push_str(&lower);
            }
            None => {}
        }
    }
    (full, initials)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_get_full_pinyin_and_initials() {
        assert_eq!(name_keys("张伟"), ("zhangwei".into(), "zw".into()));
        assert_eq!(name_keys("欧阳娜娜"), ("ouyangnana".into(), "oynn".into()));
        assert_eq!(name_keys("单杰"), ("shanjie".into(), "sj".into()));
        assert_eq!(name_keys("曾乐"), ("zengle".into(), "zl".into()));
        assert_eq!(name_keys("Anna 李"), ("annali".into(), "annal".into()));
    }
}
