//! The JSON report: `alignment`, `discrepancies` and `summary`, every span a
//! byte range into the input as read.

use super::places::Places;
use super::view::View;
use crate::engine::{Discrepancy, Span};
use serde_json::{Value, json};

pub fn render(r: &View<'_>) -> String {
    to_string(&value(r))
}

/// The report as pretty JSON text, invisible characters escaped.
pub fn to_string(value: &Value) -> String {
    let mut out =
        crate::sanitize::json_invisible_escaped(serde_json::to_string_pretty(value).unwrap_or_default());
    out.push('\n');
    out
}

/// The report as a JSON value.
pub fn value(r: &View<'_>) -> Value {
    let places = Places::of(r);
    let alignment: Vec<Value> = r
        .comparison
        .units
        .iter()
        .map(|u| {
            json!({
                "original": u.original,
                "rewrite": u.rewrite,
                "kind": u.kind,
                "score": round(u.score),
                "original_sentences": u.original_sentences.as_ref().map(|s| [s.start, s.end]),
                "rewrite_sentences": u.rewrite_sentences.as_ref().map(|s| [s.start, s.end]),
                "changes": u.hunks.len(),
                "original_place": places[0].json(u.original),
                "rewrite_place": places[1].json(u.rewrite),
            })
        })
        .collect();
    let discrepancies: Vec<Value> = r
        .comparison
        .discrepancies
        .iter()
        .map(|d| discrepancy(r, &places, d))
        .collect();
    json!({
        "factdiff": env!("CARGO_PKG_VERSION"),
        "original_file": r.names[0],
        "rewrite_file": r.names[1],
        "alignment": alignment,
        "discrepancies": discrepancies,
        "summary": r.comparison.summary,
    })
}

fn discrepancy(r: &View<'_>, places: &[Places<'_>; 2], d: &Discrepancy) -> Value {
    let quote = |doc: &crate::engine::Document, s: Option<Span>| s.map(|s| doc.slice(s).to_owned());
    json!({
        "id": d.id,
        "kind": d.kind,
        "factual": d.factual,
        // Added field: "factual", "check" (meaning may have changed) or
        // "wording".
        "tier": d.tier(),
        "confidence": round(d.confidence),
        "original": d.original,
        "rewrite": d.rewrite,
        "reason": d.reason,
        "unit": d.unit,
        "original_text": quote(r.docs[0], d.original),
        "rewrite_text": quote(r.docs[1], d.rewrite),
        // Added fields: where each span is for a reader (1-based).
        "original_place": places[0].json(d.original),
        "rewrite_place": places[1].json(d.rewrite),
    })
}

fn round(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

/// The candidates detectors' guards dropped (`report --explain`), each
/// with its detector, guard and spans as in `discrepancies`.
pub fn suppressed(r: &View<'_>) -> Value {
    let quote = |doc: &crate::engine::Document, s: Option<Span>| s.map(|s| doc.slice(s).to_owned());
    r.comparison
        .suppressed
        .iter()
        .map(|d| {
            json!({
                "detector": d.detector,
                "guard": d.guard,
                "kind": d.kind,
                "original": d.original,
                "rewrite": d.rewrite,
                "original_text": quote(r.docs[0], d.original),
                "rewrite_text": quote(r.docs[1], d.rewrite),
                "reason": d.reason,
                "unit": d.unit,
            })
        })
        .collect()
}

/// The report with the `suppressed` list added (`report --explain`).
pub fn render_explained(r: &View<'_>) -> String {
    let mut value = value(r);
    if let Value::Object(map) = &mut value {
        map.insert("suppressed".to_owned(), suppressed(r));
    }
    to_string(&value)
}
