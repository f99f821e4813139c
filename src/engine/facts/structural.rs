//! Sentences added, removed or moved, and plain rewording.

use super::UnitView;
use super::lists::is_denial;
use crate::engine::align::UnitKind;
use crate::engine::discrepancy::{Finding, Kind};
use crate::engine::text::Span;

/// Confidence of an added or removed sentence of prose.
const UNMATCHED_PROSE: f32 = 0.8;
/// Confidence of an added or removed heading or dateline.
const UNMATCHED_HEADER: f32 = 0.3;
/// Confidence of an added or removed judgement (see [`judgement`]): worth
/// a look, no checkable fact.
const UNMATCHED_JUDGEMENT: f32 = 0.3;

/// Words a judgement may have at most.
const JUDGEMENT_WORDS: usize = 8;

/// Share of the original's sentences left out of the rewrite from which
/// the rewrite is a condensation: it drops detail on purpose, and a
/// sentence it leaves out is a cut to check, not by itself a changed fact.
const CONDENSED_SHARE: f32 = 0.2;

/// Sentences an original needs before a rewrite can condense it: from a
/// paragraph or two, every sentence dropped is a large part of what it
/// said.
const CONDENSED_MIN_SENTENCES: usize = 6;

/// Whether the rewrite condenses the original: the original has
/// [`CONDENSED_MIN_SENTENCES`] or more, and at least [`CONDENSED_SHARE`]
/// of them have no counterpart.
#[must_use]
pub fn condensed(sa: &crate::engine::segment::Segmented, units: &[crate::engine::comparison::Unit]) -> bool {
    let dropped: usize = units
        .iter()
        .filter(|u| u.kind == UnitKind::Removed)
        .filter_map(|u| u.original_sentences.as_ref().map(ExactSizeIterator::len))
        .sum();
    sa.sentences.len() >= CONDENSED_MIN_SENTENCES
        && dropped as f32 >= CONDENSED_SHARE * sa.sentences.len() as f32
}

pub fn detect(v: &UnitView<'_>) -> Vec<Finding> {
    let u = v.unit;
    match u.kind {
        UnitKind::Added | UnitKind::Removed => {
            let added = u.kind == UnitKind::Added;
            let kind = if added { Kind::Added } else { Kind::Removed };
            let (doc, seg, span, sentences) = if added {
                (v.b, v.sb, u.rewrite, u.rewrite_sentences.as_ref())
            } else {
                (v.a, v.sa, u.original, u.original_sentences.as_ref())
            };
            // Only a sentence the rewrite leaves out can be a condensation's cut.
            unmatched(kind, doc, seg, span, sentences, !added && v.condensed)
                .map(|(conf, span, reason)| {
                    let (original, rewrite) = if added {
                        (None, Some(span))
                    } else {
                        (Some(span), None)
                    };
                    Finding::new(kind, conf, original, rewrite, reason)
                })
                .into_iter()
                .collect()
        }
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
/// heading or dateline weighs less than prose, and so does a sentence a
/// condensed rewrite (`cut`) leaves out, unless it denies something ("He
/// had no previous convictions."): without it a reader may assume the
/// opposite.
fn unmatched(
    kind: Kind,
    doc: &crate::engine::text::Document,
    seg: &crate::engine::segment::Segmented,
    span: Option<Span>,
    sentences: Option<&std::ops::Range<usize>>,
    cut: bool,
) -> Option<(f32, Span, String)> {
    let span = span?;
    let header = sentences.is_some_and(|r| r.clone().all(|i| seg.sentences[i].header));
    let (conf, what) = if header {
        (UNMATCHED_HEADER, "heading")
    } else {
        let words = Words::of(doc.slice(span));
        if judgement(&words) {
            (UNMATCHED_JUDGEMENT, "judgement")
        } else if colour(&words) {
            (UNMATCHED_JUDGEMENT, "colour sentence")
        } else if cut && !words.folds.iter().any(|f| is_denial(f)) && words.kinds_of_fact() < 2 {
            (UNMATCHED_JUDGEMENT, "detail of a condensed rewrite")
        } else {
            (UNMATCHED_PROSE, "sentence")
        }
    };
    Some((
        conf,
        span,
        format!("{what} {}: {}", kind.label(), excerpt(doc.slice(span))),
    ))
}

/// A sentence's words (punctuation left out), each with its folded form:
/// read once for the judgement and the colour tests.
struct Words<'t> {
    text: &'t str,
    toks: Vec<crate::engine::segment::Token<'t>>,
    folds: Vec<String>,
}

impl<'t> Words<'t> {
    fn of(text: &'t str) -> Self {
        use crate::engine::segment::{TokenKind, tokens};
        let toks: Vec<_> = tokens(text, 0).filter(|t| t.kind != TokenKind::Punct).collect();
        let folds = toks
            .iter()
            .map(|t| crate::engine::lexicon::fold(t.text))
            .collect();
        Self { text, toks, folds }
    }

    /// How many kinds of checkable fact the sentence states, of: a figure
    /// (digits, or a number word other than "one", which is also a
    /// pronoun, and no ordinal: "the first customers"), a name (a
    /// capitalised word not first), a source (a reporting verb).
    fn kinds_of_fact(&self) -> usize {
        use super::numbers::{is_number_word, is_ordinal_word};
        use crate::engine::segment::TokenKind;
        use crate::engine::words::{REPORTING_PARTICIPLES, REPORTING_VERBS};
        let any = |test: &dyn Fn(usize, &str) -> bool| self.folds.iter().enumerate().any(|(i, f)| test(i, f));
        let figure = any(&|i, f| {
            self.toks[i].kind != TokenKind::Word || (is_number_word(f) && !is_ordinal_word(f) && f != "one")
        });
        let name = any(&|i, _| i > 0 && self.toks[i].text.starts_with(char::is_uppercase));
        let source = any(&|_, f| REPORTING_VERBS.contains(&f) || REPORTING_PARTICIPLES.contains(&f));
        [figure, name, source].into_iter().filter(|&k| k).count()
    }

    /// Every word a plain word (no figure), capitalised only first.
    fn plain(&self) -> bool {
        use crate::engine::segment::TokenKind;
        self.toks
            .iter()
            .enumerate()
            .all(|(i, t)| t.kind == TokenKind::Word && (i == 0 || !t.text.starts_with(char::is_uppercase)))
    }
}

/// Whether a word states something a reader could check: a number, a
/// negation or a source.
fn checkable(f: &str) -> bool {
    use super::numbers::{is_number_word, is_ordinal_word};
    use crate::engine::words::{REPORTING_PARTICIPLES, REPORTING_VERBS};
    is_number_word(f)
        || REPORTING_PARTICIPLES.contains(&f)
        || is_ordinal_word(f)
        || is_denial(f)
        || REPORTING_VERBS.contains(&f)
}

/// Whether a sentence only judges what the text says elsewhere: a short
/// "X was ADJ" ("Progress was slow and often dispiriting.", "On other
/// occasions the margin was narrow.") with no figure, no name, no
/// negation, no source and no quotation. Adding or dropping one changes
/// the tone, not a fact a reader could check; it stays in the check tier.
fn judgement(words: &Words<'_>) -> bool {
    use crate::engine::words::BE_FORMS;
    let wn = crate::engine::wordnet::wordnet();
    let text = words.text;
    if text.contains(['"', '“', '”', '‘', '’']) && !text.contains("'s") && !text.contains("’s") {
        return false;
    }
    let folds = &words.folds;
    let plain = folds.len() <= JUDGEMENT_WORDS && words.plain() && !folds.iter().any(|f| checkable(f));
    // A form of "be", then (after adverbs) an adjective; not a participle
    // ("was closed" tells an event).
    let adjective = |g: &str| wn.can_be_adjective(g) && !g.ends_with("ed") && !g.ends_with("en");
    plain
        && folds.iter().enumerate().any(|(i, f)| {
            BE_FORMS.contains(&f.as_str())
                && folds[i + 1..]
                    .iter()
                    .find(|g| !wn.is_adverb(g))
                    .is_some_and(|g| adjective(g))
        })
}

/// Whether a sentence only sets a scene ("Neighbours stood in doorways in
/// their coats, watching the water slide past.", "It was, by any measure,
/// a long morning for everyone in the town."): no name (its first word a
/// dictionary word), no figure, no span of time, no negation, no source,
/// hedge or quotation. Adding or dropping one loses colour, not a fact a
/// reader could check; it stays in the check tier.
fn colour(words: &Words<'_>) -> bool {
    use crate::engine::words::{CLAIM_WORDS, HEARSAY, HEDGES, TIME_SPANS};
    let wn = crate::engine::wordnet::wordnet();
    let text = words.text;
    if text.contains(['"', '“', '”', '‘']) || text.contains('’') && !text.contains("’s") {
        return false;
    }
    let first_is_word = words
        .folds
        .first()
        .is_none_or(|f| super::lists::is_function_word(f) || wn.knows(f));
    // "declined to provide", "failed to": a refusal is checkable as a
    // negation is.
    let refusal = words.folds.windows(2).any(|w| {
        super::polarity::NEGATIVE_BEFORE
            .iter()
            .any(|&(v, p)| v == w[0] && p == w[1])
    });
    first_is_word
        && words.plain()
        && !refusal
        && !words.folds.iter().any(|f| {
            let f = f.as_str();
            checkable(f)
                || TIME_SPANS.contains(&f.trim_end_matches('s'))
                || HEDGES.contains(&f)
                || HEARSAY.contains(&f)
                || CLAIM_WORDS.contains(&f)
        })
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

#[cfg(test)]
mod tests {
    use super::{Words, colour, judgement};

    #[test]
    fn a_short_verdict_with_no_fact_is_a_judgement() {
        for s in [
            "Progress was slow and often dispiriting.",
            "The canal's great years were short.",
            "On other occasions the margin was narrow.",
        ] {
            assert!(judgement(&Words::of(s)), "{s}");
        }
    }

    #[test]
    fn events_figures_names_negations_and_sources_are_not() {
        for s in [
            "The mayor resigned.",
            "The bridge was closed.",
            "The bridge was stolen.",
            "Progress was slow in 2019.",
            "Progress at Harwick was slow.",
            "Progress was not slow.",
            "Officials said progress was slow.",
            "“Progress was slow,” she said.",
            "Progress was slow and often dispiriting for the nine engineers who stayed on.",
        ] {
            assert!(!judgement(&Words::of(s)), "{s}");
        }
    }

    #[test]
    fn kinds_of_fact_count_figures_names_and_sources_once_each() {
        for (s, kinds) in [
            // A name only: "first" is a rank, "one" a pronoun.
            (
                "On a wet morning, long before the first customers arrive, Ada Brook is at the pass.",
                1,
            ),
            ("One could hear the gulls over Hesket quay.", 1),
            ("The club, founded in 1894, has about 150 members.", 1),
            ("The head teacher, Wilf Ardagh, said lessons would stop.", 2),
            ("The Velden drains about 400 square kilometres of farmland.", 2),
        ] {
            assert_eq!(Words::of(s).kinds_of_fact(), kinds, "{s}");
        }
    }

    #[test]
    fn a_scene_is_colour_and_a_refusal_or_a_claim_is_not() {
        assert!(colour(&Words::of(
            "Gulls wheeled over the empty harbour in the grey light."
        )));
        for s in [
            "He declined to share the firm’s own accounts with the inspectors.",
            "She shrugged off the question, saying the matter was closed.",
        ] {
            assert!(!colour(&Words::of(s)), "{s}");
        }
    }
}
