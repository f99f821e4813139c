//! Who did what to whom: the doer and the one done to trading places
//! around the same verb ("the union sued the company" → "the company sued
//! the union"), unless one side turned passive ("… was sued by …").
//!
//! Each side is read around a verb both share: its subject is the nearest
//! party before it, its objects the parties after it in the same sentence.
//! A swap is a subject on each side that is an object on the other.
//!
//! Two names may also trade places outside any shared verb: "carmakers in
//! Europe … contracts in Asia" / "Asian carmakers … contracts in Europe".

use super::Detector;
use super::clip;
use super::context::{Side, Tok, UnitCx};
use super::dates::is_calendar_word;
use super::lists::{NOT_NAMES, is_function_word};
use crate::engine::discrepancy::{Finding, Kind};
use crate::engine::words::{
    AUXILIARIES, CLAUSE_OPENERS, DETERMINERS, IRREGULAR_PAST, OBJECT_PRONOUNS, PASSIVE_AUX, REPORTING_VERBS,
    SYMMETRIC,
};

/// Registry entry (see [`super::DETECTORS`]).
pub const DETECTOR: Detector = Detector {
    name: "swap",
    kinds: &[Kind::Roles],
    catches: "the doer and the one done to trading places around a verb; two names trading the words they go with",
    guards: &[],
    run: detect,
};

/// Tokens looked at before a verb for its subject.
const SUBJECT_WINDOW: usize = 12;
/// Tokens looked at after a verb for its objects.
const OBJECT_WINDOW: usize = 18;

/// Someone or something that can do or undergo the verb: a name, the head
/// of a "the …" phrase, or a personal pronoun (keyed by person, so "she"
/// and the object "her" are one party).
#[derive(Debug)]
struct Party {
    key: String,
    start: usize,
    end: usize,
    /// A bare noun ("police"): good enough to cross with, too vague to
    /// name another doer.
    bare: bool,
}

impl Party {
    /// A name or a noun phrase: not a pronoun, not a bare noun.
    fn is_named(&self) -> bool {
        !self.key.starts_with('‹') && !self.bare
    }
}

fn pronoun_key(side: &Side<'_>, i: usize) -> Option<&'static str> {
    let key = match side.toks[i].fold.as_ref() {
        "he" | "him" => "‹he›",
        "she" => "‹she›",
        "they" | "them" => "‹they›",
        // "her" before a noun is a possessive, not a party.
        "her" => match side.toks.get(i + 1) {
            Some(n) if n.is_word() && !is_function_word(&n.fold) => return None,
            _ => "‹she›",
        },
        _ => return None,
    };
    Some(key)
}

/// A capitalised word that starts a name: mid-sentence, or at a sentence
/// start when the document never writes it in lowercase.
fn starts_name(side: &Side<'_>, i: usize) -> bool {
    let t = &side.toks[i];
    if !t.is_capitalised() || NOT_NAMES.contains(&t.fold.as_ref()) || is_calendar_word(&t.fold) {
        return false;
    }
    let prev = i.checked_sub(1).map(|k| &side.toks[k]);
    if prev.is_some_and(|p| p.is_word() && p.is_capitalised() && !NOT_NAMES.contains(&p.fold.as_ref())) {
        return false;
    }
    !t.sentence_start || !side.index.lowercase.contains(&*t.fold)
}

/// Last token of the noun phrase whose first word is at `i`: through plain
/// words and hyphenated compounds ("the 23-year-old man"), but not into a
/// verb that takes an object ("the man recruited the boy").
fn phrase_head(toks: &[Tok<'_>], i: usize) -> usize {
    let takes_object = |k: usize| {
        toks.get(k + 1).is_some_and(|n| {
            DETERMINERS.contains(&n.fold.as_ref())
                || OBJECT_PRONOUNS.contains(&n.fold.as_ref())
                || (n.is_word() && n.is_capitalised() && is_participle(&toks[k].fold))
        })
    };
    let mut head = i;
    loop {
        let next = toks.get(head + 1);
        if next.is_some_and(|n| n.is_word() && !is_function_word(&n.fold) && !n.is_capitalised())
            && !takes_object(head + 1)
        {
            head += 1;
        } else if next.is_some_and(|n| n.text == "-") && toks.get(head + 2).is_some_and(Tok::is_word) {
            head += 2;
        } else {
            return head;
        }
    }
}

/// [`is_verb`] of every token of a side, read once by [`parties`] and
/// [`verbs`] (each asks of most tokens, and of their neighbours).
fn verb_flags(side: &Side<'_>) -> Vec<bool> {
    (0..side.toks.len()).map(|i| is_verb(side, i)).collect()
}

/// The parties of a side (`verb`: its [`verb_flags`]).
fn parties(side: &Side<'_>, verb: &[bool]) -> Vec<Party> {
    let toks = &side.toks;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if t.in_quote || !t.is_word() {
            i += 1;
            continue;
        }
        let after_det = i > 0 && DETERMINERS.contains(&toks[i - 1].fold.as_ref());
        if let Some(key) = pronoun_key(side, i) {
            out.push(Party {
                key: key.to_owned(),
                start: i,
                end: i + 1,
                bare: false,
            });
        } else if starts_name(side, i) {
            let mut end = i + 1;
            while toks.get(end).is_some_and(|n| n.is_word() && n.is_capitalised()) {
                end += 1;
            }
            out.push(Party {
                key: t.stem.to_string(),
                start: i,
                end,
                bare: false,
            });
            i = end;
            continue;
        } else if after_det && !is_function_word(&t.fold) && !t.is_capitalised() {
            let head = phrase_head(toks, i);
            out.push(Party {
                key: toks[head].stem.to_string(),
                start: i,
                end: head + 1,
                bare: false,
            });
            i = head + 1;
            continue;
        } else if bare_noun_by_verb(side, i, verb) {
            out.push(Party {
                key: t.stem.to_string(),
                start: i,
                end: i + 1,
                bare: true,
            });
        }
        i += 1;
    }
    out
}

/// A noun with no determiner right before or after a verb: "police
/// charged", "fired rubber bullets" (`verb`: the side's [`verb_flags`]).
fn bare_noun_by_verb(side: &Side<'_>, i: usize, verb: &[bool]) -> bool {
    let t = &side.toks[i];
    let plain = !t.is_capitalised() || t.sentence_start;
    // "Estrella province", "Lisbon's light": the head of a name or a
    // possessive, not a party of its own.
    let modified = i > 0 && {
        let p = &side.toks[i - 1];
        (p.is_word() && p.is_capitalised()) || p.fold.ends_with("'s") || p.text == "'" || p.text == "’"
    };
    if modified {
        return false;
    }
    if !plain || is_function_word(&t.fold) || t.kind != crate::engine::segment::TokenKind::Word || verb[i] {
        return false;
    }
    // "had not yet entered": an adverb is no party.
    if !crate::engine::wordnet::wordnet().is_noun(&t.fold) {
        return false;
    }
    let verb_next = verb.get(i + 1).is_some_and(|&v| v);
    let verb_before = i > 0 && verb[i - 1];
    verb_next || verb_before
}

fn is_participle(fold: &str) -> bool {
    (fold.len() > 4 && (fold.ends_with("ed") || fold.ends_with("en"))) || IRREGULAR_PAST.contains(&fold)
}

/// The word before `i`, skipping adverbs in "-ly" ("was quickly sold").
fn word_before<'s>(side: &'s Side<'_>, i: usize) -> Option<&'s str> {
    side.toks[..i]
        .iter()
        .rev()
        .find(|t| !t.fold.ends_with("ly"))
        .map(|t| t.fold.as_ref())
}

/// Whether token `i` reads as a verb with a subject and object: a past
/// form, or a bare form after an auxiliary.
fn is_verb(side: &Side<'_>, i: usize) -> bool {
    let t = &side.toks[i];
    if t.in_quote || !t.is_word() || t.is_capitalised() || is_function_word(&t.fold) {
        return false;
    }
    is_participle(&t.fold) || word_before(side, i).is_some_and(|w| AUXILIARIES.contains(&w))
}

fn is_passive(side: &Side<'_>, i: usize) -> bool {
    // "Rovers stunned as Town fight back": a headline's participle with
    // no auxiliary, its object the party before it. (Before "by" it is
    // as often a modifier: "the Sparrow, skippered by …".)
    let reduced = || side.toks.get(i + 1).is_some_and(|t| t.fold == "as");
    is_participle(&side.toks[i].fold)
        && (word_before(side, i).is_some_and(|w| PASSIVE_AUX.contains(&w)) || reduced())
}

/// Whether only auxiliaries, adverbs and, if `loose`, closing brackets or
/// commas stand between a subject and its verb ("Ortuzar will lay",
/// "the agency (JAXA) supplied"); anything more and the nearest party
/// before the verb is probably not its subject.
fn next_to_verb(side: &Side<'_>, subject: &Party, i: usize, loose: bool) -> bool {
    let i = before_relative_clause(side, i);
    side.toks[subject.end..i].iter().all(|t| {
        if t.is_word() {
            is_function_word(&t.fold) || t.fold.ends_with("ly")
        } else {
            loose && matches!(t.text, ")" | ",")
        }
    })
}

fn ends_sentence(t: &Tok<'_>) -> bool {
    matches!(t.text, "." | "!" | "?" | ";")
}

/// The subject (nearest party before) and objects (parties after, in the
/// same sentence) of the verb at `i`.
fn roles<'p>(side: &Side<'_>, parties: &'p [Party], i: usize) -> Option<(&'p Party, Vec<&'p Party>)> {
    Some((subject_of(side, parties, i)?, objects_of(side, parties, i)))
}

/// The nearest party before the verb at `i`, in its sentence, looking past
/// a relative clause ("Whitlow, who represents the ward, accused …").
fn subject_of<'p>(side: &Side<'_>, parties: &'p [Party], i: usize) -> Option<&'p Party> {
    let i = before_relative_clause(side, i);
    let from = i.saturating_sub(SUBJECT_WINDOW);
    let sentence_start = side.toks[from..i]
        .iter()
        .rposition(ends_sentence)
        .map_or(from, |k| from + k + 1);
    parties
        .iter()
        .rev()
        .find(|p| p.end <= i && p.start >= sentence_start)
}

/// Where to look for the subject of the verb at `i`: before ", who …," when
/// such a clause ends right before the verb, else `i` itself.
fn before_relative_clause(side: &Side<'_>, i: usize) -> usize {
    if i == 0 || side.toks[i - 1].text != "," {
        return i;
    }
    let from = i.saturating_sub(SUBJECT_WINDOW + 1);
    (from..i - 1)
        .rev()
        .find(|&k| {
            side.toks[k].text == ","
                && side
                    .toks
                    .get(k + 1)
                    .is_some_and(|n| matches!(n.fold.as_ref(), "who" | "which"))
        })
        .unwrap_or(i)
}

/// The parties after the verb at `i`, in its sentence.
fn objects_of<'p>(side: &Side<'_>, parties: &'p [Party], i: usize) -> Vec<&'p Party> {
    let to = (i + 1 + OBJECT_WINDOW).min(side.toks.len());
    let sentence_end = side.toks[i + 1..to]
        .iter()
        .position(ends_sentence)
        .map_or(to, |k| i + 1 + k);
    parties
        .iter()
        .filter(|p| p.start > i && p.end <= sentence_end)
        .collect()
}

/// Who does the verb at `i`: the party after "by" for a passive, else a
/// subject standing next to the verb.
fn doer<'p>(side: &Side<'_>, parties: &'p [Party], i: usize) -> Option<&'p Party> {
    if is_passive(side, i) {
        objects_of(side, parties, i)
            .into_iter()
            .find(|p| side.toks[i + 1..p.start].iter().any(|t| t.fold == "by"))
    } else {
        subject_of(side, parties, i).filter(|s| next_to_verb(side, s, i, false))
    }
}

/// Indices of verbs whose stem occurs once among the side's verbs
/// (`verb`: the side's [`verb_flags`]).
fn verbs(side: &Side<'_>, verb: &[bool]) -> Vec<usize> {
    let all: Vec<usize> = (0..side.toks.len()).filter(|&i| verb[i]).collect();
    all.iter()
        .copied()
        .filter(|&i| {
            let stem = &side.toks[i].stem;
            all.iter().filter(|&&k| side.toks[k].stem == *stem).count() == 1
                && !SYMMETRIC.iter().any(|s| stem.starts_with(s))
        })
        .collect()
}

/// Who does the verb at `i` and to whom: subject and first object, or for
/// a passive the party after "by" and the subject.
fn doer_and_patient<'p>(side: &Side<'_>, parties: &'p [Party], i: usize) -> Option<(&'p Party, &'p Party)> {
    let (subject, objects) = roles(side, parties, i)?;
    if is_passive(side, i) {
        let agent = objects
            .into_iter()
            .find(|p| p.start > 0 && side.toks[i + 1..p.start].iter().any(|t| t.fold == "by"))?;
        Some((agent, subject))
    } else {
        next_to_verb(side, subject, i, false).then_some(())?;
        Some((subject, objects.first().copied()?))
    }
}

/// The spans of a swap: subject to object on each side.
fn swap_finding(cx: &UnitCx<'_>, a: (&Party, &Party), b: (&Party, &Party)) -> Finding {
    let span = |side: &Side<'_>, (x, y): (&Party, &Party)| side.cover(x.start.min(y.start), x.end.max(y.end));
    let (a_span, b_span) = (span(&cx.a, a), span(&cx.b, b));
    let reason = format!(
        "who did what swapped: ‘{}’ → ‘{}’",
        clip(cx.a.text(a_span)),
        clip(cx.b.text(b_span))
    );
    Finding::new(Kind::Roles, 0.6, Some(a_span), Some(b_span), reason)
}

/// Whether the first word after each side's verb is a thing done (not the
/// party found after it) and the two differ: "completed his transfer" /
/// "completed the signing".
fn other_thing_done(cx: &UnitCx<'_>, (ia, oa): (usize, &Party), (ib, ob): (usize, &Party)) -> bool {
    fn thing<'s>(side: &'s Side<'_>, i: usize, o: &Party) -> Option<&'s Tok<'s>> {
        (i + 1..o.start)
            .find(|&k| side.toks[k].is_word() && !is_function_word(&side.toks[k].fold))
            .map(|k| &side.toks[k])
    }
    match (thing(&cx.a, ia, oa), thing(&cx.b, ib, ob)) {
        (Some(x), Some(y)) => {
            x.stem != y.stem && !crate::engine::wordnet::synonym_or_derived_cached(&x.fold, &y.fold)
        }
        _ => false,
    }
}

/// The subject of one side is an object of the other's, and back.
fn crossed(cx: &UnitCx<'_>, (pa, pb): (&[Party], &[Party]), ia: usize, ib: usize) -> Option<Finding> {
    let (sa, oa) = roles(&cx.a, pa, ia)?;
    let (sb, ob) = roles(&cx.b, pb, ib)?;
    if sa.key == sb.key || !next_to_verb(&cx.a, sa, ia, true) || !next_to_verb(&cx.b, sb, ib, true) {
        return None;
    }
    let oa = oa.into_iter().find(|p| p.key == sb.key)?;
    let ob = ob.into_iter().find(|p| p.key == sa.key)?;
    // "X completed his transfer to Y" / "Y completed the signing of X":
    // the verb does another thing to each, and the two are its doers
    // either way.
    if other_thing_done(cx, (ia, oa), (ib, ob)) {
        return None;
    }
    // "X will be offered a contract" / "a contract will be offered to X":
    // a passive verb of giving names its receiver either way, the second
    // after "to".
    let receiver = |side: &Side<'_>, p: &Party, i: usize| {
        is_passive(side, i) && p.start > 0 && matches!(side.toks[p.start - 1].fold.as_ref(), "to" | "for")
    };
    if receiver(&cx.a, oa, ia) || receiver(&cx.b, ob, ib) {
        return None;
    }
    Some(swap_finding(cx, (sa, oa), (sb, ob)))
}

/// The same thing done to the same party, by another party that the other
/// side also names ("built by X, while Y supplied" → "built by Y, while X
/// supplied"). Pronouns are left out: "he" may well be the named one.
fn other_doer(cx: &UnitCx<'_>, (pa, pb): (&[Party], &[Party]), ia: usize, ib: usize) -> Option<Finding> {
    let (da, ta) = doer_and_patient(&cx.a, pa, ia)?;
    let (db, tb) = doer_and_patient(&cx.b, pb, ib)?;
    let known = |p: &Party, other: &[Party]| other.iter().any(|q| q.key == p.key);
    // "survived by a son, Rosco" / "survived by his daughter … and his
    // son, Rosco": one of the doers the other side lists.
    let listed = |side: &Side<'_>, parties: &[Party], first: &Party, key: &str| {
        coordinated_with(side, parties, first).any(|p| p.key == key)
    };
    (da.key != db.key
        && ta.key == tb.key
        && da.is_named()
        && db.is_named()
        && known(da, pb)
        && known(db, pa)
        && !listed(&cx.b, pb, db, &da.key)
        && !listed(&cx.a, pa, da, &db.key))
    .then(|| swap_finding(cx, (da, ta), (db, tb)))
}

/// The parties listed with `first` (itself included): each after the one
/// before with nothing but words of the `list_glue` list between them.
fn coordinated_with<'p>(
    side: &Side<'_>,
    parties: &'p [Party],
    first: &Party,
) -> impl Iterator<Item = &'p Party> {
    let at = parties
        .iter()
        .position(|p| p.start == first.start)
        .unwrap_or(parties.len());
    let mut end = first.start;
    parties[at..].iter().take_while(move |p| {
        let glued = side.toks[end.min(p.start)..p.start]
            .iter()
            .all(|t| crate::engine::words::LIST_GLUE.contains(&t.fold.as_ref()));
        end = p.end;
        glued
    })
}

/// One side passive, the other active, and the doer of each is a party
/// after the verb on the other: "was lent by the gallery to the museum" →
/// "the museum lent it to the gallery". A faithful voice change keeps the
/// doer ("was beaten by X" → "X beat").
fn doer_changed_with_voice(
    cx: &UnitCx<'_>,
    (pa, pb): (&[Party], &[Party]),
    ia: usize,
    ib: usize,
) -> Option<Finding> {
    let (da, db) = (doer(&cx.a, pa, ia)?, doer(&cx.b, pb, ib)?);
    if da.key == db.key || !da.is_named() || !db.is_named() {
        return None;
    }
    let (oa, ob) = (objects_of(&cx.a, pa, ia), objects_of(&cx.b, pb, ib));
    let other = |objects: Vec<&Party>, doer: &Party, key: &str| {
        objects
            .into_iter()
            .find(|p| p.key == key && p.start != doer.start)
            .map(|p| p.start)
    };
    other(oa, da, &db.key)?;
    other(ob, db, &da.key)?;
    Some(swap_finding(cx, (da, da), (db, db)))
}

/// How far apart (in tokens) two named parties may stand to be compared.
const PAIR_WINDOW: usize = 24;

/// Two named parties in the opposite order on the two sides, with the same
/// active verb between them on both ("A team of Chilean rescuers arrived to
/// support Peruvian firefighters" → "Peruvian firefighters arrived to
/// support a team of Chilean rescuers"), when no subject sits next to the
/// verb for the other rules to read.
fn reordered_around_verb(cx: &UnitCx<'_>, (pa, pb): (&[Party], &[Party])) -> Option<Finding> {
    for (n, x) in pa.iter().enumerate().filter(|(_, p)| p.is_named()) {
        for y in pa[n + 1..].iter().filter(|p| p.is_named()) {
            if y.key == x.key || y.start - x.end > PAIR_WINDOW {
                continue;
            }
            let unique_in_a = named_party(pa, &x.key).is_some() && named_party(pa, &y.key).is_some();
            let (Some(bx), Some(by)) = (named_party(pb, &x.key), named_party(pb, &y.key)) else {
                continue;
            };
            if !unique_in_a {
                continue;
            }
            if by.end > bx.start || bx.start - by.end > PAIR_WINDOW {
                continue;
            }
            if one_clause(&cx.a, x.end, y.start)
                && one_clause(&cx.b, by.end, bx.start)
                && let Some((k, m)) = shared_active_verb(&cx.a, x.end, y.start, &cx.b, by.end, bx.start)
                && !other_thing_done(cx, (k, y), (m, bx))
            {
                return Some(swap_finding(cx, (x, y), (by, bx)));
            }
        }
    }
    None
}

/// Whether tokens `s..e` hold no clause break: no comma, semicolon or dash,
/// and no word that opens a clause.
fn one_clause(side: &Side<'_>, s: usize, e: usize) -> bool {
    !side.toks[s..e.max(s)]
        .iter()
        .any(|t| matches!(t.text, "," | ";" | ":" | "–" | "—") || CLAUSE_OPENERS.contains(&t.fold.as_ref()))
}

/// The one named party with `key`; none when the key names two parties,
/// whose order then says nothing.
fn named_party<'p>(parties: &'p [Party], key: &str) -> Option<&'p Party> {
    let mut found = parties.iter().filter(|p| p.is_named() && p.key == key);
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// A verb of the same stem between tokens `a0..a1` of one side and
/// `b0..b1` of the other, active on both, with no "by" in either stretch:
/// its token on each side.
fn shared_active_verb(
    a: &Side<'_>,
    a0: usize,
    a1: usize,
    b: &Side<'_>,
    b0: usize,
    b1: usize,
) -> Option<(usize, usize)> {
    let by = |side: &Side<'_>, s: usize, e: usize| side.toks[s..e].iter().any(|t| t.fold == "by");
    if by(a, a0, a1) || by(b, b0, b1) {
        return None;
    }
    let active = |side: &Side<'_>, k: usize| {
        is_verb(side, k)
            && !is_passive(side, k)
            && !SYMMETRIC.iter().any(|s| side.toks[k].stem.starts_with(s))
    };
    (a0..a1).filter(|&k| active(a, k)).find_map(|k| {
        (b0..b1)
            .find(|&m| active(b, m) && b.toks[m].stem == a.toks[k].stem)
            .map(|m| (k, m))
    })
}

pub fn detect(cx: &UnitCx<'_>) -> Vec<Finding> {
    let (verb_a, verb_b) = (verb_flags(&cx.a), verb_flags(&cx.b));
    let (pa, pb) = (parties(&cx.a, &verb_a), parties(&cx.b, &verb_b));
    let vb = verbs(&cx.b, &verb_b);
    for ia in verbs(&cx.a, &verb_a) {
        let Some(&ib) = vb.iter().find(|&&k| cx.b.toks[k].stem == cx.a.toks[ia].stem) else {
            continue;
        };
        let parties = (pa.as_slice(), pb.as_slice());
        if is_passive(&cx.a, ia) != is_passive(&cx.b, ib) {
            if let Some(f) = doer_changed_with_voice(cx, parties, ia, ib) {
                return vec![f];
            }
            continue;
        }
        if let Some(f) = crossed(cx, parties, ia, ib).or_else(|| other_doer(cx, parties, ia, ib)) {
            return vec![f];
        }
    }
    reordered_around_verb(cx, (pa.as_slice(), pb.as_slice()))
        .or_else(|| traded_places(cx))
        .into_iter()
        .collect()
}

/// Tokens before a name searched for the words it goes with.
const ATTACH_REACH: usize = 3;
/// Tokens after a name searched for them: its verb and what it does to
/// ("Olu is bringing sandwiches").
const ATTACH_REACH_AFTER: usize = 6;

/// A one-word name of a side ("Europe", or "Asian" read as "Asia" when
/// the other side names Asia): its token and the key both sides share.
fn single_names(side: &Side<'_>) -> Vec<(usize, String)> {
    super::names::phrases(side)
        .into_iter()
        .filter(|p| p.end == p.start + 1 && !side.toks[p.start].in_quote)
        .map(|p| (p.start, side.toks[p.start].fold.to_string()))
        .collect()
}

/// The content words a name goes with: within [`ATTACH_REACH`] tokens,
/// inside its clause (a comma, "and", "or" or "but" ends the search), as
/// stems; names and function words left out.
fn attached<'s>(side: &'s Side<'_>, k: usize) -> Vec<&'s str> {
    let toks = &side.toks;
    let boundary = |t: &Tok<'_>| !t.is_word() || matches!(t.fold.as_ref(), "and" | "or" | "but");
    let content = |t: &Tok<'_>| t.is_word() && !is_function_word(&t.fold) && !t.is_capitalised();
    let before = toks[k.saturating_sub(ATTACH_REACH)..k]
        .iter()
        .rev()
        .take_while(|t| !boundary(t))
        .filter(|t| content(t));
    let after = toks[k + 1..(k + 1 + ATTACH_REACH_AFTER).min(toks.len())]
        .iter()
        .take_while(|t| !boundary(t))
        .filter(|t| content(t));
    before.chain(after).map(|t| t.stem.as_ref()).collect()
}

/// The words of each of two lists that the other lacks.
fn own<'s>(p: Vec<&'s str>, q: Vec<&'s str>) -> (Vec<&'s str>, Vec<&'s str>) {
    let only = |x: &[&'s str], y: &[&'s str]| x.iter().copied().filter(|w| !y.contains(w)).collect();
    (only(&p, &q), only(&q, &p))
}

/// The words just before and after token `k` (none at a punctuation
/// mark): the frame a name stands in ("from Rennick", "Aske said").
fn frame<'s>(side: &'s Side<'_>, k: usize) -> [Option<&'s str>; 2] {
    let word = |k: Option<usize>| {
        k.and_then(|k| side.toks.get(k))
            .filter(|t| t.is_word())
            .map(|t| t.fold.as_ref())
    };
    [word(k.checked_sub(1)), word(Some(k + 1))]
}

/// Whether tokens `i` and `j` are coordinated: only function words,
/// commas and "and"/"or" between them ("Europe and Asia").
fn coordinated(side: &Side<'_>, i: usize, j: usize) -> bool {
    let (i, j) = (i.min(j), i.max(j));
    side.toks[i + 1..j]
        .iter()
        .all(|t| !t.is_word() || is_function_word(&t.fold))
}

/// Two names that traded the words they go with: "demand from carmakers in
/// Europe and delays to contracts in Asia" / "demand from Asian carmakers
/// and delays to contracts in Europe". Each name once on each side (a
/// demonym counts as its place), never coordinated with the other ("Europe
/// and Asia" / "Asia and Europe" only reorders), and a clean trade: each
/// keeps none of its own words and takes some of the other's.
fn traded_places(cx: &UnitCx<'_>) -> Option<Finding> {
    use crate::engine::wordnet::wordnet;
    // Two capitalised words on each side at least, checked before any
    // name is read (most units have fewer).
    let capitals = |side: &Side<'_>| {
        side.toks
            .iter()
            .filter(|t| t.is_word() && t.is_capitalised())
            .nth(1)
            .is_some()
    };
    if !capitals(&cx.a) || !capitals(&cx.b) {
        return None;
    }
    let (na, nb) = (single_names(&cx.a), single_names(&cx.b));
    if na.len() < 2 || nb.len() < 2 {
        return None;
    }
    let once = |names: &[(usize, String)], key: &str| names.iter().filter(|(_, k)| k == key).count() == 1;
    // Each original name's token on the rewrite side: the same word, or a
    // word derived from it ("Asian" for "Asia").
    let partner = |key: &str| -> Option<usize> {
        let same: Vec<usize> = nb.iter().filter(|(_, k)| k == key).map(|(t, _)| *t).collect();
        if let [t] = same[..] {
            return Some(t);
        }
        let derived: Vec<usize> = (0..cx.b.toks.len())
            .filter(|&t| {
                let tok = &cx.b.toks[t];
                tok.is_word()
                    && tok.is_capitalised()
                    && *tok.fold != *key
                    && wordnet().synonym_or_derived(key, &tok.fold)
            })
            .collect();
        if let [t] = derived[..] { Some(t) } else { None }
    };
    let shared: Vec<(usize, usize)> = na
        .iter()
        .filter(|(_, k)| once(&na, k))
        .filter_map(|(t, k)| partner(k).map(|u| (*t, u)))
        .collect();
    for (x, &(ax, bx)) in shared.iter().enumerate() {
        for &(ay, by) in &shared[x + 1..] {
            if ax == ay || bx == by || coordinated(&cx.a, ax, ay) || coordinated(&cx.b, bx, by) {
                continue;
            }
            // Words both names of a side go with ("Olu is bringing …
            // and Bruno will bring …") tell them apart by nothing.
            let (wax, way) = own(attached(&cx.a, ax), attached(&cx.a, ay));
            let (wbx, wby) = own(attached(&cx.b, bx), attached(&cx.b, by));
            let meets = |p: &[&str], q: &[&str]| p.iter().any(|w| q.contains(w));
            // One name may take the other's words and frame while the
            // other's were said another way ("Oyelaran put them ahead,
            // running on to a ball from Rennick" / "Rennick gave them the
            // lead, running on to a ball from Oyelaran"): a trade still,
            // when neither keeps its own frame.
            let same_frame = |p: [Option<&str>; 2], q: [Option<&str>; 2]| {
                (p[0].is_some() && p[0] == q[0]) || (p[1].is_some() && p[1] == q[1])
            };
            let (fax, fay) = (frame(&cx.a, ax), frame(&cx.a, ay));
            let (fbx, fby) = (frame(&cx.b, bx), frame(&cx.b, by));
            // Two speakers ("Aske said") who traded claims are the
            // attribution detector's.
            let speaks = |f: [Option<&str>; 2]| f[1].is_some_and(|w| REPORTING_VERBS.contains(&w));
            if speaks(fax) && speaks(fay) {
                continue;
            }
            let keeps_frame = same_frame(fax, fbx) || same_frame(fay, fby);
            let takes =
                (meets(&wax, &wby) && same_frame(fax, fby)) || (meets(&way, &wbx) && same_frame(fay, fbx));
            let traded = (meets(&wax, &wby) && meets(&way, &wbx)) || (takes && !keeps_frame);
            if traded && !meets(&wax, &wbx) && !meets(&way, &wby) {
                let a_span = cx.a.cover(ax.min(ay), ax.max(ay) + 1);
                let b_span = cx.b.cover(bx.min(by), bx.max(by) + 1);
                let reason = format!(
                    "names traded places: ‘{}’ and ‘{}’ go with each other's words",
                    cx.a.toks[ax].text, cx.a.toks[ay].text
                );
                return Some(Finding::new(Kind::Roles, 0.7, Some(a_span), Some(b_span), reason));
            }
        }
    }
    None
}
