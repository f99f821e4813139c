//! Paragraphs, sentences and word tokens, each with byte spans into the text
//! as read.

use super::text::{Document, Span};
use crate::engine::words::{NUMBERED, SENTENCE_STARTERS, TITLES};
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// A run of text between blank lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    /// Indices into [`Segmented::sentences`].
    pub sentences: Range<usize>,
}

/// The unit of alignment: a sentence, or a long clause of one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
    /// A one-line heading, dateline or subheading rather than running prose.
    pub header: bool,
}

/// The segmentation of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segmented {
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
}

impl Segmented {
    /// The span from the first to the last of the sentences `r` (not
    /// empty).
    #[must_use]
    pub fn span_of(&self, r: &Range<usize>) -> Span {
        self.sentences[r.start].span.join(self.sentences[r.end - 1].span)
    }
}

/// What a token is, as far as the tokenizer can tell without context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

/// A word, number or punctuation mark with its span in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub span: Span,
    pub text: &'a str,
    pub kind: TokenKind,
}

/// Sentences longer than this are cut at a clause or word boundary so that a
/// text with no full stops (a log, a 2 MB line) still aligns in small pieces.
const MAX_SENTENCE_BYTES: usize = 1500;

/// Clauses shorter than this many words are not split off at `;` or `:`.
const MIN_CLAUSE_WORDS: usize = 3;

/// Segments a document into paragraphs and sentences.
#[must_use]
pub fn segment(doc: &Document) -> Segmented {
    let mut out = Segmented::default();
    let width = longest_line(&doc.text()[doc.body_start()..]);
    for para in paragraph_spans(doc.text(), doc.body_start()) {
        let first = out.sentences.len();
        let index = out.paragraphs.len();
        let first_para = if out.paragraphs.is_empty() {
            para.start
        } else {
            usize::MAX
        };
        for (span, header) in sentence_spans(doc.text(), para, first_para, width) {
            out.sentences.push(Sentence {
                span,
                paragraph: index,
                header: header || doc.is_weak(span),
            });
        }
        out.paragraphs.push(Paragraph {
            span: para,
            sentences: first..out.sentences.len(),
        });
    }
    out
}

/// Splits at blank lines (lines holding only whitespace); spans are trimmed.
fn paragraph_spans(text: &str, start: usize) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut para_start: Option<usize> = None;
    let mut last_content_end = start;
    let mut pos = start;
    for line in text[start..].split_inclusive('\n') {
        let line_start = pos;
        pos += line.len();
        if line.trim().is_empty() {
            if let Some(s) = para_start.take() {
                spans.push(Span::new(s, last_content_end));
            }
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        if para_start.is_none() {
            para_start = Some(line_start + lead);
        }
        last_content_end = line_start + line.trim_end().len();
    }
    if let Some(s) = para_start {
        spans.push(Span::new(s, last_content_end));
    }
    spans
}

/// Sentence spans inside one paragraph, with a flag for header lines.
fn sentence_spans(text: &str, para: Span, doc_start: usize, width: usize) -> Vec<(Span, bool)> {
    let body = &text[para.range()];
    let (header_len, rest_start) = header_line(body, width);
    let mut out = Vec::new();
    if header_len > 0 {
        out.push((Span::new(para.start, para.start + header_len), true));
    }
    // Line breaks inside a paragraph are wrapping, not sentence ends: UAX #29
    // would break at each, so hide them (same byte length keeps offsets).
    let flat: String = body[rest_start..].replace(['\n', '\r'], " ");
    let base = para.start + rest_start;
    let single_line = !body.contains('\n');
    let mut pieces = raw_sentences(&flat);
    let dateline = para.start == doc_start && starts_with_date(&flat);
    let one_piece = pieces.len() == 1;
    if header_len == 0
        && ((dateline && (single_line || one_piece))
            || (single_line && one_piece && looks_like_heading(&flat))
            || (single_line && one_piece && para.start == doc_start && looks_like_title(&flat)))
    {
        out.push((Span::new(base, base + flat.trim_end().len()), true));
        return out;
    }
    pieces = split_clauses(&flat, pieces);
    for r in pieces {
        for r in cap_length(&flat, r) {
            if let Some(span) = trimmed(&flat, r, base) {
                out.push((span, false));
            }
        }
    }
    out
}

/// A first line that is a heading or dateline: short, no closing stop, and
/// followed by more lines of prose. Returns its length and where prose starts.
///
/// In hard-wrapped text (wire copy, e-mail, text pasted from a PDF) every
/// first line is short and lacks a stop, so a heading must also stand
/// alone: the next line starts like a sentence, and the break was chosen,
/// not forced by the wrap width (the next line's first word would have fit
/// on the first line, judged by the document's longest line, `width`).
fn header_line(body: &str, width: usize) -> (usize, usize) {
    let Some(nl) = body.find('\n') else {
        return (0, 0);
    };
    let first = body[..nl].trim_end();
    let rest = &body[nl + 1..];
    let next = rest.trim_start();
    if looks_like_heading(first) && starts_like_sentence(next) && !wrapped_break(first, next, width) {
        let prose = nl + 1 + (rest.len() - next.len());
        (first.len(), prose)
    } else {
        (0, 0)
    }
}

/// Whether a line begins the way a sentence does (capital, digit, quote).
fn starts_like_sentence(line: &str) -> bool {
    line.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'(".contains(c))
}

/// Whether the break after `first` looks forced by a wrap width: the next
/// word would not have fitted within `width`, the longest line there is.
fn wrapped_break(first: &str, next: &str, width: usize) -> bool {
    let next_word = next.split_whitespace().next().map_or(0, |w| w.chars().count());
    first.chars().count() + 1 + next_word > width
}

/// The longest line of the text, in characters: the wrap width of a
/// hard-wrapped text, and far more than any heading in one that is not.
fn longest_line(text: &str) -> usize {
    text.lines()
        .map(|l| l.trim_end().chars().count())
        .max()
        .unwrap_or(0)
}

/// A line opening with a date among its first three tokens ("date
/// 2021-11-07 Headline", "12/03/2024 —"): a dateline, not prose.
fn starts_with_date(line: &str) -> bool {
    line.split_whitespace().take(3).any(|w| {
        let parts: Vec<&str> = w.split(['-', '/', '.']).collect();
        parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
    })
}

/// A short line that does not end like a sentence.
fn looks_like_heading(line: &str) -> bool {
    heading_of_at_most(line, HEADING_WORDS)
}

/// A document's first line standing alone as a paragraph, with no closing
/// stop: its title, which may run longer than a heading inside the text
/// ("Bridge engineer who reshaped the northern coast, dies aged 88").
fn looks_like_title(line: &str) -> bool {
    heading_of_at_most(line, TITLE_WORDS)
}

/// Words a heading inside a text may have.
const HEADING_WORDS: usize = 12;
/// Words a document's title line may have.
const TITLE_WORDS: usize = 24;

fn heading_of_at_most(line: &str, most: usize) -> bool {
    let line = line.trim();
    // Counted up to one past the most allowed.
    let words = line.unicode_words().take(most + 1).count();
    let last = line.chars().last().unwrap_or('.');
    words > 0 && words <= most && !matches!(last, '.' | '!' | '?' | '"' | '”' | '’' | ':' | ';' | ',')
}

/// UAX #29 sentences, re-joined where a break follows an abbreviation.
fn raw_sentences(flat: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, s) in super::sentencebreak::sentence_bounds(flat) {
        let r = i..i + s.len();
        match out.last_mut() {
            Some(prev) if ends_with_abbreviation(&flat[prev.clone()], s) => prev.end = r.end,
            _ => out.push(r),
        }
    }
    out
}

/// Whether the break between `prev` and `next` falls after an abbreviation
/// rather than at a sentence end.
fn ends_with_abbreviation(prev: &str, next: &str) -> bool {
    let trimmed = prev.trim_end();
    let Some(before_dot) = trimmed.strip_suffix('.') else {
        return false;
    };
    let last_word = before_dot
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    if last_word.is_empty() {
        return false;
    }
    let lower = last_word.to_lowercase();
    let next = next.trim_start();
    let next_word: String = next
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    if TITLES.contains(&lower.as_str()) {
        // "No. 10" but "he said no. The board met"; "St. Louis" but
        // "Main St. The crew": a title list applies only to what follows.
        if NUMBERED.contains(&lower.as_str()) {
            return next.starts_with(|c: char| c.is_ascii_digit());
        }
        let capitalised = next.starts_with(char::is_uppercase);
        return !(capitalised && SENTENCE_STARTERS.contains(&next_word.as_str()));
    }
    let is_initial = last_word.chars().count() == 1 && last_word.chars().all(char::is_uppercase);
    let is_dotted = last_word.contains('.')
        && last_word
            .split('.')
            .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic));
    if !(is_initial || is_dotted) {
        return false;
    }
    is_initial || !SENTENCE_STARTERS.contains(&next_word.as_str())
}

/// Splits sentences further at `;` and `:` (followed by a space) where both
/// sides keep at least [`MIN_CLAUSE_WORDS`] words, outside quotation marks.
fn split_clauses(flat: &str, sentences: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(sentences.len());
    for r in sentences {
        let s = &flat[r.clone()];
        let mut start = 0;
        for (i, c) in s.char_indices() {
            if !(c == ';' || c == ':') {
                continue;
            }
            let cut = i + c.len_utf8();
            if !s[cut..].starts_with(char::is_whitespace) {
                continue;
            }
            if has_words(&s[start..cut], MIN_CLAUSE_WORDS) && has_words(&s[cut..], MIN_CLAUSE_WORDS) {
                out.push(r.start + start..r.start + cut);
                start = cut;
            }
        }
        out.push(r.start + start..r.end);
    }
    out
}

/// Whether `s` holds at least `n` words (counted as `unicode_words` counts
/// them, stopping at the `n`-th: a verse with many colons is not counted
/// to its end at each).
fn has_words(s: &str, n: usize) -> bool {
    n == 0 || s.unicode_words().nth(n - 1).is_some()
}

/// Cuts an over-long piece at whitespace so that no piece exceeds
/// [`MAX_SENTENCE_BYTES`] by much.
fn cap_length(flat: &str, r: Range<usize>) -> Vec<Range<usize>> {
    if r.len() <= MAX_SENTENCE_BYTES {
        return vec![r];
    }
    let mut out = Vec::new();
    let mut start = r.start;
    while r.end - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !flat.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &flat[start..limit];
        // Cut after the separator, whose width varies (NBSP, U+3000, …).
        let cut = content_cut(window)
            .or_else(|| {
                window
                    .char_indices()
                    .rev()
                    .find(|&(p, c)| p > 0 && (c == ',' || c.is_whitespace()))
                    .map(|(p, c)| p + c.len_utf8())
            })
            .map_or(limit, |p| start + p);
        out.push(start..cut);
        start = cut;
    }
    out.push(start..r.end);
    out
}

/// Pieces of a long run are at least this long before a content cut.
const MIN_PIECE_BYTES: usize = MAX_SENTENCE_BYTES / 4;

/// A cut chosen by the text itself: after the first word (past
/// [`MIN_PIECE_BYTES`]) whose hash is divisible by 16. An edit early in a long
/// unpunctuated run then moves only nearby cuts, so both sides still split
/// into pieces that align, instead of every later piece shifting.
fn content_cut(window: &str) -> Option<usize> {
    let mut word_start = 0;
    for (p, c) in window.char_indices() {
        if !(c == ',' || c.is_whitespace()) {
            continue;
        }
        let word = &window[word_start..p];
        word_start = p + c.len_utf8();
        if p >= MIN_PIECE_BYTES && !word.is_empty() && stable_hash(word).is_multiple_of(16) {
            return Some(word_start);
        }
    }
    None
}

/// FNV-1a: the same on every run and machine, unlike the std hasher.
fn stable_hash(word: &str) -> u64 {
    word.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn trimmed(flat: &str, r: Range<usize>, base: usize) -> Option<Span> {
    let s = &flat[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    (!t.is_empty()).then(|| Span::new(base + r.start + lead, base + r.start + lead + t.len()))
}

/// Word, number and punctuation tokens of `text`, which starts at byte `base`
/// of its document. Whitespace is dropped.
pub fn tokens(text: &str, base: usize) -> impl Iterator<Item = Token<'_>> {
    super::wordbreak::word_bounds(text).filter_map(move |(i, w)| {
        let first = w.chars().next()?;
        if first.is_whitespace() {
            return None;
        }
        let kind = kind_of(w);
        Some(Token {
            span: Span::new(base + i, base + i + w.len()),
            text: w,
            kind,
        })
    })
}

/// What a piece of text is: a number if any character is numeric, else a
/// word if any is alphanumeric, else punctuation. An ASCII piece (most) is
/// read byte by byte, where those are the ASCII digits and letters.
fn kind_of(w: &str) -> TokenKind {
    let seen = w.bytes().fold(0, |seen, b| seen | BYTE_KIND[usize::from(b)]);
    if seen & NOT_ASCII != 0 {
        kind_of_chars(w)
    } else if seen & DIGIT != 0 {
        TokenKind::Number
    } else if seen & ALNUM != 0 {
        TokenKind::Word
    } else {
        TokenKind::Punct
    }
}

/// Bits of [`BYTE_KIND`].
const DIGIT: u8 = 1;
const ALNUM: u8 = 2;
const NOT_ASCII: u8 = 4;

/// What [`kind_of`] asks of every byte: an ASCII digit, letter or digit,
/// or not ASCII.
const BYTE_KIND: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if !byte.is_ascii() {
            NOT_ASCII
        } else if byte.is_ascii_digit() {
            DIGIT | ALNUM
        } else if byte.is_ascii_alphabetic() {
            ALNUM
        } else {
            0
        };
        b += 1;
    }
    table
};

/// [`kind_of`] by Unicode's character properties.
fn kind_of_chars(w: &str) -> TokenKind {
    if w.chars().any(char::is_numeric) {
        TokenKind::Number
    } else if w.chars().any(char::is_alphanumeric) {
        TokenKind::Word
    } else {
        TokenKind::Punct
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_from_bytes_are_the_kinds_from_characters() {
        for b in 0..=0x7fu8 {
            let s = char::from(b).to_string();
            assert_eq!(kind_of(&s), kind_of_chars(&s), "{b:#x}");
            for t in ["a", "7", ".", "é", "٣"] {
                let s2 = format!("{s}{t}");
                assert_eq!(kind_of(&s2), kind_of_chars(&s2), "{s2:?}");
                let s3 = format!("{t}{s}");
                assert_eq!(kind_of(&s3), kind_of_chars(&s3), "{s3:?}");
            }
        }
    }

    fn sentences(text: &str) -> Vec<&str> {
        let doc = Document::from(text);
        let seg = segment(&doc);
        seg.sentences
            .iter()
            .map(|s| &text[s.span.range()])
            .collect::<Vec<_>>()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(sentences("One two. Three four!"), ["One two.", "Three four!"]);
    }

    #[test]
    fn keeps_titles_and_acronyms() {
        assert_eq!(
            sentences("Mr. Lane met the U.S. envoy in Washington, D.C. on Monday. It rained."),
            [
                "Mr. Lane met the U.S. envoy in Washington, D.C. on Monday.",
                "It rained."
            ]
        );
    }

    #[test]
    fn acronym_before_sentence_starter_breaks() {
        assert_eq!(
            sentences("She moved to the U.S. The rest followed."),
            ["She moved to the U.S.", "The rest followed."]
        );
    }

    #[test]
    fn a_title_word_ends_a_sentence_before_a_new_one() {
        assert_eq!(
            sentences("He said no. The board met on Monday."),
            ["He said no.", "The board met on Monday."]
        );
        assert_eq!(
            sentences("The fire began on Main St. The crew arrived."),
            ["The fire began on Main St.", "The crew arrived."]
        );
        assert_eq!(
            sentences("She lives at No. 10 with Dr. Lane in St. Louis."),
            ["She lives at No. 10 with Dr. Lane in St. Louis."]
        );
    }

    #[test]
    fn quote_closing_after_stop_stays_with_sentence() {
        assert_eq!(
            sentences("He said “we are ready.” Then he left."),
            ["He said “we are ready.”", "Then he left."]
        );
    }

    #[test]
    fn paragraphs_split_at_blank_lines_with_crlf() {
        let text = "First line.\r\nsame para.\r\n\r\nSecond para.";
        let doc = Document::from(text);
        let seg = segment(&doc);
        assert_eq!(seg.paragraphs.len(), 2);
        assert_eq!(&text[seg.sentences[0].span.range()], "First line.\r\nsame para.");
        assert_eq!(&text[seg.sentences[1].span.range()], "Second para.");
    }

    #[test]
    fn header_line_is_own_unit() {
        let text = " date 2024-01-02 Storm hits coast\n\nThe storm hit. It was bad.";
        let doc = Document::from(text);
        let seg = segment(&doc);
        assert!(seg.sentences[0].header);
        assert_eq!(
            &text[seg.sentences[0].span.range()],
            "date 2024-01-02 Storm hits coast"
        );
        assert!(!seg.sentences[1].header);
    }

    #[test]
    fn a_long_first_line_alone_is_the_title() {
        let text = "£4.2m scheme to restore the old harbour wall and its lighthouse wins backing from the county council\n\nThe plan was approved on Monday.\n\nA long line standing alone later in the text with no stop at its end is prose\n\nIt ends here.";
        let doc = Document::from(text);
        let seg = segment(&doc);
        assert!(seg.sentences[0].header, "the first line is the title");
        assert!(!seg.sentences[1].header);
        assert!(
            !seg.sentences[2].header,
            "a line of 17 words later on is no heading"
        );
        let long = format!("{}\n\nThe plan was approved.", ["word"; 30].join(" "));
        let doc = Document::from(long.as_str());
        assert!(!segment(&doc).sentences[0].header, "30 words are no title");
    }

    #[test]
    fn header_line_inside_paragraph() {
        let text = "Flood warning issued\nThe river rose overnight. Roads closed.";
        let got = sentences(text);
        assert_eq!(
            got,
            [
                "Flood warning issued",
                "The river rose overnight.",
                "Roads closed."
            ]
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_read_as_prose() {
        let text = "The attack in Baghdad’s Green Zone was the first to target the residence\nof Kadhemi, who has been in power since May 2020, and came as Iraq’s\nPolitical parties wrangle over who will run the next government. It was\nlate.";
        let got = sentences(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].starts_with("The attack") && got[0].ends_with("government."));
        let doc = Document::from(text);
        assert!(
            segment(&doc).sentences.iter().all(|s| !s.header),
            "no line of it is a heading"
        );
    }

    #[test]
    fn a_standalone_short_line_over_wrapped_prose_is_a_heading() {
        let text = "Flood warning issued\nThe river rose overnight and the council closed the roads along the\nbank before dawn, asking drivers to keep away from the low bridge at\nMill Lane.";
        let doc = Document::from(text);
        let seg = segment(&doc);
        assert!(seg.sentences[0].header);
        assert_eq!(&text[seg.sentences[0].span.range()], "Flood warning issued");
        assert_eq!(seg.sentences.len(), 2);
    }

    #[test]
    fn a_wrapped_dateline_is_still_a_heading() {
        let text = " date 2021-11-07 After a drone attack on his home, Iraq’s Prime\nMinister calls for ‘calm.’\n\nThe storm hit.";
        let doc = Document::from(text);
        let seg = segment(&doc);
        assert!(seg.sentences[0].header);
        assert!(text[seg.sentences[0].span.range()].ends_with("‘calm.’"));
    }

    #[test]
    fn splits_long_clauses_at_semicolon() {
        assert_eq!(
            sentences("He went to the town; and there he stayed for days. Short: yes."),
            [
                "He went to the town;",
                "and there he stayed for days.",
                "Short: yes."
            ]
        );
    }

    #[test]
    fn bom_is_not_in_a_sentence() {
        let text = "\u{feff}Hello there.";
        let doc = Document::from(text);
        let seg = segment(&doc);
        assert_eq!(seg.sentences[0].span, Span::new(3, text.len()));
    }

    #[test]
    fn caps_very_long_sentences() {
        let text = "word ".repeat(2000);
        let got = sentences(&text);
        assert!(got.len() > 5);
        assert!(got.iter().all(|s| s.len() <= MAX_SENTENCE_BYTES));
    }

    #[test]
    fn caps_long_sentences_at_multibyte_whitespace() {
        for sep in ["\u{a0}", "\u{3000}", "\u{2003}"] {
            let text = format!("word{sep}").repeat(800);
            let got = sentences(&text);
            assert!(got.len() > 1, "{sep:?}");
            assert!(
                got.iter()
                    .all(|s| s.len() <= MAX_SENTENCE_BYTES && s.starts_with("word"))
            );
        }
    }

    #[test]
    fn tokens_keep_numbers_whole() {
        let toks: Vec<_> = tokens("Paid $35,000,000 (net).", 10).collect();
        let texts: Vec<_> = toks.iter().map(|t| t.text).collect();
        assert_eq!(texts, ["Paid", "$", "35,000,000", "(", "net", ")", "."]);
        assert_eq!(toks[2].kind, TokenKind::Number);
        assert_eq!(toks[0].span, Span::new(10, 14));
    }
}
