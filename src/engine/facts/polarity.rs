//! Negation and hedging: "did not approve" → "approved", "may close" →
//! "will close". Counted outside quotations (a quote change is flagged as a
//! quote).

use super::clip;
use super::context::{Side, UnitCx};
use crate::engine::discrepancy::{Finding, Kind};
use crate::engine::text::Span;

const NEGATORS: &[&str] = &[
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot", "nowhere",
];

const HEDGES: &[&str] = &[
    "may",
    "might",
    "could",
    "possibly",
    "perhaps",
    "likely",
    "unlikely",
    "probably",
    "reportedly",
    "allegedly",
    "apparently",
    "alleged",
    "suspected",
    "expected",
    "believed",
    "appears",
    "appeared",
    "seems",
    "seemed",
    "seem",
    "potentially",
    "possible",
    "presumably",
    "purportedly",
    "supposedly",
    "thought",
    "understood",
    "unconfirmed",
];

fn is_negator(fold: &str) -> bool {
    NEGATORS.contains(&fold) || fold.ends_with("n't")
}

fn is_hedge(side: &Side<'_>, i: usize) -> bool {
    let t = &side.toks[i];
    // "May" capitalised mid-sentence is the month.
    HEDGES.contains(&t.fold.as_str()) && !(t.fold == "may" && t.is_capitalised() && !t.sentence_start)
}

/// Token indices of one side matching `pred`, outside quotations.
fn marks(side: &Side<'_>, pred: &dyn Fn(&Side<'_>, usize) -> bool) -> Vec<usize> {
    (0..side.toks.len())
        .filter(|&i| !side.toks[i].in_quote && pred(side, i))
        .collect()
}

/// The marker word and the word after it: "not approve", "may close".
fn phrase(side: &Side<'_>, i: usize) -> (usize, usize) {
    let end = (i + 1..side.toks.len())
        .find(|&k| side.toks[k].is_word())
        .map_or(i + 1, |k| k + 1);
    (i, end)
}

struct Rule<'r> {
    kind: Kind,
    pred: &'r dyn Fn(&Side<'_>, usize) -> bool,
    more_in_original: &'r str,
    more_in_rewrite: &'r str,
    conf: f32,
}

/// One finding per marker that one side has beyond the other's count,
/// preferring markers the word diff left without a counterpart.
fn apply(cx: &UnitCx<'_>, rule: &Rule<'_>) -> Vec<Finding> {
    let ma = marks(&cx.a, rule.pred);
    let mb = marks(&cx.b, rule.pred);
    let (extra, on_original) = if ma.len() > mb.len() {
        (&ma, true)
    } else {
        (&mb, false)
    };
    let surplus = ma.len().abs_diff(mb.len());
    let map = if on_original {
        &cx.map.a_to_b
    } else {
        &cx.map.b_to_a
    };
    let mut picked: Vec<usize> = extra.iter().copied().filter(|&i| map[i].is_none()).collect();
    picked.extend(extra.iter().copied().filter(|&i| map[i].is_some()));
    picked.truncate(surplus);
    picked.sort_unstable();
    picked
        .into_iter()
        .map(|i| finding(cx, rule, i, on_original))
        .collect()
}

fn finding(cx: &UnitCx<'_>, rule: &Rule<'_>, i: usize, on_original: bool) -> Finding {
    let (a_span, b_span, what): (Option<Span>, Option<Span>, &str) = if on_original {
        let (s, e) = phrase(&cx.a, i);
        (Some(cx.a.cover(s, e)), cx.b_for_a(s, e), rule.more_in_original)
    } else {
        let (s, e) = phrase(&cx.b, i);
        (cx.a_for_b(s, e), Some(cx.b.cover(s, e)), rule.more_in_rewrite)
    };
    let show = |side: &Side<'_>, s: Option<Span>| s.map_or_else(|| "—".to_owned(), |s| clip(side.text(s)));
    let reason = format!("{what}: ‘{}’ → ‘{}’", show(&cx.a, a_span), show(&cx.b, b_span));
    Finding::new(rule.kind, rule.conf, a_span, b_span, reason)
}

pub fn detect(cx: &UnitCx<'_>) -> Vec<Finding> {
    let negation = Rule {
        kind: Kind::Negation,
        pred: &|s, i| is_negator(&s.toks[i].fold),
        more_in_original: "negation dropped",
        more_in_rewrite: "negation added",
        conf: 0.75,
    };
    let hedging = Rule {
        kind: Kind::Modality,
        pred: &is_hedge,
        more_in_original: "hedge dropped (stated as certain)",
        more_in_rewrite: "hedge added (made uncertain)",
        conf: 0.6,
    };
    [apply(cx, &negation), apply(cx, &hedging)]
        .into_iter()
        .flatten()
        .collect()
}
