//! Makes document text inert for a terminal: no byte of a document may reach
//! the terminal as a control sequence.

use std::borrow::Cow;

/// Replaces C0 controls (except tab, shown as a space), DEL and C1 controls
/// with visible symbols: `ESC` becomes `␛`, other C0 controls their
/// U+2400 "control picture", DEL `␡`, C1 controls `�`.
#[must_use]
pub fn inert(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_replacing) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(replacement).collect())
}

fn needs_replacing(c: char) -> bool {
    c.is_control() || c == '\u{2028}' || c == '\u{2029}' || is_bidi_control(c)
}

/// Directional embeddings, overrides and isolates: they reorder what the
/// terminal shows, so a document could make text read differently.
const fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The visible stand-in for one character (itself when harmless).
#[must_use]
pub fn replacement(c: char) -> char {
    match c {
        '\t' | '\n' | '\u{2028}' | '\u{2029}' => ' ',
        '\u{7f}' => '␡',
        c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('�'),
        c if c.is_control() || is_bidi_control(c) => '�',
        c => c,
    }
}

/// Whether [`json_invisible_escaped`] writes `c` as a `\uXXXX` escape.
#[must_use]
pub fn risky_in_json(c: char) -> bool {
    (c.is_control() && c as u32 >= 0x7f) || matches!(c, '\u{2028}' | '\u{2029}') || is_bidi_control(c)
}

/// JSON text with every C1 control, line/paragraph separator and bidi
/// control written as a `\uXXXX` escape. serde_json leaves them raw, and a
/// tool that prints a string field to a terminal would pass them on. Outside
/// strings JSON holds only ASCII, so escaping the whole text only touches
/// strings, and a parser reads back the same values.
#[must_use]
pub fn json_invisible_escaped(json: String) -> String {
    let risky = risky_in_json;
    if !has_risky(&json) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if risky(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `text` holds a character [`risky_in_json`] escapes. Each of
/// them (U+007F–U+009F, U+2028–U+202E, U+2066–U+2069) is encoded starting
/// with the byte 0x7F, 0xC2 or 0xE2, none of which continues a character:
/// only the characters starting at those bytes are decoded and tested.
fn has_risky(text: &str) -> bool {
    memchr::memchr3_iter(0x7f, 0xc2, 0xe2, text.as_bytes())
        .any(|i| text[i..].chars().next().is_some_and(risky_in_json))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        let s = inert("a\x1b]0;title\x07b\u{9b}c");
        assert_eq!(s, "a␛]0;title␇b�c");
        assert!(!s.chars().any(char::is_control));
    }

    #[test]
    fn json_escapes_c1_and_bidi_but_keeps_values() {
        let value = serde_json::json!({ "t": "a\u{9b}31mb\u{202e}c\u{7f}d “e”" });
        let text = json_invisible_escaped(serde_json::to_string(&value).unwrap());
        assert_eq!(text, r#"{"t":"a\u009b31mb\u202ec\u007fd “e”"}"#);
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), value);
    }

    /// The byte search finds what a test of every character finds.
    #[test]
    fn risky_found_by_lead_bytes_as_by_every_character() {
        let mut texts: Vec<String> = [
            "plain",
            "“quoted” — é",
            "a\u{7f}b",
            "\u{9b}",
            "x\u{2028}",
            "\u{202e}",
            "\u{2069}z",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        // Every character of the first planes, each alone and among others.
        for c in (0..0x3000).filter_map(char::from_u32) {
            texts.push(format!("a{c}“"));
        }
        for t in &texts {
            assert_eq!(has_risky(t), t.chars().any(risky_in_json), "{t:?}");
        }
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(inert("plain “text”"), Cow::Borrowed(_)));
    }
}
