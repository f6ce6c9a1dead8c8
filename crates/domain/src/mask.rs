//! Masking of personal data as shown by default (DOMAIN.md, "Personal data"). Masking happens before
//! a value leaves the store for the window, so an unrevealed value never reaches the WebView.

/// `110***********1234`: first 3 and last 4 kept.
pub fn id_number(id: &str) -> String {
    keep_ends(id, 3, 4)
}

/// `138****5678`.
pub fn mobile(phone: &str) -> String {
    keep_ends(phone, 3, 4)
}

/// Only the last 4 digits of an account number: `********6789`.
pub fn account_number(account: &str) -> String {
    keep_ends(account, 0, 4)
}

fn keep_ends(value: &str, head: usize, tail: usize) -> String {
    let chars: Vec<char> = value.chars().collect();
    if chars.len() <= head + tail {
        return "*".repeat(chars.len());
    }
    let hidden = chars.len() - head - tail;
    let mut out: String = chars[..head].iter().collect();
    out.push_str(&"*".repeat(hidden));
    out.extend(&chars[chars.len() - tail..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_as_domain_md_shows() {
        assert_eq!(id_number("110105194912311234"), "110***********1234");
        assert_eq!(mobile("13812345678"), "138****5678");
        assert_eq!(account_number("310012346789"), "********6789");
    }

    #[test]
    fn short_values_are_hidden_entirely() {
        assert_eq!(mobile("1234"), "****");
        assert_eq!(id_number(""), "");
    }
}
