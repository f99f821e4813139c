//! Items of a coordination added or dropped: "an olive oil range" / "an
//! olive oil and milk range", "saves time" / "saves time and money". The
//! word diff shows one small insertion; the text now names something the
//! other never stated. Only things: a quality or a clause added or dropped
//! ("quick and easy", "and returned") is padding or a sentence rebuilt as
//! often as a fact changed.
//!
//! No guard: an item whose words the other side states anywhere in the
//! unit, or says with a related word (a synonym, a broader or narrower
//! word: "the port" / "the port and harbour"), is no candidate at all, nor
//! is one after a comma (a clause) or a figure ("five or more").

use super::Detector;
use super::clip;
use super::context::{Side, UnitCx};
use super::lists::is_function_word;
use crate::engine::discrepancy::{Finding, Kind};
use crate::engine::wordnet::{Relation, relation_cached, wordnet};
use crate::engine::words::OBJECT_OPENERS;

/// Registry entry (see [`super::DETECTORS`]).
pub const DETECTOR: Detector = Detector {
    name: "items",
    kinds: &[Kind::Meaning],
    catches: "an item of a coordination added or dropped (\"olive oil range\" → \"olive oil and milk range\")",
    guards: &[],
    run: detect,
};

/// Confidence of an item added or dropped (factual).
const CONF: f32 = 0.6;

/// Words an added item may have after its "and" or "or".
const ITEM_WORDS: usize = 3;

/// Runs of `side` the diff left unmatched that add an item: "and" or "or"
/// right after a matched word, then one to [`ITEM_WORDS`] words, the
/// last followed by a matched word or a break; at least one content word
/// new to `other` and none related to a word of `other`'s unmatched
/// stretch there. Each as (first, end) token indices.
fn items(
    side: &Side<'_>,
    other: &Side<'_>,
    map: &[Option<usize>],
    back: &[Option<usize>],
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for i in 1..side.toks.len() {
        let t = &side.toks[i];
        if map[i].is_some() || t.in_quote || !matches!(t.fold.as_ref(), "and" | "or") || map[i - 1].is_none()
        {
            continue;
        }
        let Some(prev) = map[i - 1] else { continue };
        // "Halloran, 44, and employs": a clause after a comma; "five or
        // more", "two years or more": a bound on a figure, the numbers
        // detector's call.
        let before = &side.toks[i - 1];
        let in_amount = super::numbers::quantities(side)
            .iter()
            .any(|q| q.start < i && i - 1 < q.end);
        if !before.is_word()
            || before.fold.chars().any(|c| c.is_ascii_digit())
            || super::numbers::is_number_word(&before.fold)
            || in_amount
        {
            continue;
        }
        let end = (i + 1..side.toks.len())
            .find(|&k| map[k].is_some() || !side.toks[k].is_word())
            .unwrap_or(side.toks.len());
        let run = &side.toks[i + 1..end];
        // Things only ("and milk", "and node attributes"): a quality added
        // ("quick and easy") is as often padding, and a clause added or
        // dropped ("and returned", "and cut its forecast") a sentence
        // rebuilt, as a fact changed.
        let wn = wordnet();
        let thing = |r: &super::context::Tok<'_>| {
            r.is_word()
                && !is_function_word(&r.fold)
                && !r.fold.ends_with("ed")
                && !wn.is_adverb(&r.fold)
                && wn.is_noun(&r.fold)
        };
        // "and plans to run", "and runs the firm": a verb before its
        // object or infinitive.
        let verb_after = side
            .toks
            .get(end)
            .is_some_and(|n| OBJECT_OPENERS.contains(&n.fold.as_ref()));
        if run.is_empty()
            || run.len() > ITEM_WORDS
            || verb_after
            || run.iter().any(|r| r.is_capitalised() || r.in_quote || !thing(r))
        {
            continue;
        }
        // Where the other side carries on: its words between the partner
        // of the word before and the partner of the word after.
        let next = map.get(end).copied().flatten().unwrap_or(other.toks.len());
        let gap: Vec<&str> = (prev + 1..next.max(prev + 1))
            .filter(|&k| other.toks[k].is_word() && back[k].is_none())
            .map(|k| other.toks[k].fold.as_ref())
            .collect();
        let content: Vec<_> = run
            .iter()
            .filter(|r| r.is_word() && !is_function_word(&r.fold) && r.fold.chars().count() > 3)
            .collect();
        let new = content
            .iter()
            .any(|r| !other.toks.iter().any(|u| u.stem == r.stem));
        let related = content.iter().any(|r| {
            gap.iter().any(|g| {
                matches!(
                    relation_cached(&r.fold, g, false),
                    Relation::Synonym | Relation::Derived | Relation::Broader | Relation::Narrower
                )
            })
        });
        if new && !related {
            out.push((i, end));
        }
    }
    out
}

pub fn detect(cx: &UnitCx<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, end) in items(&cx.b, &cx.a, &cx.map.b_to_a, &cx.map.a_to_b) {
        let b_span = cx.b.cover(i - 1, end);
        let a_span = cx.map.b_to_a[i - 1].map(|k| cx.a.toks[k].span);
        let reason = format!("item added: ‘{}’", clip(cx.b.text(cx.b.cover(i, end))));
        out.push(Finding::new(Kind::Meaning, CONF, a_span, Some(b_span), reason));
    }
    for (i, end) in items(&cx.a, &cx.b, &cx.map.a_to_b, &cx.map.b_to_a) {
        let a_span = cx.a.cover(i - 1, end);
        let b_span = cx.map.a_to_b[i - 1].map(|k| cx.b.toks[k].span);
        let reason = format!("item dropped: ‘{}’", clip(cx.a.text(cx.a.cover(i, end))));
        out.push(Finding::new(Kind::Meaning, CONF, Some(a_span), b_span, reason));
    }
    out
}
