//! Word relations: an ordinary word replaced by an opposite ("rose" →
//! "fell", "explicit" → "implicit") or by a sibling, another kind of the
//! same thing ("rock" → "jazz", "milk" → "butter"), decided by WordNet.
//! Synonyms and broader or narrower words are rewording; a replaced word
//! that WordNet relates to nothing on the other side goes to the middle
//! "check" tier.
//!
//! Guards: only content words outside quotations, not names (capitalised
//! mid-sentence) nor numbers; a word the other side uses as often anywhere
//! in the unit has moved, not changed; a word with a synonym, broader or
//! narrower partner among the replaced words is accounted for.

use super::clip;
use super::context::{Tok, UnitCx};
use super::lists::is_function_word;
use super::{Detector, Guard};
use crate::engine::discrepancy::{Finding, Kind};
use crate::engine::wordnet::{Relation, wordnet};
use crate::engine::words::{
    BEFORE_VERBS, NEGATING_PREFIXES, NEGATORS, OPPOSITE_PREFIXES, PARTICLES, POSTURE,
};

/// Registry entry (see [`super::DETECTORS`]).
pub const DETECTOR: Detector = Detector {
    name: "relations",
    kinds: &[Kind::Meaning],
    catches: "a word replaced by an opposite or a sibling (WordNet); an unrelated noun as a check",
    guards: &[
        Guard {
            name: "negated-opposite",
            keeps_out: "an opposite with a negation on one side only (\"not working\" / \"malfunctions\")",
        },
        Guard {
            name: "converse",
            keeps_out: "an opposite or a sibling whose neighbours traded places (\"prices were higher than wages\" / \"wages were lower than prices\"): one fact said from its other end",
        },
        Guard {
            name: "multiple",
            keeps_out: "\"many\" or \"much\" after a multiple (\"half as many\", \"twice as much\") for the word of the direction it states (\"fewer\", \"more\")",
        },
        Guard {
            name: "moved-across",
            keeps_out: "a word the other side states in the sentence beside this unit, where this side's neighbour does not: the sentences were broken at another place",
        },
    ],
    run: detect,
};

/// Confidence of an opposite (factual).
const ANTONYM: f32 = 0.75;
/// Confidence of a sibling (factual).
const SIBLING: f32 = 0.6;
/// Confidence of a replacement with no known relation (the "check" tier).
const CHECK: f32 = 0.3;
/// A stretch with more replaced words than this on a side is a rebuilt
/// phrase, not a word swap: only opposites are looked for there.
const SWAP_WORDS: usize = 3;

/// Stretches of tokens between two consecutive shared tokens, as
/// `(original range, rewrite range)`.
fn gaps(cx: &UnitCx<'_>) -> Vec<((usize, usize), (usize, usize))> {
    let mut out = Vec::new();
    let (mut pa, mut pb) = (0, 0);
    let anchors = cx
        .map
        .a_to_b
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.map(|j| (i, j)))
        .chain(std::iter::once((cx.a.toks.len(), cx.b.toks.len())));
    for (i, j) in anchors {
        if i > pa && j > pb {
            out.push(((pa, i), (pb, j)));
        }
        pa = i + 1;
        pb = j + 1;
    }
    out
}

/// Whether a token is an ordinary content word this detector may judge.
fn judged(t: &Tok<'_>) -> bool {
    t.is_word()
        && !t.in_quote
        && !is_function_word(&t.fold)
        && t.fold.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && t.fold.chars().filter(|c| c.is_alphabetic()).count() > 1
        && (t.sentence_start || !t.is_capitalised())
        && !super::numbers::is_number_word(&t.fold)
}

/// A verb form ending in "-ing" is read as a noun by WordNet ("seeking",
/// "running"); as a sibling it would compare two activities, which verbs'
/// hierarchy cannot tell apart from rewording. A form in "-ed" that is no
/// noun of its own is a verb's or an adjective's ("stabled" is no kind of
/// farm building beside "barn").
fn verb_form(t: &Tok<'_>) -> bool {
    t.fold.ends_with("ing") || (t.fold.ends_with("ed") && !wordnet().is_noun_lemma(&t.fold))
}

/// Content words of one side's stretch that the other side lacks, outside
/// quantities ("two weeks" / "14 days" is the numbers detector's call).
fn replaced<'t>(
    side: &'t super::context::Side<'t>,
    range: (usize, usize),
    other: &super::context::Side<'_>,
) -> Vec<&'t Tok<'t>> {
    let amounts = super::numbers::quantities(side);
    let in_amount = |k: usize| amounts.iter().any(|q| q.start <= k && k < q.end);
    // "pushes back": the particle is read with its verb (see `phrasal`),
    // not as a word of its own.
    (range.0..range.1)
        .filter(|&k| !in_amount(k) && !side.is_phrasal_particle(k))
        .filter(|&k| judged(&side.toks[k]) || prefix_before_hyphen(side, k))
        .map(|k| &side.toks[k])
        .filter(|t| uses(side, t) > uses(other, t))
        .collect()
}

/// Whether token `k` is joined to a hyphen right after it: "pre-stimulus"
/// is read as "pre", "-", "stimulus".
fn hyphened(side: &super::context::Side<'_>, k: usize) -> bool {
    let t = &side.toks[k];
    side.toks
        .get(k + 1)
        .is_some_and(|n| n.text == "-" && n.span.start == t.span.end)
}

/// A prefix of an opposite pair standing before a hyphen and a word
/// ("off-policy", "in-house"): a function word judged as its prefix.
fn prefix_before_hyphen(side: &super::context::Side<'_>, k: usize) -> bool {
    let t = &side.toks[k];
    let word_after = side.toks.get(k + 2).is_some_and(|n| n.is_word());
    hyphened(side, k)
        && word_after
        && !t.in_quote
        && OPPOSITE_PREFIXES
            .iter()
            .any(|pair| pair.split('/').any(|p| p == t.fold))
}

/// How many words of a side share a token's stem: a word the other side
/// uses as often has moved, not changed ("labels ... labeled" →
/// "labels ... unlabeled" still loses one "labeled").
fn uses(side: &super::context::Side<'_>, t: &Tok<'_>) -> usize {
    side.toks
        .iter()
        .filter(|o| o.fold == t.fold || o.stem == t.stem)
        .count()
}

/// Whether two words say the same thing at some level of generality.
const fn related(r: Relation) -> bool {
    matches!(
        r,
        Relation::Synonym | Relation::Derived | Relation::Broader | Relation::Narrower
    )
}

/// How `y` relates to `x`; `px`, `py` the phrasal verb each makes with
/// the word after it, if any (see [`phrasal`]).
fn relation(
    cx: &UnitCx<'_>,
    (x, px): (&Tok<'_>, Option<&str>),
    (y, py): (&Tok<'_>, Option<&str>),
) -> Relation {
    if POSTURE.contains(&x.fold.as_ref()) && POSTURE.contains(&y.fold.as_ref()) {
        return Relation::Synonym;
    }
    if prefixed_opposites(&x.fold, &y.fold) || prefixed_opposites(&y.fold, &x.fold) {
        return Relation::Antonym;
    }
    // Whether a listed pair reads "x/y" or "y/x", compared in place (not
    // by making both strings for every pair of words).
    let reads = |p: &str, first: &str, second: &str| {
        p.len() == first.len() + 1 + second.len()
            && p.starts_with(first)
            && p[first.len()..].starts_with('/')
            && p.ends_with(second)
    };
    if OPPOSITE_PREFIXES
        .iter()
        .any(|p| reads(p, &x.fold, &y.fold) || reads(p, &y.fold, &x.fold))
        && hyphened(&cx.a, index_of(&cx.a, x))
        && hyphened(&cx.b, index_of(&cx.b, y))
    {
        return Relation::Antonym;
    }
    let attributive = before_noun(&cx.a, x) && before_noun(&cx.b, y);
    // "got off" is not "got": a verb and its particle are the lexical
    // database's word ("get off", "leave a vehicle") where it has one.
    if px.is_some() || py.is_some() {
        let (wx, wy) = (px.unwrap_or(&x.fold), py.unwrap_or(&y.fold));
        return wordnet().relation_as(wx, wy, attributive);
    }
    crate::engine::wordnet::relation_cached(&x.fold, &y.fold, attributive)
}

/// The verb-and-particle lemma a token and the word after it make, where
/// the lexical database has one ("got off" → "get off").
fn phrasal(side: &super::context::Side<'_>, t: &Tok<'_>) -> Option<String> {
    let next = side.toks.get(index_of(side, t) + 1)?;
    if !next.is_word() || !PARTICLES.contains(&next.fold.as_ref()) {
        return None;
    }
    wordnet().phrasal_lemma(&t.fold, &next.fold)
}

/// Opposites made by a prefix: one word is the other with a negating
/// prefix ("named" / "unnamed", "profit" / "non-profit"), or the two swap
/// opposite prefixes on one stem ("pre-stimulus" / "post-stimulus",
/// "online" / "offline").
fn prefixed_opposites(x: &str, y: &str) -> bool {
    let negated = NEGATING_PREFIXES.iter().any(|p| {
        x.strip_prefix(p)
            .is_some_and(|rest| rest == y && rest.chars().count() >= 4 && wordnet().knows(rest))
    });
    negated
        || OPPOSITE_PREFIXES.iter().any(|pair| {
            let Some((p, q)) = pair.split_once('/') else {
                return false;
            };
            let stem = |w: &str, p: &str| {
                w.strip_prefix(p)
                    .map(|r| r.trim_start_matches('-').to_owned())
                    .filter(|r| r.chars().count() >= 3)
            };
            stem(x, p).is_some_and(|r| stem(y, q).as_deref() == Some(r.as_str()))
        })
}

/// Where a token stands in its side.
fn index_of(side: &super::context::Side<'_>, t: &Tok<'_>) -> usize {
    side.toks.iter().position(|u| u.span == t.span).unwrap_or(0)
}

/// Whether the word after a token is a noun ("young users").
fn before_noun(side: &super::context::Side<'_>, t: &Tok<'_>) -> bool {
    let k = index_of(side, t);
    side.toks
        .get(k + 1)
        .is_some_and(|n| n.is_word() && !is_function_word(&n.fold) && wordnet().is_noun(&n.fold))
}

/// Whether a token reads as a noun where it stands: WordNet's first sense
/// is a noun and the word before it does not make it a verb.
fn noun_here(side: &super::context::Side<'_>, t: &Tok<'_>) -> bool {
    let k = index_of(side, t);
    let before_verb = k > 0 && BEFORE_VERBS.contains(&side.toks[k - 1].fold.as_ref());
    !before_verb && wordnet().is_noun(&t.fold)
}

/// Function words searched back from a token for a negator.
const NEGATED_REACH: usize = 4;

/// Whether `t` is "many" or "much" after a multiple and "as" ("half as
/// many", "twice as much") and `other` the comparative of the direction
/// that multiple states.
fn as_many_says(side: &super::context::Side<'_>, t: &Tok<'_>, other: &str) -> bool {
    let k = index_of(side, t);
    if !matches!(t.fold.as_ref(), "many" | "much") || k < 2 || side.toks[k - 1].fold != "as" {
        return false;
    }
    match super::numbers::multiple_direction(&side.toks[k - 2].fold) {
        Some(true) => matches!(other, "more" | "greater" | "higher"),
        Some(false) => matches!(other, "fewer" | "less" | "lower" | "smaller"),
        None => false,
    }
}

/// Whether a negator stands before a token with only function words
/// between ("not working", "isn't open", "has not yet been confirmed"), or
/// "no" right after it ("having no convictions" is a lack of them).
fn negated(side: &super::context::Side<'_>, t: &Tok<'_>) -> bool {
    let k = index_of(side, t);
    if side.toks.get(k + 1).is_some_and(|u| u.fold == "no") {
        return true;
    }
    let negator = |u: &Tok<'_>| NEGATORS.contains(&u.fold.as_ref()) || u.fold.ends_with("n't");
    side.toks[k.saturating_sub(NEGATED_REACH)..k]
        .iter()
        .rev()
        .take_while(|u| {
            u.is_word()
                && (negator(u)
                    || super::lists::is_function_word(&u.fold)
                    || matches!(u.fold.as_ref(), "yet" | "ever"))
        })
        .any(negator)
}

/// "changed meaning: ‘x’ → ‘y’ (why)" for an opposite or a sibling.
fn meaning(cx: &UnitCx<'_>, x: &Tok<'_>, y: &Tok<'_>, conf: f32, r: Relation) -> Finding {
    let what = match r {
        Relation::Antonym => "opposite meaning".to_owned(),
        Relation::Sibling(class) => format!("another kind of {}", wordnet().name(class)),
        _ => String::new(),
    };
    Finding::new(
        Kind::Meaning,
        conf,
        Some(x.span),
        Some(y.span),
        format!(
            "changed meaning: ‘{}’ → ‘{}’ ({what})",
            clip(cx.a.text(x.span)),
            clip(cx.b.text(y.span))
        ),
    )
}

pub fn detect(cx: &UnitCx<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut dropped = Vec::new();
    for (ra, rb) in gaps(cx) {
        let xa = replaced(&cx.a, ra, &cx.b);
        let xb = replaced(&cx.b, rb, &cx.a);
        if xa.is_empty() || xb.is_empty() {
            continue;
        }
        // Each word's phrasal verb looked up once, not once per pair.
        let pa: Vec<Option<String>> = xa.iter().map(|x| phrasal(&cx.a, x)).collect();
        let pb: Vec<Option<String>> = xb.iter().map(|y| phrasal(&cx.b, y)).collect();
        let rel: Vec<Vec<Relation>> = xa
            .iter()
            .zip(&pa)
            .map(|(x, px)| {
                xb.iter()
                    .zip(&pb)
                    .map(|(y, py)| relation(cx, (x, px.as_deref()), (y, py.as_deref())))
                    .collect()
            })
            .collect();
        let a_covered = |i: usize| rel[i].iter().any(|r| related(*r));
        let b_covered = |j: usize| rel.iter().any(|row| related(row[j]));
        let small = xa.len() <= SWAP_WORDS && xb.len() <= SWAP_WORDS;
        let mut best: Option<(f32, usize, usize, Relation)> = None;
        for (i, row) in rel.iter().enumerate() {
            for (j, &r) in row.iter().enumerate() {
                let conf = match r {
                    Relation::Antonym => ANTONYM,
                    Relation::Sibling(_) if small && !verb_form(xa[i]) && !verb_form(xb[j]) => SIBLING,
                    _ => continue,
                };
                if a_covered(i) || b_covered(j) {
                    continue;
                }
                // "A short-lived revival came … The recovery ended" / "…
                // a brief reprieve. … But the revival did not outlast":
                // a word the other side states beside this unit moved
                // across a sentence break. Two words that each moved the
                // other way traded sentences: a swap ("buy butter … milk"
                // / "buy milk … butter").
                let moved_a = cx.a.stem_moved_across(&cx.b, &xa[i].stem);
                let moved_b = cx.b.stem_moved_across(&cx.a, &xb[j].stem);
                if moved_a != moved_b {
                    dropped.push(meaning(cx, xa[i], xb[j], conf, r).dropped_by("moved-across"));
                    continue;
                }
                // "not working" → "malfunctions": two negations cancel.
                if r == Relation::Antonym && negated(&cx.a, xa[i]) != negated(&cx.b, xb[j]) {
                    dropped.push(meaning(cx, xa[i], xb[j], conf, r).dropped_by("negated-opposite"));
                    continue;
                }
                // "half as many errors" / "50 per cent fewer errors".
                if r == Relation::Antonym
                    && (as_many_says(&cx.a, xa[i], &xb[j].fold) || as_many_says(&cx.b, xb[j], &xa[i].fold))
                {
                    dropped.push(meaning(cx, xa[i], xb[j], conf, r).dropped_by("multiple"));
                    continue;
                }
                // "prices were higher than wages" / "wages were lower than
                // prices": the things compared traded places.
                let converse = super::contrast::setting(cx, index_of(&cx.a, xa[i]), index_of(&cx.b, xb[j]))
                    == super::contrast::Setting::Converse;
                if converse {
                    dropped.push(meaning(cx, xa[i], xb[j], conf, r).dropped_by("converse"));
                    continue;
                }
                if best.is_none_or(|b| conf > b.0) {
                    best = Some((conf, i, j, r));
                }
            }
        }
        if let Some((conf, i, j, r)) = best {
            out.push(meaning(cx, xa[i], xb[j], conf, r));
            continue;
        }
        // A check is one noun for another ("election" for "time", "wing"
        // for "arm"): verbs, adjectives and adverbs the table does not
        // relate are mostly near-synonyms it lacks ("swiftly" / "quickly").
        let one_noun_each =
            xa.len() == 1 && xb.len() == 1 && noun_here(&cx.a, xa[0]) && noun_here(&cx.b, xb[0]);
        if one_noun_each && matches!(rel[0][0], Relation::Unrelated | Relation::Unknown) {
            let (first_a, last_a) = (xa[0].span, xa[xa.len() - 1].span);
            let (first_b, last_b) = (xb[0].span, xb[xb.len() - 1].span);
            let (sa, sb) = (first_a.join(last_a), first_b.join(last_b));
            // Two animals, plants or foods the table does not relate are
            // two different ones ("yoghurt" / "sausages").
            let wn = wordnet();
            let kind = wn.shared_concrete_kind(&xa[0].fold, &xb[0].fold);
            let (x, y) = (clip(cx.a.text(sa)), clip(cx.b.text(sb)));
            let (conf, reason) = match kind {
                Some(kind) => (
                    SIBLING,
                    format!("changed meaning: ‘{x}’ → ‘{y}’ (another {kind})"),
                ),
                None => (CHECK, format!("check: ‘{x}’ → ‘{y}’ (no known word relation)")),
            };
            out.push(Finding::new(Kind::Meaning, conf, Some(sa), Some(sb), reason));
        }
    }
    out.extend(dropped);
    out
}
