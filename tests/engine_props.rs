//! Property tests of the engine on random texts made from a small vocabulary
//! of words, numbers, punctuation, quotation marks, line breaks (LF and
//! CRLF), blank lines, a BOM and multi-byte characters.

use factdiff::engine::segment::{Segmented, segment, tokens};
use factdiff::engine::{Comparison, Document, Span, compare};
use factdiff::report::{Format, Report};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "Police",
    "said",
    "the",
    "mayor",
    "people",
    "were",
    "hurt",
    "not",
    "may",
    "Mr.",
    "U.S.",
    "Dr.",
    "café",
    "naïve",
    "Zürich",
    "東京",
    "地震",
    "مرحبا",
    "Ελλάδα",
    "👍🏽",
    "👨\u{200d}👩\u{200d}👧",
    "e\u{301}",
    "don't",
    "it’s",
    "x",
];
const NUMBERS: &[&str] = &[
    "40",
    "14",
    "3.5",
    "1,000",
    "$35,000,000",
    "2024-01-02",
    "7%",
    "½",
    "١٢",
];
const PUNCT: &[&str] = &[
    ".", ",", ";", ":", "!", "?", "—", "…", "(", ")", "“", "”", "‘", "’", "«", "»", "\"", "'", "。",
];
const SEPARATORS: &[&str] = &[
    " ", " ", " ", " ", "  ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\t", "\u{a0}", "\u{3000}", " \n \n",
];

fn piece() -> impl Strategy<Value = String> {
    let word = prop::sample::select(WORDS).prop_map(str::to_owned);
    let number = prop::sample::select(NUMBERS).prop_map(str::to_owned);
    let punct = prop::sample::select(PUNCT).prop_map(str::to_owned);
    let sep = prop::sample::select(SEPARATORS).prop_map(str::to_owned);
    prop_oneof![6 => word, 2 => number, 2 => punct, 3 => sep]
}

/// Random pieces, optionally behind a BOM.
fn pieces(max: usize) -> impl Strategy<Value = (bool, Vec<String>)> {
    (prop::bool::weighted(0.2), prop::collection::vec(piece(), 0..max))
}

fn join((bom, parts): &(bool, Vec<String>)) -> String {
    let mut s = if *bom {
        "\u{feff}".to_owned()
    } else {
        String::new()
    };
    for p in parts {
        s.push_str(p);
    }
    s
}

/// A run of words with no sentence end, long enough to be cut by length,
/// separated by assorted (also multi-byte) whitespace.
fn long_run() -> impl Strategy<Value = String> {
    let sep = prop::sample::select(&[" ", " ", "\u{a0}", "\u{3000}", "\u{2003}", "\n", ", "][..]);
    let word = prop::sample::select(WORDS);
    prop::collection::vec((word, sep), 250..700).prop_map(|v| {
        v.into_iter().fold(String::new(), |mut s, (w, sep)| {
            s.push_str(w);
            s.push_str(sep);
            s
        })
    })
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => pieces(120).prop_map(|p| join(&p)),
        1 => long_run(),
    ]
}

/// An original and a rewrite: either unrelated, or the rewrite made by
/// editing the original's pieces (replace, delete, insert).
fn pair() -> impl Strategy<Value = (String, String)> {
    let edited = pieces(120).prop_flat_map(|orig| {
        let len = orig.1.len().max(1);
        let edit = (0..len, prop::option::of(piece()), prop::bool::ANY);
        (Just(orig), prop::collection::vec(edit, 0..6)).prop_map(|(orig, edits)| {
            let mut parts = orig.1.clone();
            for (at, new, insert) in edits {
                let at = at.min(parts.len());
                match (new, insert) {
                    (Some(p), true) => parts.insert(at, p),
                    (Some(p), false) if at < parts.len() => parts[at] = p,
                    (None, _) if at < parts.len() => {
                        parts.remove(at);
                    }
                    _ => {}
                }
            }
            (join(&orig), join(&(orig.0, parts)))
        })
    });
    prop_oneof![2 => edited, 1 => (text(), text())]
}

fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: {span:?} out of bounds ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: {span:?} not on char boundaries"
    );
}

fn assert_trimmed(text: &str, span: Span, what: &str) {
    let s = &text[span.range()];
    assert!(!s.is_empty(), "{what}: empty span {span:?}");
    assert_eq!(s, s.trim(), "{what}: {span:?} not trimmed");
}

/// Spans ordered, non-overlapping, trimmed, inside the body; sentences
/// inside their paragraph; paragraph sentence ranges tile the sentences.
fn assert_segmentation(doc: &Document, seg: &Segmented) {
    let text = doc.text();
    let mut prev_end = doc.body_start();
    for (i, p) in seg.paragraphs.iter().enumerate() {
        assert_span(text, p.span, "paragraph");
        assert_trimmed(text, p.span, "paragraph");
        assert!(
            p.span.start >= prev_end,
            "paragraph {i} overlaps or precedes its predecessor"
        );
        prev_end = p.span.end;
    }
    let mut prev_end = doc.body_start();
    for (i, s) in seg.sentences.iter().enumerate() {
        assert_span(text, s.span, "sentence");
        assert_trimmed(text, s.span, "sentence");
        assert!(
            s.span.start >= prev_end,
            "sentence {i} overlaps or precedes its predecessor"
        );
        prev_end = s.span.end;
        let para = &seg.paragraphs[s.paragraph];
        assert!(
            para.sentences.contains(&i),
            "sentence {i} not in its paragraph's range"
        );
        assert!(
            para.span.start <= s.span.start && s.span.end <= para.span.end,
            "sentence {i} outside its paragraph"
        );
        let mut last = s.span.start;
        for t in tokens(doc.slice(s.span), s.span.start) {
            assert_span(text, t.span, "token");
            assert!(t.span.start >= last && t.span.start < t.span.end, "token order");
            assert_eq!(doc.slice(t.span), t.text);
            assert!(t.span.end <= s.span.end);
            last = t.span.end;
        }
    }
    let mut next = 0;
    for p in &seg.paragraphs {
        assert_eq!(p.sentences.start, next, "paragraph sentence ranges must tile");
        next = p.sentences.end;
    }
    assert_eq!(next, seg.sentences.len());
}

/// Marks sentence indices used by units; each must be used exactly once.
fn assert_covered(counts: &[usize], side: &str) {
    for (i, &n) in counts.iter().enumerate() {
        assert_eq!(n, 1, "{side} sentence {i} is in {n} units");
    }
}

fn assert_comparison(a: &Document, b: &Document, c: &Comparison) {
    assert_segmentation(a, &c.original);
    assert_segmentation(b, &c.rewrite);
    let mut seen_a = vec![0usize; c.original.sentences.len()];
    let mut seen_b = vec![0usize; c.rewrite.sentences.len()];
    for (i, u) in c.units.iter().enumerate() {
        assert!(
            u.original.is_some() || u.rewrite.is_some(),
            "unit {i} has no side"
        );
        assert_eq!(u.original.is_some(), u.original_sentences.is_some());
        assert_eq!(u.rewrite.is_some(), u.rewrite_sentences.is_some());
        if let (Some(span), Some(r)) = (u.original, &u.original_sentences) {
            assert_span(a.text(), span, "unit original");
            assert!(
                !r.is_empty() && r.end <= seen_a.len(),
                "unit {i} original range {r:?}"
            );
            assert_eq!(span.start, c.original.sentences[r.start].span.start);
            assert_eq!(span.end, c.original.sentences[r.end - 1].span.end);
            r.clone().for_each(|k| seen_a[k] += 1);
        }
        if let (Some(span), Some(r)) = (u.rewrite, &u.rewrite_sentences) {
            assert_span(b.text(), span, "unit rewrite");
            assert!(
                !r.is_empty() && r.end <= seen_b.len(),
                "unit {i} rewrite range {r:?}"
            );
            assert_eq!(span.start, c.rewrite.sentences[r.start].span.start);
            assert_eq!(span.end, c.rewrite.sentences[r.end - 1].span.end);
            r.clone().for_each(|k| seen_b[k] += 1);
        }
        for h in &u.hunks {
            assert!(h.original.is_some() || h.rewrite.is_some());
            if let Some(s) = h.original {
                assert_span(a.text(), s, "hunk original");
                let unit = u.original.expect("hunk side without unit side");
                assert!(unit.start <= s.start && s.end <= unit.end, "hunk outside unit");
            }
            if let Some(s) = h.rewrite {
                assert_span(b.text(), s, "hunk rewrite");
                let unit = u.rewrite.expect("hunk side without unit side");
                assert!(unit.start <= s.start && s.end <= unit.end, "hunk outside unit");
            }
        }
    }
    assert_covered(&seen_a, "original");
    assert_covered(&seen_b, "rewrite");
    for d in &c.discrepancies {
        assert!(d.unit < c.units.len(), "{} names unit {}", d.id, d.unit);
        if let Some(s) = d.original {
            assert_span(a.text(), s, "discrepancy original");
        }
        if let Some(s) = d.rewrite {
            assert_span(b.text(), s, "discrepancy rewrite");
        }
        assert!(
            (0.0..=1.0).contains(&d.confidence),
            "{} confidence {}",
            d.id,
            d.confidence
        );
    }
    let s = &c.summary;
    assert_eq!(s.discrepancies, c.discrepancies.len());
    assert_eq!(s.factual, c.discrepancies.iter().filter(|d| d.factual).count());
    assert_eq!(s.original_sentences, c.original.sentences.len());
    assert_eq!(s.rewrite_sentences, c.rewrite.sentences.len());
    assert!((0.0..=1.0).contains(&s.original_found_share));
}

fn render_all(a: &Document, b: &Document, c: &Comparison) {
    let r = Report {
        original_name: "a.txt",
        rewrite_name: "b.txt",
        original: a,
        rewrite: b,
        comparison: c,
    };
    let json: serde_json::Value =
        serde_json::from_str(&r.render(Format::Json, false)).expect("JSON report parses");
    assert_eq!(
        json["discrepancies"].as_array().map(Vec::len),
        Some(c.discrepancies.len())
    );
    for (format, color) in [
        (Format::Markdown, false),
        (Format::Text, false),
        (Format::Text, true),
    ] {
        let out = r.render(format, color);
        let stripped = ["\x1b[31m", "\x1b[32m", "\x1b[1m", "\x1b[2m", "\x1b[0m"]
            .iter()
            .fold(out, |s, code| s.replace(code, ""));
        assert!(
            stripped.chars().all(|c| c == '\n' || !c.is_control()),
            "{format:?} output holds a control character"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 96,
        // Failures found here become plain regression tests below.
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn segmentation_spans_are_sound(t in text()) {
        let doc = Document::from(t.as_str());
        assert_segmentation(&doc, &segment(&doc));
    }

    #[test]
    fn comparison_spans_and_coverage((x, y) in pair()) {
        let a = Document::from(x.as_str());
        let b = Document::from(y.as_str());
        let c = compare(&a, &b);
        assert_comparison(&a, &b, &c);
        render_all(&a, &b, &c);
        prop_assert_eq!(c.summary.identical, a.text()[a.body_start()..] == b.text()[b.body_start()..]);
    }

    #[test]
    fn self_comparison_is_identical(t in text()) {
        let a = Document::from(t.as_str());
        let c = compare(&a, &a.clone());
        assert_comparison(&a, &a, &c);
        prop_assert!(c.summary.identical);
        prop_assert_eq!(c.summary.factual, 0);
        prop_assert!(c.discrepancies.iter().all(|d| !d.factual), "{:?}", c.discrepancies);
    }

    #[test]
    fn a_bom_only_shifts_segmentation(t in text()) {
        let plain = Document::from(t.trim_start_matches('\u{feff}'));
        let bom = Document::from(format!("\u{feff}{}", plain.text()).as_str());
        let (sp, sb) = (segment(&plain), segment(&bom));
        prop_assert_eq!(sp.sentences.len(), sb.sentences.len());
        for (x, y) in sp.sentences.iter().zip(&sb.sentences) {
            prop_assert_eq!(x.span.start + 3, y.span.start);
            prop_assert_eq!(x.span.end + 3, y.span.end);
        }
        let c = compare(&plain, &bom);
        prop_assert!(c.summary.identical);
        prop_assert_eq!(c.summary.factual, 0);
    }
}

/// Found by `segmentation_spans_are_sound`: a sentence over the length cap
/// whose last whitespace before the cap is multi-byte was cut inside it.
#[test]
fn regression_length_cap_inside_multibyte_space() {
    for sep in ["\u{a0}", "\u{3000}", "\u{2003}"] {
        let a_text = format!("word{sep}").repeat(800);
        let b_text = format!("{a_text}mayor.");
        let (a, b) = (Document::from(a_text.as_str()), Document::from(b_text.as_str()));
        assert_segmentation(&a, &segment(&a));
        assert_comparison(&a, &b, &compare(&a, &b));
    }
}

/// Found by `self_comparison_is_identical`: "U.S." split across two
/// sentences was not recognised as the same name on the same text.
#[test]
fn regression_abbreviation_split_from_its_dot_is_known() {
    let a = Document::from("Police東京U.S.مرحبا");
    let c = compare(&a, &a.clone());
    assert!(c.summary.identical);
    assert_eq!(c.summary.factual, 0, "{:?}", c.discrepancies);
}

/// Found by `self_comparison_is_identical`: a name repeated around a
/// repeated verb ("Police hurt Zürich … Police hurt Zürich") was read as
/// two parties trading places on identical texts.
#[test]
fn regression_repeated_parties_are_no_swap_on_identical_text() {
    let a = Document::from("may\nZürich hurt\u{a0}Police\u{3000}hurt\u{3000}Zürich 地震\nsaid, U.S.");
    let c = compare(&a, &a.clone());
    assert_eq!(c.summary.factual, 0, "{:?}", c.discrepancies);
}

/// Found by the compare fuzz target: unbalanced quotation marks made the
/// quote detector pair different quotes of one identical sentence.
#[test]
fn regression_identical_sentence_with_unbalanced_quotes() {
    let a = Document::from(
        "He sa]d “we are d “we are ready.” e &leftt Dr. Lee  “we are ready.” Thenready.” Tagreed.\n",
    );
    let c = compare(&a, &a.clone());
    assert_eq!(c.summary.factual, 0, "{:?}", c.discrepancies);
}

/// Found by `a_bom_only_shifts_segmentation`: a byte order mark before a
/// text changed how many sentences it held.
#[test]
fn regression_bom_keeps_sentence_count() {
    let t = "2024-01-02were.7%.werenaïvenotwere1,0007%\n\n3.5.7%$35,000,000were.it’s\n(Zürich40Zürich ";
    let plain = Document::from(t);
    let bom = Document::from(format!("\u{feff}{t}").as_str());
    let (sp, sb) = (segment(&plain), segment(&bom));
    let spans = |s: &factdiff::engine::segment::Segmented, shift: usize| -> Vec<(usize, usize)> {
        s.sentences
            .iter()
            .map(|x| (x.span.start - shift, x.span.end - shift))
            .collect()
    };
    assert_eq!(spans(&sp, 0), spans(&sb, 3));
}
