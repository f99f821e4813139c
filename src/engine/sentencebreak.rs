//! Sentence boundaries (Unicode's UAX #29, exactly as `unicode-segmentation`
//! finds them), with a fast path for ASCII lines: the splitter under
//! [`super::segment`]. The general splitter looks every character up in
//! Unicode's tables; on ASCII a table of a dozen classes does, and the same
//! rules run over them. Tested against the general splitter on every short
//! string of the classes' representatives and on random longer ones.

use unicode_segmentation::{USentenceBoundIndices, UnicodeSegmentation};

/// The pieces of `text` between sentence boundaries with their byte
/// offsets, exactly as `split_sentence_bound_indices` gives them. A line
/// feed always has a boundary after it (SB4) and nothing before it is
/// looked at past it, so each line is split on its own: an ASCII line by
/// the table, any other by the general splitter.
pub fn sentence_bounds(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    text.split_inclusive('\n').flat_map(move |line| {
        let base = at;
        at += line.len();
        let pieces = if super::wordbreak::is_simple(line) {
            Pieces::Ascii(AsciiSentences::new(line))
        } else {
            Pieces::Unicode(line.split_sentence_bound_indices())
        };
        pieces.map(move |(i, s)| (base + i, s))
    })
}

/// One line's pieces, by whichever splitter suits it.
enum Pieces<'a> {
    Ascii(AsciiSentences<'a>),
    Unicode(USentenceBoundIndices<'a>),
}

impl<'a> Iterator for Pieces<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Self::Ascii(a) => a.next(),
            Self::Unicode(u) => u.next(),
        }
    }
}

/// The sentence-break class of an ASCII byte (no ASCII byte is a
/// separator, letter of another script, format or extending character).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cat {
    Cr,
    Lf,
    /// Tab, vertical tab, form feed, space.
    Sp,
    /// `!` `?`
    STerm,
    /// `.`
    ATerm,
    /// Quotes and brackets.
    Close,
    /// `,` `-` `:` `;`
    SContinue,
    Numeric,
    Upper,
    Lower,
    Other,
}

const fn cat(b: u8) -> Cat {
    match b {
        b'\r' => Cat::Cr,
        b'\n' => Cat::Lf,
        b'\t' | 0x0b | 0x0c | b' ' => Cat::Sp,
        b'!' | b'?' => Cat::STerm,
        b'.' => Cat::ATerm,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Cat::Close,
        b',' | b'-' | b':' | b';' => Cat::SContinue,
        b'0'..=b'9' => Cat::Numeric,
        b'A'..=b'Z' => Cat::Upper,
        b'a'..=b'z' => Cat::Lower,
        _ => Cat::Other,
    }
}

const CATS: [Cat; 128] = super::wordbreak::ascii_table!(Cat::Other, cat);

#[inline]
fn cat_of(b: u8) -> Cat {
    CATS[usize::from(b & 0x7f)]
}

/// The class of the character starting at `t[i]`: an ASCII byte, or one
/// of the three-byte characters the scan also knows
/// ([`super::wordbreak::is_simple`]): the curly single quotes close, as
/// `'` does; the en and em dashes continue, as `-` does.
#[inline]
fn cat_at(t: &[u8], i: usize) -> Cat {
    if t[i] < 0x80 {
        cat_of(t[i])
    } else if matches!(t[i + 2], 0x98 | 0x99) {
        Cat::Close
    } else {
        Cat::SContinue
    }
}

/// Byte length of the character starting at `t[i]`.
#[inline]
fn width_at(t: &[u8], i: usize) -> usize {
    if t[i] < 0x80 { 1 } else { 3 }
}

/// What the rules remember of the text read so far: runs of closing
/// marks and of spaces count as one part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Sot,
    Eot,
    Other,
    Cr,
    Lf,
    ATerm,
    UpperLower,
    ClosePlus,
    SpPlus,
    STerm,
}

/// The last four parts, newest last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct State([Part; 4]);

impl State {
    fn then(self, c: Cat) -> Self {
        let p = self.0;
        if (p[3] == Part::ClosePlus && c == Cat::Close) || (p[3] == Part::SpPlus && c == Cat::Sp) {
            return self;
        }
        let part = match c {
            Cat::Cr => Part::Cr,
            Cat::Lf => Part::Lf,
            Cat::ATerm => Part::ATerm,
            Cat::Upper | Cat::Lower => Part::UpperLower,
            Cat::Close => Part::ClosePlus,
            Cat::Sp => Part::SpPlus,
            Cat::STerm => Part::STerm,
            Cat::SContinue | Cat::Numeric | Cat::Other => Part::Other,
        };
        Self([p[1], p[2], p[3], part])
    }

    fn last(self) -> Part {
        self.0[3]
    }

    /// Whether the text read ends in a sentence terminator, then closing
    /// marks, then (with `spaces`) spaces; `ATerm` only when `full_stop`.
    fn ends_terminated(self, spaces: bool, full_stop: bool) -> bool {
        let p = self.0;
        let mut i = if spaces && p[3] == Part::SpPlus { 2 } else { 3 };
        if p[i] == Part::ClosePlus {
            i -= 1;
        }
        p[i] == Part::ATerm || (!full_stop && p[i] == Part::STerm)
    }

    /// SB11's left side: a terminator, closing marks, spaces, and perhaps
    /// a line end.
    fn ends_paragraph_terminated(self) -> bool {
        let p = self.0;
        let mut i = if matches!(p[3], Part::Cr | Part::Lf) { 2 } else { 3 };
        if p[i] == Part::SpPlus {
            i -= 1;
        }
        if p[i] == Part::ClosePlus {
            i -= 1;
        }
        matches!(p[i], Part::STerm | Part::ATerm)
    }
}

/// SB8: a full stop (then closing marks and spaces) does not end the
/// sentence when a lowercase letter follows before any letter or
/// terminator.
fn lower_follows(state: State, ahead: &[u8]) -> bool {
    if !state.ends_terminated(true, true) {
        return false;
    }
    let mut k = 0;
    while k < ahead.len() {
        match cat_at(ahead, k) {
            Cat::Lower => return true,
            Cat::Upper | Cat::Cr | Cat::Lf | Cat::STerm | Cat::ATerm => return false,
            _ => {}
        }
        k += width_at(ahead, k);
    }
    false
}

/// Sentence-break positions of an ASCII line (or one with the characters
/// [`cat_at`] knows), then its pieces.
struct AsciiSentences<'a> {
    text: &'a str,
    pos: usize,
    state: State,
    /// Where the piece being read started.
    start: Option<usize>,
}

impl<'a> AsciiSentences<'a> {
    fn new(text: &'a str) -> Self {
        debug_assert!(super::wordbreak::is_simple(text));
        Self {
            text,
            pos: 0,
            state: State([Part::Sot; 4]),
            start: None,
        }
    }

    /// The next break position (UAX #29 SB1–SB11, SB998).
    fn next_break(&mut self) -> Option<usize> {
        let t = self.text.as_bytes();
        while self.pos < t.len() {
            let at = self.pos;
            let before = self.state;
            let c = cat_at(t, at);
            let last = before.last();
            if last == Part::UpperLower && matches!(c, Cat::Upper | Cat::Lower) {
                // A letter after a letter: no rule breaks here or at the
                // letters after it (the text read ends in a letter, not a
                // terminator or a line end), and each one only shifts a
                // letter into the state: the run is stepped over at once.
                let mut end = at + 1;
                while end < t.len() && t[end] < 0x80 && matches!(cat_of(t[end]), Cat::Upper | Cat::Lower) {
                    end += 1;
                }
                self.pos = end;
                let p = before.0;
                let ul = Part::UpperLower;
                self.state = State(match end - at {
                    1 => [p[1], p[2], p[3], ul],
                    2 => [p[2], p[3], ul, ul],
                    3 => [p[3], ul, ul, ul],
                    _ => [ul; 4],
                });
                continue;
            }
            self.pos += width_at(t, at);
            self.state = before.then(c);
            if last == Part::Sot {
                return Some(at); // SB1
            }
            if c == Cat::Lf && last == Part::Cr {
                continue; // SB3
            }
            if matches!(last, Part::Cr | Part::Lf) {
                return Some(at); // SB4
            }
            // SB11 breaks only after a terminator: anywhere else (most
            // characters) the rules that join are not asked.
            if !before.ends_paragraph_terminated() {
                continue;
            }
            let joined = (c == Cat::Numeric && last == Part::ATerm) // SB6
                || (c == Cat::Upper && before.0[2] == Part::UpperLower && last == Part::ATerm) // SB7
                || lower_follows(before, &t[at..]) // SB8
                || (matches!(c, Cat::SContinue | Cat::STerm | Cat::ATerm) && before.ends_terminated(true, false)) // SB8a
                || (matches!(c, Cat::Close | Cat::Sp | Cat::Cr | Cat::Lf) && before.ends_terminated(false, false)) // SB9
                || (matches!(c, Cat::Sp | Cat::Cr | Cat::Lf) && before.ends_terminated(true, false)); // SB10
            if !joined {
                return Some(at); // SB11
            }
        }
        // SB2
        if matches!(self.state.last(), Part::Sot | Part::Eot) {
            None
        } else {
            let p = self.state.0;
            self.state = State([p[1], p[2], p[3], Part::Eot]);
            Some(self.pos)
        }
    }
}

impl<'a> Iterator for AsciiSentences<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        if self.start.is_none() {
            self.start = Some(self.next_break()?);
        }
        let end = self.next_break()?;
        let start = self.start.replace(end)?;
        Some((start, &self.text[start..end]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// One byte of every class, and a few of `Other`.
    const ALPHABET: &[u8] = b"aZ7.!?,(\"' \t\r\n-:#";

    fn same(text: &str) {
        let slow: Vec<(usize, &str)> = text.split_sentence_bound_indices().collect();
        if crate::engine::wordbreak::is_simple(text) {
            let fast: Vec<(usize, &str)> = AsciiSentences::new(text).collect();
            assert_eq!(fast, slow, "{text:?}");
        }
        let lines: Vec<(usize, &str)> = sentence_bounds(text).collect();
        assert_eq!(lines, slow, "{text:?}");
    }

    #[test]
    fn every_short_string_splits_as_unicode_segmentation_does() {
        crate::engine::wordbreak::each_string(ALPHABET, 4, same);
    }

    #[test]
    fn prose_splits_as_unicode_segmentation_does() {
        same(
            "Mr. Lane met the U.S. envoy. \"Why?\" she asked (twice).  It was 3.5 p.m. and etc. the end.\r\nNext line! e.g. this. 'Quoted.' [x] {y}",
        );
        same("");
    }

    /// Letters and marks from outside ASCII that the rules treat alike or
    /// otherwise, next to ASCII ones.
    const MIXED: &[char] = &[
        'a', 'Z', '.', '!', ' ', '\n', '"', ',', 'é', 'Ö', '\u{2019}', '“', '”', '\u{a0}', '\u{2029}',
        '\u{85}', '。', '\u{301}',
    ];

    /// ASCII of every class and the characters the scan also knows, with
    /// a few that send a line to the general splitter.
    const SIMPLE: &[char] = &[
        'a', 'Z', '7', '.', '!', ',', '"', '\'', ' ', '\n', '-', '\u{2018}', '\u{2019}', '\u{2013}',
        '\u{2014}', '\u{201d}', '\u{2011}',
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

    proptest! {
        #[test]
        fn text_with_curly_quotes_and_dashes_splits_as_unicode_segmentation_does(chars in proptest::collection::vec(0usize..SIMPLE.len(), 0..48)) {
            let s: String = chars.iter().map(|&i| SIMPLE[i]).collect();
            same(&s);
        }

        #[test]
        fn random_ascii_splits_as_unicode_segmentation_does(bytes in proptest::collection::vec(0usize..ALPHABET.len(), 0..48)) {
            let s: String = bytes.iter().map(|&i| char::from(ALPHABET[i])).collect();
            same(&s);
        }

        #[test]
        fn mixed_text_splits_as_unicode_segmentation_does(chars in proptest::collection::vec(0usize..MIXED.len(), 0..40)) {
            let s: String = chars.iter().map(|&i| MIXED[i]).collect();
            same(&s);
        }

        #[test]
        fn any_ascii_splits_as_unicode_segmentation_does(s in "[\\x00-\\x7f]{0,48}") {
            same(&s);
        }
    }
}
