//! Ranks: a word that sets a post's rank added or dropped before a title
//! the other side keeps ("deputy editor" → "editor", "Chief Fire Officer"
//! → "Deputy Chief Fire Officer", "former minister" → "minister"). The
//! word diff shows one small deletion; the post named is another.
//!
//! No guard: a rank word the diff matched, or one that the other side also
//! puts before the title's counterpart, is no candidate at all.

use super::Detector;
use super::clip;
use super::context::{Side, UnitCx};
use crate::engine::discrepancy::{Finding, Kind};
use crate::engine::wordnet::{Relation, relation_cached, wordnet};
use crate::engine::words::RANK_WORDS;

/// Registry entry (see [`super::DETECTORS`]).
pub const DETECTOR: Detector = Detector {
    name: "ranks",
    kinds: &[Kind::Meaning],
    catches: "a rank added to or dropped from a title (\"deputy editor\" → \"editor\")",
    guards: &[],
    run: detect,
};

/// Confidence of a rank added or dropped (factual).
const CONF: f32 = 0.7;

/// The title word a rank word at `i` qualifies: the next word, over a
/// hyphen ("vice-president").
fn head(side: &Side<'_>, i: usize) -> Option<usize> {
    let k = i + 1 + usize::from(side.toks.get(i + 1).is_some_and(|t| t.text == "-"));
    let t = side.toks.get(k)?;
    // "late August", "early Monday": a time in a period, not a post.
    if super::dates::is_calendar_word(&t.fold) {
        return None;
    }
    let title =
        t.is_capitalised() || wordnet().names_a_role(&t.fold) || RANK_WORDS.contains(&t.fold.as_ref());
    (t.is_word() && title).then_some(k)
}

/// Rank words of `side` the diff left unmatched before a title word it
/// matched, whose counterpart on `other` has no rank word before it.
fn changes(side: &Side<'_>, other: &Side<'_>, map: &[Option<usize>]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for (i, t) in side.toks.iter().enumerate() {
        if t.in_quote || map[i].is_some() || !RANK_WORDS.contains(&t.fold.as_ref()) {
            continue;
        }
        let Some(h) = head(side, i) else { continue };
        let Some(k) = map[h] else { continue };
        // "former colleagues", "ex-neighbours": people once close, not a
        // post once held.
        let former = matches!(t.fold.as_ref(), "former" | "ex");
        if former && side.toks[h].fold.ends_with('s') {
            continue;
        }
        // A rank the other side names with another word ("a former
        // treasurer" / "a onetime treasurer"), or with a synonym of the
        // rank word's adverb ("once treasurer": "once" is "formerly").
        let before = (0..k).rev().find(|&j| other.toks[j].text != "-");
        if before.is_some_and(|j| {
            let w = other.toks[j].fold.as_ref();
            RANK_WORDS.contains(&w)
                || relation_cached(&t.fold, w, true) == Relation::Synonym
                || wordnet().is_synonym(w, &format!("{}ly", t.fold))
        }) {
            continue;
        }
        // "a former inspector" / "who used to work as an inspector": the
        // other side puts the post in the past a few words before it.
        if former && used_to(other, k) {
            continue;
        }
        out.push((i, h, k));
    }
    out
}

/// Words searched back from a title for "used to".
const USED_TO_REACH: usize = 6;

/// Whether "used to" stands within [`USED_TO_REACH`] words before token
/// `k` ("used to work as an inspector").
fn used_to(side: &Side<'_>, k: usize) -> bool {
    let from = k.saturating_sub(USED_TO_REACH);
    side.toks[from..k]
        .windows(2)
        .any(|w| w[0].fold == "used" && w[1].fold == "to")
}

pub fn detect(cx: &UnitCx<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for on_original in [true, false] {
        let (side, other, map) = if on_original {
            (&cx.a, &cx.b, &cx.map.a_to_b)
        } else {
            (&cx.b, &cx.a, &cx.map.b_to_a)
        };
        for (i, h, k) in changes(side, other, map) {
            let here = side.cover(i, h + 1);
            let there = other.cover(k, k + 1);
            let (a_span, b_span) = if on_original { (here, there) } else { (there, here) };
            let what = if on_original { "rank dropped" } else { "rank added" };
            let reason = format!(
                "{what}: ‘{}’ → ‘{}’",
                clip(cx.a.text(a_span)),
                clip(cx.b.text(b_span))
            );
            out.push(Finding::new(
                Kind::Meaning,
                CONF,
                Some(a_span),
                Some(b_span),
                reason,
            ));
        }
    }
    out
}
