//! Word boundaries (Unicode's UAX #29, as `unicode-segmentation` finds
//! them), with a fast path for ASCII lines: the splitter under
//! [`super::segment::tokens`]. The general splitter looks every character
//! up in Unicode's tables; on ASCII only a dozen classes and the rules that
//! join them matter. Tested against the general splitter on every short
//! string of the classes' representatives and on random longer ones.

use unicode_segmentation::{UWordBoundIndices, UnicodeSegmentation};

/// The word-bound pieces of `text` with their byte offsets, exactly as
/// `split_word_bound_indices` gives them. A line feed always has a
/// boundary after it (UAX #29 WB3a), so each line is split on its own: an
/// ASCII line by a byte scan, any other by the general splitter.
pub fn word_bounds(text: &str) -> WordBounds<'_> {
    WordBounds {
        text,
        line: 0..0,
        at: 0,
        general: None,
    }
}

/// The iterator of [`word_bounds`]: one line at a time, without a nested
/// iterator per line on the byte scan's path.
pub struct WordBounds<'a> {
    text: &'a str,
    /// The line being split, line feed included.
    line: std::ops::Range<usize>,
    /// Where the next piece of a line the byte scan splits starts.
    at: usize,
    /// The general splitter's pieces of the line, with the line's start.
    general: Option<(usize, UWordBoundIndices<'a>)>,
}

impl<'a> Iterator for WordBounds<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some((base, pieces)) = &mut self.general {
                if let Some((i, w)) = pieces.next() {
                    return Some((*base + i, w));
                }
                self.general = None;
            }
            if self.at < self.line.end {
                let line = &self.text[self.line.clone()];
                let from = self.at - self.line.start;
                let to = ascii_piece_end(line.as_bytes(), from);
                self.at = self.line.start + to;
                return Some((self.line.start + from, &line[from..to]));
            }
            let start = self.line.end;
            if start >= self.text.len() {
                return None;
            }
            let rest = &self.text.as_bytes()[start..];
            let end = memchr::memchr(b'\n', rest).map_or(self.text.len(), |k| start + k + 1);
            self.line = start..end;
            let line = &self.text[start..end];
            if is_simple(line) {
                self.at = start;
            } else {
                self.at = end;
                self.general = Some((start, line.split_word_bound_indices()));
            }
        }
    }
}

/// The word-break class of an ASCII byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Cr,
    Lf,
    /// Vertical tab, form feed.
    Newline,
    /// The space (tab is `Other`).
    Space,
    Letter,
    Digit,
    /// `:`
    MidLetter,
    /// `,` `;`
    MidNum,
    /// `.`
    MidNumLet,
    /// `'`
    Quote,
    /// `_`
    Underscore,
    Other,
}

const fn class(b: u8) -> Class {
    match b {
        b'\r' => Class::Cr,
        b'\n' => Class::Lf,
        0x0b | 0x0c => Class::Newline,
        b' ' => Class::Space,
        b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
        b'0'..=b'9' => Class::Digit,
        b':' => Class::MidLetter,
        b',' | b';' => Class::MidNum,
        b'.' => Class::MidNumLet,
        b'\'' => Class::Quote,
        b'_' => Class::Underscore,
        _ => Class::Other,
    }
}

/// A table of `f(b)` for every ASCII byte `b`, built at compile time.
macro_rules! ascii_table {
    ($default:expr, $f:ident) => {{
        let mut table = [$default; 128];
        let mut b = 0;
        while b < 128 {
            table[b as usize] = $f(b);
            b += 1;
        }
        table
    }};
}
pub(crate) use ascii_table;

/// [`class`] of every ASCII byte, looked up rather than matched.
const CLASSES: [Class; 128] = ascii_table!(Class::Other, class);

#[inline]
fn class_of(b: u8) -> Class {
    CLASSES[usize::from(b & 0x7f)]
}

/// Whether a byte is an ASCII letter or digit, for every byte.
const ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The non-ASCII characters the byte scan also knows, all three bytes
/// long (E2 80 xx): the curly single quotes (`MidNumLet` in UAX #29, as
/// `.` is) and the en and em dashes (`Other`). Printed text uses them
/// where a typewriter used `'` and `-`; lines with any other non-ASCII
/// character go to the general splitter.
const fn wide_class(third: u8) -> Option<Class> {
    match third {
        0x98 | 0x99 => Some(Class::MidNumLet),
        0x93 | 0x94 => Some(Class::Other),
        _ => None,
    }
}

/// Whether the byte scan splits `line`: ASCII, or ASCII with the
/// characters [`wide_class`] knows.
pub(crate) fn is_simple(line: &str) -> bool {
    // Most lines are plain ASCII: checked a word at a time first.
    if line.is_ascii() {
        return true;
    }
    let t = line.as_bytes();
    let mut i = 0;
    while i < t.len() {
        if t[i] < 0x80 {
            i += 1;
        } else if t[i] == 0xe2
            && t.get(i + 1) == Some(&0x80)
            && t.get(i + 2).is_some_and(|&b| wide_class(b).is_some())
        {
            i += 3;
        } else {
            return false;
        }
    }
    true
}

/// Byte length of the character starting at `t[i]` (1, or 3 for the
/// characters [`wide_class`] knows).
#[inline]
fn width_at(t: &[u8], i: usize) -> usize {
    if t[i] < 0x80 { 1 } else { 3 }
}

/// The class of the character starting at `t[i]`.
#[inline]
fn class_at(t: &[u8], i: usize) -> Class {
    if t[i] < 0x80 {
        class_of(t[i])
    } else {
        wide_class(t[i + 2]).unwrap_or(Class::Other)
    }
}

/// The start of the character that ends just before `t[end]`.
#[inline]
fn start_before(t: &[u8], end: usize) -> usize {
    if t[end - 1] < 0x80 { end - 1 } else { end - 3 }
}

/// Whether a word boundary falls before the character at byte `i` of `t`
/// (0 < i < len, a character boundary).
#[inline]
fn breaks_before(t: &[u8], i: usize) -> bool {
    use Class::{Cr, Digit, Letter, Lf, MidLetter, MidNum, MidNumLet, Newline, Quote, Space, Underscore};
    let prev = start_before(t, i);
    let (p, c) = (class_at(t, prev), class_at(t, i));
    // The character after and the one before the pair, looked at only by
    // the joiners between letters (WB6, WB7) and between digits (WB11,
    // WB12).
    let next = || {
        let k = i + width_at(t, i);
        (k < t.len()).then(|| class_at(t, k))
    };
    let before = || (prev > 0).then(|| class_at(t, start_before(t, prev)));
    let mid_letter = |x: Class| matches!(x, MidLetter | MidNumLet | Quote);
    let mid_num = |x: Class| matches!(x, MidNum | MidNumLet | Quote);
    let joined = match (p, c) {
        (Cr, Lf) | (Space, Space) => true,                        // WB3, WB3d
        (Cr | Lf | Newline, _) | (_, Cr | Lf | Newline) => false, // WB3a, WB3b
        (Letter | Digit, Letter | Digit) => true,                 // WB5, WB8, WB9, WB10
        (Letter | Digit | Underscore, Underscore) | (Underscore, Letter | Digit) => true, // WB13a, WB13b
        (Letter, m) if mid_letter(m) && next() == Some(Letter) => true, // WB6
        (m, Letter) if mid_letter(m) && before() == Some(Letter) => true, // WB7
        (Digit, m) if mid_num(m) && next() == Some(Digit) => true, // WB12
        (m, Digit) if mid_num(m) && before() == Some(Digit) => true, // WB11
        _ => false,
    };
    !joined
}

/// The word-bound pieces of `text` (ASCII, or with the characters
/// [`wide_class`] knows: see [`is_simple`]) with their byte offsets, as
/// `split_word_bound_indices` gives them.
#[cfg(test)]
fn ascii_word_bounds(text: &str) -> impl Iterator<Item = (usize, &str)> {
    debug_assert!(is_simple(text));
    let t = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= t.len() {
            return None;
        }
        let from = start;
        start = ascii_piece_end(t, from);
        Some((from, &text[from..start]))
    })
}

/// Where the piece starting at `t[from]` ends (`from < t.len()`), in a
/// text the byte scan splits (see [`is_simple`]).
#[inline]
fn ascii_piece_end(t: &[u8], from: usize) -> usize {
    // The common pieces first: a run of letters and digits before a space
    // or the end (nothing joins a space to them), and one space before
    // anything but a space (only WB3d joins to a space).
    let b = t[from];
    if ALNUM[usize::from(b)] {
        let mut i = from + 1;
        while i < t.len() && ALNUM[usize::from(t[i])] {
            i += 1;
        }
        if i == t.len() || t[i] == b' ' {
            return i;
        }
    } else if b == b' ' && t.get(from + 1) != Some(&b' ') {
        return from + 1;
    }
    let mut i = from + width_at(t, from);
    loop {
        // ASCII letters and digits join each other (WB5, WB8-WB10):
        // the bulk of every word, stepped over without the rules.
        if ALNUM[usize::from(t[i - 1])] {
            while i < t.len() && ALNUM[usize::from(t[i])] {
                i += 1;
            }
        }
        if i >= t.len() || breaks_before(t, i) {
            return i;
        }
        i += width_at(t, i);
    }
}

/// Calls `f` on every string of 1 to `max_len` bytes over `alphabet`
/// (tests of the byte scanners against unicode-segmentation).
#[cfg(test)]
pub(crate) fn each_string(alphabet: &[u8], max_len: u32, mut f: impl FnMut(&str)) {
    let n = alphabet.len();
    for len in 1..=max_len {
        for mut k in 0..n.pow(len) {
            let mut s = String::new();
            for _ in 0..len {
                s.push(char::from(alphabet[k % n]));
                k /= n;
            }
            f(&s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// One byte of every class, and a few of `Other`.
    const ALPHABET: &[u8] = b"aZ7:,;.'_ \t\r\n\x0b-\"!";

    fn same(text: &str) {
        let slow: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
        if is_simple(text) {
            let fast: Vec<(usize, &str)> = ascii_word_bounds(text).collect();
            assert_eq!(fast, slow, "{text:?}");
        }
        let lines: Vec<(usize, &str)> = word_bounds(text).collect();
        assert_eq!(lines, slow, "{text:?}");
    }

    /// ASCII with the characters that join across it or to it: a curly
    /// apostrophe, an accented letter, a combining accent, a no-break
    /// space, a line separator, a zero-width joiner and an emoji.
    const MIXED: &[char] = &[
        'a', '1', '.', '\'', ' ', '\n', '\r', ':', 'é', '\u{2019}', '\u{301}', '\u{a0}', '\u{2028}',
        '\u{200d}', '👍', '“',
    ];

    /// ASCII and the characters the byte scan also knows, with a few
    /// that send a line to the general splitter.
    const SIMPLE: &[char] = &[
        'a', 'Z', '7', ':', ',', '.', '\'', '_', ' ', '\n', '-', '\u{2018}', '\u{2019}', '\u{2013}',
        '\u{2014}', '\u{201c}', '\u{2011}',
    ];

    #[test]
    fn every_short_string_with_curly_quotes_and_dashes_splits_as_unicode_segmentation_does() {
        let n = SIMPLE.len();
        for len in 1..=4u32 {
            for mut k in 0..n.pow(len) {
                let mut s = String::new();
                for _ in 0..len {
                    s.push(SIMPLE[k % n]);
                    k /= n;
                }
                same(&s);
            }
        }
    }

    #[test]
    fn every_short_string_splits_as_unicode_segmentation_does() {
        // The rules look two bytes back and one ahead: every window of four
        // bytes, and its edges, is among these.
        each_string(ALPHABET, 4, same);
    }

    #[test]
    fn sentences_split_as_unicode_segmentation_does() {
        same("Mr. O'Neil paid $3,000.50 on 2024-05-01; e.g. U.S. a:b c_d 3.x x.3 'quoted' end.\r\n\tNext");
    }

    proptest! {
        #[test]
        fn random_ascii_splits_as_unicode_segmentation_does(bytes in proptest::collection::vec(0usize..ALPHABET.len(), 0..40)) {
            let s: String = bytes.iter().map(|&i| char::from(ALPHABET[i])).collect();
            same(&s);
        }

        #[test]
        fn mixed_text_splits_as_unicode_segmentation_does(chars in proptest::collection::vec(0usize..MIXED.len(), 0..40)) {
            let s: String = chars.iter().map(|&i| MIXED[i]).collect();
            same(&s);
        }

        #[test]
        fn text_with_curly_quotes_and_dashes_splits_as_unicode_segmentation_does(chars in proptest::collection::vec(0usize..SIMPLE.len(), 0..40)) {
            let s: String = chars.iter().map(|&i| SIMPLE[i]).collect();
            same(&s);
        }

        #[test]
        fn any_ascii_splits_as_unicode_segmentation_does(s in "[\\x00-\\x7f]{0,40}") {
            same(&s);
        }
    }
}
