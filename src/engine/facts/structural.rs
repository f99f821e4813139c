//! Sentences added, removed or moved, and plain rewording.

use super::UnitView;
use crate::engine::align::UnitKind;
use crate::engine::discrepancy::{Finding, Kind};
use crate::engine::text::Span;

/// Confidence of an added or removed sentence of prose.
const UNMATCHED_PROSE: f32 = 0.8;
/// Confidence of an added or removed heading or dateline.
const UNMATCHED_HEADER: f32 = 0.3;

pub fn detect(v: &UnitView<'_>) -> Vec<Finding> {
    let u = v.unit;
    match u.kind {
        UnitKind::Added => unmatched(Kind::Added, v.b, v.sb, u.rewrite, u.rewrite_sentences.as_ref())
            .map(|(conf, span, reason)| Finding::new(Kind::Added, conf, None, Some(span), reason))
            .into_iter()
            .collect(),
        UnitKind::Removed => unmatched(
            Kind::Removed,
            v.a,
            v.sa,
            u.original,
            u.original_sentences.as_ref(),
        )
        .map(|(conf, span, reason)| Finding::new(Kind::Removed, conf, Some(span), None, reason))
        .into_iter()
        .collect(),
        UnitKind::Moved => vec![Finding::new(
            Kind::Moved,
            0.2,
            u.original,
            u.rewrite,
            "sentence moved to another place".to_owned(),
        )],
        UnitKind::Match => wording(v).into_iter().collect(),
    }
}

/// Confidence, span and reason for sentences with no counterpart; a
/// heading or dateline weighs less than prose.
fn unmatched(
    kind: Kind,
    doc: &crate::engine::text::Document,
    seg: &crate::engine::segment::Segmented,
    span: Option<Span>,
    sentences: Option<&std::ops::Range<usize>>,
) -> Option<(f32, Span, String)> {
    let span = span?;
    let header = sentences.is_some_and(|r| r.clone().all(|i| seg.sentences[i].header));
    let (conf, what) = if header {
        (UNMATCHED_HEADER, "heading")
    } else {
        (UNMATCHED_PROSE, "sentence")
    };
    Some((
        conf,
        span,
        format!("{what} {}: {}", kind.label(), excerpt(doc.slice(span))),
    ))
}

/// One non-factual finding over the reworded stretch of a matched unit.
fn wording(v: &UnitView<'_>) -> Option<Finding> {
    let hunks = &v.unit.hunks;
    let cover = |spans: &mut dyn Iterator<Item = Span>| spans.reduce(Span::join);
    let original = cover(&mut hunks.iter().filter_map(|h| h.original));
    let rewrite = cover(&mut hunks.iter().filter_map(|h| h.rewrite));
    if original.is_none() && rewrite.is_none() {
        return None;
    }
    let n = hunks.len();
    Some(Finding::new(
        Kind::Wording,
        0.1,
        original,
        rewrite,
        format!("reworded ({n} change{})", if n == 1 { "" } else { "s" }),
    ))
}

/// The first words of a text, for a one-line reason.
pub fn excerpt(text: &str) -> String {
    const MAX: usize = 60;
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= MAX {
        format!("“{flat}”")
    } else {
        let cut: String = flat.chars().take(MAX).collect();
        format!("“{cut}…”")
    }
}
