//! Invariants shared by the fuzz targets: every span the engine hands out is
//! in bounds and on char boundaries of its side, segmentation is ordered and
//! trimmed, alignment covers each sentence exactly once, and no report lets a
//! document control character through.

use factdiff::engine::segment::{Segmented, segment, tokens};
use factdiff::engine::{Comparison, Document, Span, TextError, compare};
use factdiff::report::{Format, Report};

/// The text renderer's own colour codes.
const OWN_CODES: &[&str] = &["\x1b[31m", "\x1b[32m", "\x1b[1m", "\x1b[2m", "\x1b[0m"];

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: {span:?} out of bounds"
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: {span:?} not on char boundaries"
    );
}

/// Loads bytes as a document; checks a refusal names the right offset.
pub fn load(bytes: &[u8]) -> Option<Document> {
    match Document::from_bytes(bytes.to_vec()) {
        Ok(doc) => {
            assert_eq!(doc.text().as_bytes(), bytes);
            Some(doc)
        }
        Err(TextError::Binary { offset }) => {
            assert_eq!(bytes[offset], 0);
            assert!(!bytes[..offset].contains(&0));
            None
        }
        Err(TextError::InvalidUtf8 { offset }) => {
            assert!(std::str::from_utf8(&bytes[..offset]).is_ok());
            assert!(std::str::from_utf8(bytes).is_err());
            None
        }
    }
}

/// Segmentation and token invariants.
pub fn check_segmentation(doc: &Document, seg: &Segmented) {
    let text = doc.text();
    let mut prev = doc.body_start();
    for p in &seg.paragraphs {
        check_span(text, p.span, "paragraph");
        let s = doc.slice(p.span);
        assert!(
            !s.is_empty() && s == s.trim(),
            "paragraph {:?} not trimmed",
            p.span
        );
        assert!(p.span.start >= prev, "paragraphs out of order");
        prev = p.span.end;
    }
    let mut prev = doc.body_start();
    for (i, s) in seg.sentences.iter().enumerate() {
        check_span(text, s.span, "sentence");
        let t = doc.slice(s.span);
        assert!(
            !t.is_empty() && t == t.trim(),
            "sentence {:?} not trimmed",
            s.span
        );
        assert!(s.span.start >= prev, "sentences out of order");
        prev = s.span.end;
        let para = &seg.paragraphs[s.paragraph];
        assert!(para.sentences.contains(&i));
        assert!(para.span.start <= s.span.start && s.span.end <= para.span.end);
        let mut last = s.span.start;
        for tok in tokens(t, s.span.start) {
            check_span(text, tok.span, "token");
            assert!(tok.span.start >= last && tok.span.end <= s.span.end);
            assert_eq!(doc.slice(tok.span), tok.text);
            last = tok.span.end;
        }
    }
    let mut next = 0;
    for p in &seg.paragraphs {
        assert_eq!(p.sentences.start, next);
        next = p.sentences.end;
    }
    assert_eq!(next, seg.sentences.len());
}

/// Segments `doc` and checks the result.
pub fn check_document(doc: &Document) {
    check_segmentation(doc, &segment(doc));
    let body = &doc.text()[doc.body_start()..];
    for tok in tokens(body, doc.body_start()) {
        check_span(doc.text(), tok.span, "body token");
    }
}

/// Comparison invariants, then every report format.
pub fn check_comparison(a: &Document, b: &Document, c: &Comparison) {
    check_segmentation(a, &c.original);
    check_segmentation(b, &c.rewrite);
    let mut seen_a = vec![0u32; c.original.sentences.len()];
    let mut seen_b = vec![0u32; c.rewrite.sentences.len()];
    for u in &c.units {
        assert!(u.original.is_some() || u.rewrite.is_some());
        assert_eq!(u.original.is_some(), u.original_sentences.is_some());
        assert_eq!(u.rewrite.is_some(), u.rewrite_sentences.is_some());
        if let (Some(span), Some(r)) = (u.original, &u.original_sentences) {
            check_span(a.text(), span, "unit original");
            assert!(!r.is_empty() && r.end <= seen_a.len());
            r.clone().for_each(|k| seen_a[k] += 1);
        }
        if let (Some(span), Some(r)) = (u.rewrite, &u.rewrite_sentences) {
            check_span(b.text(), span, "unit rewrite");
            assert!(!r.is_empty() && r.end <= seen_b.len());
            r.clone().for_each(|k| seen_b[k] += 1);
        }
        for h in &u.hunks {
            if let Some(s) = h.original {
                check_span(a.text(), s, "hunk original");
            }
            if let Some(s) = h.rewrite {
                check_span(b.text(), s, "hunk rewrite");
            }
        }
    }
    assert!(
        seen_a.iter().all(|&n| n == 1),
        "original sentence coverage {seen_a:?}"
    );
    assert!(
        seen_b.iter().all(|&n| n == 1),
        "rewrite sentence coverage {seen_b:?}"
    );
    for d in &c.discrepancies {
        assert!(d.unit < c.units.len());
        if let Some(s) = d.original {
            check_span(a.text(), s, "discrepancy original");
        }
        if let Some(s) = d.rewrite {
            check_span(b.text(), s, "discrepancy rewrite");
        }
    }
    assert_eq!(c.summary.discrepancies, c.discrepancies.len());
    check_reports(a, b, c);
}

fn check_reports(a: &Document, b: &Document, c: &Comparison) {
    let r = Report {
        original_name: "a.txt",
        rewrite_name: "b.txt",
        original: a,
        rewrite: b,
        comparison: c,
    };
    let json: serde_json::Value =
        serde_json::from_str(&r.render(Format::Json, false)).expect("JSON report parses");
    assert!(json["alignment"].is_array());
    for (format, color) in [
        (Format::Markdown, false),
        (Format::Text, false),
        (Format::Text, true),
    ] {
        let out = r.render(format, color);
        let out = OWN_CODES.iter().fold(out, |s, code| s.replace(code, ""));
        assert!(
            out.chars().all(|ch| ch == '\n' || !ch.is_control()),
            "{format:?} report holds a control character"
        );
    }
}

/// The compare target: byte 0 picks the mode (odd: compare the rest with
/// itself), bytes 1..3 the length of the original, the rest the rewrite.
pub fn fuzz_compare(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    if mode & 1 == 1 {
        let Some(a) = load(rest) else { return };
        let c = compare(&a, &a);
        check_comparison(&a, &a, &c);
        assert!(c.summary.identical);
        assert!(
            c.discrepancies.iter().all(|d| !d.factual),
            "self-comparison flagged a fact"
        );
        return;
    }
    if rest.len() < 2 {
        return;
    }
    let n = usize::from(u16::from_le_bytes([rest[0], rest[1]]));
    let body = &rest[2..];
    let (x, y) = body.split_at(n % (body.len() + 1));
    let (Some(a), Some(b)) = (load(x), load(y)) else {
        return;
    };
    let c = compare(&a, &b);
    check_comparison(&a, &b, &c);
}

/// The segment target.
pub fn fuzz_segment(data: &[u8]) {
    if let Some(doc) = load(data) {
        check_document(&doc);
    }
}
