//! A description cut off mid-phrase: a sentence that ends, or a clause that
//! breaks off, right after a word that needs more ("who ran as a,", "found
//! burnt out on,", "an album of traditional,").

use super::clip;
use super::context::{Side, UnitCx};
use super::lists::is_function_word;
use super::numbers::{quantities, same};
use super::{Detector, Guard};
use crate::engine::discrepancy::{Finding, Kind};
use crate::engine::words::{
    AUXILIARIES, BE_FORMS, COMPLETE_ALONE, CONTRAST_OPENERS, DANGLING, IRREGULAR_PAST, NEEDS_OBJECT,
};

/// Registry entry (see [`super::DETECTORS`]).
pub const DETECTOR: Detector = Detector {
    name: "truncation",
    kinds: &[Kind::Truncation],
    catches: "a description cut off mid-phrase",
    guards: &[Guard {
        name: "matched-elsewhere",
        keeps_out: "a clause ending on a word the word diff matched to the same word elsewhere in the original (\"According to her,\" / \"she won her place\"): nothing there was cut",
    }],
    run: detect,
};

/// Words of context shown before the dangling word.
const LEAD_WORDS: usize = 3;

/// Content words the original must lose after an ordinary word before it
/// counts as cut off: one lost word is an edit, a lost phrase is a cut.
const LOST_CONTENT_WORDS: usize = 2;

fn is_break(text: &str) -> bool {
    matches!(text, "," | "." | ";" | ":" | ")" | "!" | "?" | "—" | "–")
}

fn dangling_at(side: &Side<'_>, i: usize) -> bool {
    let t = &side.toks[i];
    // "tours of thirty minutes each,": "each" after what it counts.
    let floating =
        t.fold == "each" && i > 0 && side.toks[i - 1].is_word() && !is_function_word(&side.toks[i - 1].fold);
    !t.in_quote
        && !floating
        && DANGLING.contains(&t.fold.as_ref())
        && side.toks.get(i + 1).is_none_or(|n| is_break(n.text))
}

/// How many words after the cut are looked at: enough for a description,
/// few enough that a later clause the rewrite kept does not count.
const LOST_WINDOW: usize = 6;

/// What became of the phrase that followed original token `k` (up to the
/// next break, at most `LOST_WINDOW` words): its word count, its content
/// words, and those of them the rewrite has nowhere in the unit.
fn lost_after(cx: &UnitCx<'_>, k: usize) -> (usize, usize, usize) {
    let phrase = cx.a.toks[k + 1..]
        .iter()
        .enumerate()
        .map(|(j, t)| (k + 1 + j, t))
        .take_while(|(_, t)| !is_break(t.text))
        .filter(|(_, t)| t.is_word())
        .take(LOST_WINDOW);
    // A figure said in other words ("between 7 a.m. and 8 p.m." / "from
    // seven in the morning until eight in the evening") is kept.
    let (qa, qb) = (quantities(&cx.a), quantities(&cx.b));
    let value_kept = |i: usize| {
        qa.iter()
            .filter(|q| (q.start..q.end).contains(&i))
            .any(|q| qb.iter().any(|r| same(q, r)))
    };
    let (mut words, mut content, mut lost) = (0, 0, 0);
    for (i, t) in phrase {
        words += 1;
        if is_function_word(&t.fold) {
            continue;
        }
        content += 1;
        if !cx.b.toks.iter().any(|u| u.stem == t.stem) && !value_kept(i) {
            lost += 1;
        }
    }
    (words, content, lost)
}

/// Whether rewrite token `i`, a preposition ending its clause, has its
/// object before it ("the four metres the ship is designed to sail in."
/// for "designed to sail in waves of up to four metres"): every content
/// word of the phrase after its original counterpart stands earlier in
/// the rewrite's sentence, as in a relative clause.
fn stranded(cx: &UnitCx<'_>, i: usize) -> bool {
    // The word diff may leave a preposition moved this far unmatched: any
    // original token of the same word may be its counterpart.
    let fold = &cx.b.toks[i].fold;
    let candidates: Vec<usize> = match cx.map.b_to_a[i] {
        Some(k) => vec![k],
        None => (0..cx.a.toks.len())
            .filter(|&k| cx.a.toks[k].fold == *fold)
            .collect(),
    };
    candidates.into_iter().any(|k| object_before(cx, k, i))
}

/// Content words of the object that must stand before the preposition:
/// most of them, and two at least.
fn object_before(cx: &UnitCx<'_>, k: usize, i: usize) -> bool {
    let start = (0..i).rev().find(|&j| cx.b.toks[j].sentence_start).unwrap_or(0);
    let earlier = &cx.b.toks[start..i];
    let object: Vec<bool> = cx.a.toks[k + 1..]
        .iter()
        .take_while(|t| !is_break(t.text))
        .filter(|t| t.is_word() && !is_function_word(&t.fold))
        .take(LOST_WINDOW)
        .map(|t| earlier.iter().any(|u| u.stem == t.stem))
        .collect();
    let found = object.iter().filter(|f| **f).count();
    found >= 2 && 3 * found >= 2 * object.len()
}

/// Whether the rewrite, after its break at token `i`, goes on from a point
/// at or past the original's next break after token `k`: a cut skips the
/// rest of the phrase, a paraphrase carries on inside it.
fn resumes_after_phrase(cx: &UnitCx<'_>, i: usize, k: usize) -> bool {
    let phrase_end = (k + 1..cx.a.toks.len())
        .find(|&m| is_break(cx.a.toks[m].text))
        .unwrap_or(cx.a.toks.len());
    cx.map.b_to_a[i + 1..]
        .iter()
        .find_map(|m| *m)
        .is_none_or(|m| m >= phrase_end)
}

/// A rewrite word followed by a break where the original carried on with a
/// phrase the rewrite lost. Function words need only one lost word
/// ("as a judge" → "as a,"), other words a lost phrase.
fn cut_short(cx: &UnitCx<'_>, i: usize) -> bool {
    let t = &cx.b.toks[i];
    let ends_here = cx.b.toks.get(i + 1).is_none_or(|n| is_break(n.text));
    if t.in_quote || !t.is_word() || !ends_here || COMPLETE_ALONE.contains(&t.fold.as_ref()) {
        return false;
    }
    let Some(k) = cx.map.b_to_a[i] else {
        return false;
    };
    // "31-year-old" → "aged 31," continues a compound, not a phrase; "in
    // 2021 but shows no sign" goes on with a clause of its own; "The
    // tunnel was the hardest part", "The war brought a reprieve": what
    // follows is the verb of a subject, not a description of it.
    if cx.a.toks.get(k + 1).is_none_or(|n| {
        let f = n.fold.as_ref();
        !n.is_word()
            || CONTRAST_OPENERS.contains(&f)
            || BE_FORMS.contains(&f)
            || (AUXILIARIES.contains(&f) && f != "to")
            || IRREGULAR_PAST.contains(&f)
    }) {
        return false;
    }
    if !NEEDS_OBJECT.contains(&t.fold.as_ref()) && !resumes_after_phrase(cx, i, k) {
        return false;
    }
    let (words, content, lost) = lost_after(cx, k);
    // Mostly lost: a rewrite that kept the rest after the break (a comma
    // added, a clause moved) is not a cut.
    let mostly = 3 * lost >= 2 * content;
    if NEEDS_OBJECT.contains(&t.fold.as_ref()) {
        // A sentence ending on "of" is cut whatever the rewrite did next.
        let sentence_ends =
            cx.b.toks
                .get(i + 1)
                .is_none_or(|n| matches!(n.text, "." | "!" | "?"));
        words >= 1 && (sentence_ends || (lost >= 1 && mostly))
    } else if is_function_word(&t.fold) {
        false
    } else {
        // A sentence may well end on a noun; a cut phrase leaves a comma.
        let clause_break =
            cx.b.toks
                .get(i + 1)
                .is_some_and(|n| matches!(n.text, "," | ";" | "—" | "–"));
        clause_break && words > LOST_CONTENT_WORDS && lost >= LOST_CONTENT_WORDS && mostly
    }
}

/// Whether rewrite token `i` continues the words the original has before
/// its counterpart in the same clause: "found burnt out on," keeps "out
/// on" of "found burnt out on the road", while "According to her," matched a "her" the
/// original has elsewhere ("won her place").
fn continues_run(cx: &UnitCx<'_>, i: usize) -> bool {
    let Some(k) = cx.map.b_to_a[i] else {
        return true;
    };
    let before = (0..i).rev().find(|&j| cx.b.toks[j].is_word());
    before.is_none_or(|j| {
        cx.map.b_to_a[j].is_some_and(|m| m < k && !cx.a.toks[m + 1..k].iter().any(|t| is_break(t.text)))
    })
}

pub fn detect(cx: &UnitCx<'_>) -> Vec<Finding> {
    let b = &cx.b;
    (0..b.toks.len())
        .filter_map(|i| {
            let dangling = dangling_at(b, i);
            ((dangling || cut_short(cx, i)) && !stranded(cx, i)).then_some((i, dangling))
        })
        .filter(|&(i, _)| !cx.map.b_to_a[i].is_some_and(|k| dangling_at(&cx.a, k)))
        .map(|(i, dangling)| {
            let start = (0..i)
                .rev()
                .filter(|&k| b.toks[k].is_word())
                .take(LEAD_WORDS)
                .last()
                .unwrap_or(i);
            let end = (i + 2).min(b.toks.len());
            let b_span = b.cover(start, end);
            let a_span = cx.a_for_b(start, end);
            let reason = format!("phrase cut off: ‘{}’", clip(b.text(b_span)));
            let finding = Finding::new(Kind::Truncation, 0.8, a_span, Some(b_span), reason);
            if dangling || continues_run(cx, i) {
                finding
            } else {
                finding.dropped_by("matched-elsewhere")
            }
        })
        .collect()
}
