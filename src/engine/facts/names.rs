//! People and organisations: a name in the rewrite that the original never
//! mentions, or one named person swapped for another.

use super::clip;
use super::context::{Side, UnitCx};
use super::dates::is_calendar_word;
use super::lists::{NAME_CONNECTORS, NOT_NAMES};
use super::{Detector, Guard};
use crate::engine::discrepancy::{Finding, Kind};
use crate::engine::segment::TokenKind;
use crate::engine::words::PERSON_TITLES;

/// Registry entry (see [`super::DETECTORS`]).
pub const DETECTOR: Detector = Detector {
    name: "names",
    kinds: &[Kind::Name],
    catches: "a person or organisation the original does not name, or one swapped for another",
    guards: &[
        Guard {
            name: "acronym",
            keeps_out: "an acronym of a name the original gives, or the reverse (\"US\" / \"United States\")",
        },
        Guard {
            name: "derived-form",
            keeps_out: "a word derived from a name the original gives (\"Italian\" / \"Italy\")",
        },
        Guard {
            name: "role-before-name",
            keeps_out: "a role put before a name the original gives (\"CEO Ann Lee\" / \"Ann Lee\")",
        },
        Guard {
            name: "another-holder",
            keeps_out: "a known name that describes another person than the dropped name did, both persons named on both sides (\"off Harwick defender Tom Ellery, and winger Sam Oduya\" / \"off Ellery, and Sam Oduya, the Castleton winger\")",
        },
        Guard {
            name: "description-named",
            keeps_out: "the person a description of the original meant, named (\"the Rovers manager\" / \"Holt\")",
        },
        Guard {
            name: "role-acronym",
            keeps_out: "a role written as an abbreviation (\"CEO\", \"MP\"): no person's name",
        },
        Guard {
            name: "abbreviation",
            keeps_out: "a unit or term abbreviated from lowercase words of the original sentence (\"GWh\" / \"gigawatt-hours\", \"MW\" / \"megawatts\")",
        },
        Guard {
            name: "replacement-found",
            keeps_out: "a name from elsewhere in the document added to a sentence whose dropped name another, new name replaced (\"Nowak scored\" / \"Reid scored to put Riverside ahead\")",
        },
    ],
    run: detect,
};

/// A run of capitalised words (with connectors such as "of" or "al-")
/// as token indices `start..end` of a side.
#[derive(Debug, Clone, Copy)]
pub struct NamePhrase {
    pub start: usize,
    pub end: usize,
}

/// Whether token `i` starts or continues a name; `title_case`: whether
/// its sentence is written in title case (see [`title_case`]), where
/// capitals prove as little as at a sentence start.
fn name_like(side: &Side<'_>, i: usize, title_case: bool) -> bool {
    let t = &side.toks[i];
    if t.kind != TokenKind::Word || !t.is_capitalised() {
        return false;
    }
    if NOT_NAMES.contains(&t.fold.as_ref()) || is_calendar_word(&t.fold) {
        return false;
    }
    // A word in capitals ("EMIRATES") is set apart from a title-case
    // line's words, as a name or an acronym is.
    let title_case = title_case && !(t.text.chars().count() > 1 && t.text.chars().all(|c| !c.is_lowercase()));
    let after_opening = i > 0 && matches!(side.toks[i - 1].text, "“" | "\"" | "‘" | "«" | ":" | "(" | "—");
    if !(t.sentence_start || after_opening || title_case) {
        return true;
    }
    // "Then Reid scored": a function word or an adverb opening a sentence
    // is no part of the name after it.
    if super::lists::is_function_word(&t.fold) || crate::engine::wordnet::wordnet().is_adverb(&t.fold) {
        return false;
    }
    // "Third-quarter revenue", "Two men": a number opening a sentence.
    if super::numbers::is_number_word(&t.fold) || super::numbers::is_ordinal_word(&t.fold) {
        return false;
    }
    // At a sentence start capitals prove nothing: trust the word as a name
    // only if it is never written in lowercase and is capitalised elsewhere
    // too, or if a capitalised word follows it ("Olga Brandt said"; not a
    // day or a month: "Each Friday").
    let next_capitalised = !title_case
        && side.toks.get(i + 1).is_some_and(|n| {
            n.kind == TokenKind::Word
                && n.is_capitalised()
                && !NOT_NAMES.contains(&n.fold.as_ref())
                && !is_calendar_word(&n.fold)
        });
    // A word the lexical database does not know ("Kowalski said") is a
    // name wherever it stands.
    !side.index.lowercase.contains(&*t.fold)
        && (side.index.midcaps.contains(&*t.fold)
            || next_capitalised
            || !crate::engine::wordnet::wordnet().knows(&t.fold)
            // In a title-case line, a particular place or person ("Qatar").
            || (title_case && !crate::engine::wordnet::wordnet().knows_as_common(&t.fold)))
}

/// Capitalised dictionary words, not first, of a title-case sentence that
/// the document never capitalises in running prose, at the least.
const TITLE_CASE_COMMON_WORDS: usize = 3;

/// For each token of a side, whether its sentence is written in title
/// case ("Gale Leaves Thousands Without Power Across Mirren Dale"): of
/// its words after the first, three in five or more are capitalised (a
/// work's title inside a sentence, "for Lowther's String Trio in G
/// minor", is not enough), and at least [`TITLE_CASE_COMMON_WORDS`] of
/// those are dictionary words the document's prose never capitalises
/// mid-sentence. A list of names ("Present: Ann Lowe, Mark Pike") is not.
fn title_case(side: &Side<'_>) -> Vec<bool> {
    let wn = crate::engine::wordnet::wordnet();
    let toks = &side.toks;
    let mut out = vec![false; toks.len()];
    let mut start = 0;
    while start < toks.len() {
        let end = (start + 1..toks.len())
            .find(|&k| toks[k].sentence_start)
            .unwrap_or(toks.len());
        let words = toks[start + 1..end].iter().filter(|t| t.kind == TokenKind::Word);
        let capitalised: Vec<&super::context::Tok<'_>> =
            words.clone().filter(|t| t.is_capitalised()).collect();
        let common = capitalised
            .iter()
            .filter(|t| !side.index.midcaps.contains(&*t.fold) && wn.knows_as_common(&t.fold))
            .count();
        if common >= TITLE_CASE_COMMON_WORDS && 5 * capitalised.len() >= 3 * words.count() {
            out[start..end].fill(true);
        }
        start = end;
    }
    out
}

/// Name phrases of a side.
#[must_use]
pub fn phrases(side: &Side<'_>) -> Vec<NamePhrase> {
    let mut out = Vec::new();
    let title = title_case(side);
    let name_like = |i: usize| name_like(side, i, title[i]);
    let mut i = 0;
    while i < side.toks.len() {
        if !name_like(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            let mut k = end;
            while k < side.toks.len() && is_connector(side, k) {
                k += 1;
            }
            if k < side.toks.len() && name_like(k) {
                end = k + 1;
            } else {
                break;
            }
        }
        out.push(NamePhrase { start, end });
        i = end;
    }
    out
}

fn is_connector(side: &Side<'_>, k: usize) -> bool {
    let t = &side.toks[k];
    NAME_CONNECTORS.contains(&t.fold.as_ref()) || matches!(t.text, "-" | "‑")
}

/// Folded content words of a phrase (connectors dropped); none for a
/// title alone ("Sgt." cut off from the name after it by its full stop).
fn content(side: &Side<'_>, p: NamePhrase) -> Vec<String> {
    let words: Vec<String> = (p.start..p.end)
        .map(|k| &side.toks[k])
        .filter(|t| t.kind == TokenKind::Word && t.is_capitalised())
        .map(|t| bare(&t.fold).replace('.', ""))
        .collect();
    if words.iter().all(|w| PERSON_TITLES.contains(&w.as_str())) {
        return Vec::new();
    }
    words
}

/// Whether a phrase is one abbreviation in capitals that names a role
/// ("CEO", "MP"): a surname that is also a trade ("Baker") is written in
/// lowercase letters and stays a name.
fn role_acronym(cx: &UnitCx<'_>, p: NamePhrase) -> bool {
    let t = &cx.b.toks[p.start];
    let letters = t.text.trim_end_matches(['\'', '’', 's']);
    p.end == p.start + 1
        && letters.chars().count() >= 2
        && letters.chars().all(|c| c.is_ascii_uppercase())
        && crate::engine::wordnet::wordnet().names_a_role(&letters.to_lowercase())
}

/// Words of a phrase an abbreviation may stand for.
const ABBREVIATED_WORDS: usize = 3;

/// Whether a phrase is one abbreviation with two or more capitals whose
/// letters, in order, run through up to [`ABBREVIATED_WORDS`] lowercase
/// words of the original sentence, using the first letter of each: "GWh"
/// for "gigawatt-hours", "MW" for "megawatts".
fn abbreviates_words(cx: &UnitCx<'_>, p: NamePhrase) -> bool {
    let t = &cx.b.toks[p.start];
    let capitals = t.text.chars().filter(char::is_ascii_uppercase).count();
    if p.end != p.start + 1 || capitals < 2 || !t.text.chars().all(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    let letters: Vec<char> = t.fold.chars().collect();
    let words: Vec<&str> = cx.a.toks.iter().filter(|w| w.is_word()).map(|w| w.text).collect();
    let lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    (0..words.len()).any(|start| {
        (1..=ABBREVIATED_WORDS.min(words.len() - start)).any(|n| {
            let run = &words[start..start + n];
            run.iter().all(|w| lower(w)) && spells(&letters, run)
        })
    })
}

/// Whether `letters` are, in order, letters of `words` that include the
/// first letter of every word and end within the last: each word gives a
/// first letter and then any of its later letters, tried every way.
fn spells(letters: &[char], words: &[&str]) -> bool {
    let Some((word, rest)) = words.split_first() else {
        return letters.is_empty();
    };
    let chars: Vec<char> = word.chars().collect();
    if letters.first() != chars.first() {
        return false;
    }
    // After the first letter, this word gives `n` more letters, picked
    // in order from its later letters.
    (0..letters.len()).any(|n| {
        let (mine, theirs) = letters[1..].split_at(n.min(letters.len() - 1));
        let mut later = chars[1..].iter();
        mine.iter().all(|c| later.any(|x| x == c)) && spells(theirs, rest)
    })
}

/// A word that names a role before a name: one WordNet knows as a role
/// ("mayor", "minister") or an abbreviated title ("Cllr", "Supt").
fn role_word(w: &str) -> bool {
    PERSON_TITLES.contains(&w) || crate::engine::wordnet::wordnet().names_a_role(w)
}

/// A word without its possessive ending: "Kadhemi" / "Kadhemi's" is one
/// name.
pub(super) fn bare(w: &str) -> &str {
    ["'s", "’s", "'", "’"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(w)
}

fn initials(words: &[String]) -> String {
    words.iter().filter_map(|w| w.chars().next()).collect()
}

/// Whether a phrase of one side is present in a unit side: any of its
/// content words (or a close relative) occurs there, or it is an acronym of
/// a name there, or that side holds its acronym.
fn present_in(words: &[String], other: &Side<'_>, other_names: &[Vec<String>]) -> bool {
    // "Councillor Marcus Odell" is not in "Councillor Lena Whitcombe": a
    // title before the name proves nothing, unless the phrase is all title.
    let titles = words.iter().take_while(|w| role_word(w)).count();
    let words = if titles < words.len() {
        &words[titles..]
    } else {
        words
    };
    let has = |w: &String| {
        // The stem of `w` once, not once per token.
        let stem = other.index.stem(w);
        // The edit distance last, over the tokens no cheaper test matched
        // (the same answer: any token passing any test).
        other.toks.iter().any(|t| {
            undotted_is(&t.fold, w) || t.stem == stem || plural_pair(&t.fold, w) || related(&t.fold, w)
        }) || (w.chars().count() >= 5
            && other
                .toks
                .iter()
                .any(|t| t.fold.chars().count() >= 5 && strsim::levenshtein(&t.fold, w) <= 2))
    };
    if words.iter().any(has) {
        return true;
    }
    acronym_of_any(words, other_names)
}

/// Whether `word` with its full stops removed is `target` (compared
/// without making the undotted copy).
fn undotted_is(word: &str, target: &str) -> bool {
    word.bytes().filter(|&b| b != b'.').eq(target.bytes())
}

/// The original words that a rewrite phrase keeps ("the prime minister" for
/// "Prime Minister X"), with a determiner before them.
fn mapped_span(cx: &UnitCx<'_>, p: &NamePhrase) -> Option<crate::engine::text::Span> {
    let kept: Vec<usize> = (p.start..p.end).filter_map(|k| cx.map.b_to_a[k]).collect();
    let (&first, &last) = (kept.iter().min()?, kept.iter().max()?);
    let first = if first > 0 && matches!(cx.a.toks[first - 1].fold.as_ref(), "the" | "a" | "an") {
        first - 1
    } else {
        first
    };
    Some(cx.a.cover(first, last + 1))
}

/// "US" for "United States" or the reverse.
fn acronym_of_any(words: &[String], other_names: &[Vec<String>]) -> bool {
    let whole = words.concat();
    // "DNNs" is the plural of "DNN".
    let mine = match whole.strip_suffix('s') {
        Some(stem) if words.len() == 1 && stem.len() > 1 => stem.to_owned(),
        _ => whole,
    };
    let acronym = initials(words);
    // Compared letter by letter and piece by piece, without making each
    // name's initials and joined words.
    let initials_are = |n: &[String], s: &str| n.iter().filter_map(|w| w.chars().next()).eq(s.chars());
    let joined_is = |n: &[String], s: &str| {
        n.iter().map(String::len).sum::<usize>() == s.len() && n.iter().flat_map(|w| w.bytes()).eq(s.bytes())
    };
    other_names
        .iter()
        .any(|n| initials_are(n, &mine) || (acronym.len() > 1 && joined_is(n, &acronym)))
}

/// "Iraq" / "Iraqi", "Iran" / "Iranian": one extends the other a little.
fn related(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.chars().count() >= 4 && long.starts_with(short) && long.len() - short.len() <= 4
}

/// Whether a capitalised word of the original sentence is the place or
/// people this word derives from ("Italy" / "Italian", "US" / "American").
fn derived_from_original(word: &str, side: &super::context::Side<'_>) -> bool {
    use crate::engine::wordnet::synonym_or_derived_cached;
    side.toks
        .iter()
        .filter(|t| t.is_word() && t.is_capitalised() && t.fold != word)
        .any(|t| {
            // Only the relation's first tests can answer Derived or Synonym:
            // asked without the rest (opposites, broader words, siblings).
            synonym_or_derived_cached(&t.fold, word)
        })
}

/// Whether the phrase stands where the original had another capitalised
/// word the rewrite dropped, one the new words do not derive from: "a
/// Japanese developer based in Lyon, France" → "a French developer": the
/// "French" comes from "France", but it replaced "Japanese".
fn replaces_other_name(cx: &UnitCx<'_>, p: NamePhrase, words: &[String]) -> bool {
    use crate::engine::wordnet::wordnet;
    let Some(span) = cx.content_a_for_b(p.start, p.end) else {
        return false;
    };
    cx.a.toks
        .iter()
        .filter(|t| span.start <= t.span.start && t.span.end <= span.end)
        .filter(|t| {
            t.is_word()
                && t.is_capitalised()
                && !t.sentence_start
                && t.text.chars().count() > 1
                && !super::lists::is_function_word(&t.fold)
                && !NOT_NAMES.contains(&t.fold.as_ref())
        })
        .any(|t| {
            !cx.b.toks.iter().any(|u| u.fold == t.fold)
                && words
                    .iter()
                    .all(|w| *w != *t.fold && !wordnet().synonym_or_derived(&t.fold, w))
        })
}

pub fn detect(cx: &UnitCx<'_>) -> Vec<Finding> {
    let pa = phrases(&cx.a);
    let pb = phrases(&cx.b);
    let words_a: Vec<Vec<String>> = pa.iter().map(|p| content(&cx.a, *p)).collect();
    let words_b: Vec<Vec<String>> = pb.iter().map(|p| content(&cx.b, *p)).collect();
    let missing_a: Vec<usize> = (0..pa.len())
        .filter(|&k| !words_a[k].is_empty() && !present_in(&words_a[k], &cx.b, &words_b))
        .collect();
    let mut out = Vec::new();
    // Original names a new name took the place of, and the findings of a
    // known name put where a dropped name stood, kept until the end: a
    // dropped name replaced twice is replaced once.
    let mut replaced: Vec<usize> = Vec::new();
    let mut known_swaps: Vec<(usize, Finding)> = Vec::new();
    let a_letters = std::cell::OnceCell::new();
    for (k, p) in pb.iter().enumerate() {
        let words = &words_b[k];
        if words.is_empty() {
            continue;
        }
        let guard = if acronym_of_any(words, &words_a) {
            Some(("acronym", "an acronym of a name the original gives"))
        } else if role_acronym(cx, *p) {
            Some(("role-acronym", "an abbreviation for a role, not a name"))
        } else if abbreviates_words(cx, *p) {
            Some((
                "abbreviation",
                "abbreviates lowercase words of the original sentence",
            ))
        } else if words.iter().all(|w| derived_from_original(w, &cx.a)) && !replaces_other_name(cx, *p, words)
        {
            Some(("derived-form", "derived from a name the original gives"))
        } else {
            None
        };
        if let Some((name, why)) = guard {
            out.push(dropped(cx, *p, name, why));
            continue;
        }
        // A word the whole original never uses is a new name even when the
        // phrase also holds known title words ("Prime Minister X").
        // Word breaks depend on the text around a word, so a name is also
        // known when the original sentence simply contains its letters.
        let undotted_eq = |t: &str, w: &str| t.chars().filter(|&c| c != '.').eq(w.chars());
        let new_words: Vec<&String> = words
            .iter()
            .filter(|w| {
                !cx.a.index.knows_word(w)
                    && !cx.a.toks.iter().any(|t| undotted_eq(&t.fold, w))
                    && !respelled(w, &cx.a, &cx.b)
                    && !plural_or_initials_of(w, &cx.a)
                    && !contains_word(
                        a_letters.get_or_init(|| cx.a.text(cx.a.span).to_lowercase().replace('.', "")),
                        w,
                    )
            })
            .collect();
        // "Don Meij" → "CEO Don Meij": a role put before a name the
        // original gives is no new name; a changed word of the name itself
        // is caught below.
        let first_known = words.iter().position(|w| !new_words.contains(&w));
        let title_added = first_known
            .is_some_and(|k| words[..k].len() == new_words.len() && new_words.iter().all(|w| role_word(w)));
        // "Ostrander" → "Mila Ostrander": a given name put before the
        // surname the original gives, where no name of the original
        // differs from this one in a word.
        // Only a speaker is surely a person ("New Hampshire" is another
        // place than "Hampshire").
        let reporting = |k: usize| {
            cx.b.toks
                .get(k)
                .is_some_and(|t| crate::engine::words::REPORTING_VERBS.contains(&t.fold.as_ref()))
        };
        let speaker = reporting(p.end) || (p.start.saturating_sub(SPEAKER_REACH)..p.start).any(reporting);
        let given_added = speaker
            && first_known.is_some_and(|k| {
                k == new_words.len()
                    && k > 0
                    && words.len() == k + 1
                    && one_word_changed(cx, words, &words_a).is_none()
                    && !other_given_name(
                        cx.a.doc.text(),
                        cx.b.text(cx.b.cover(p.end - 1, p.end)),
                        &words[..k],
                    )
            });
        let unknown = !new_words.is_empty() && !title_added && !given_added;
        // A role the original also uses, put before the new name ("Mayor
        // Petra Kovacs" for "mayor Ilse Varga"), is no part of the change.
        let role_words = (p.start..p.end - 1)
            .take_while(|&k| {
                let f = &cx.b.toks[k].fold;
                (cx.a.index.knows_word(f) || PERSON_TITLES.contains(&f.as_ref())) && role_word(f)
            })
            .count();
        let b_span = if unknown {
            cx.b.cover(p.start + role_words, p.end)
        } else {
            cx.b.cover(p.start, p.end)
        };
        let a_span = mapped_span(cx, p).or_else(|| cx.content_a_for_b(p.start, p.end));
        // A new name where the original had exactly one name the rewrite
        // drops: that is the name it replaced ("mayor Ilse Varga" → "Mayor
        // Petra Kovacs").
        let replaced_name = match missing_a.as_slice() {
            &[m] if unknown && !describes(cx, pa[m], cx.b.text(b_span)) => Some(m),
            _ => None,
        };
        replaced.extend(replaced_name);
        let name_span = replaced_name.map(|m| name_without_shared_role(cx, pa[m]));
        // ... when nothing else stood there, or to tighten a wider stretch
        // around that name ("an Airbus A320 flying" → "Airbus"). A new name
        // where the original's only name with words the rewrite lacks
        // stood replaced that one, whatever stretch the word diff pairs
        // with it ("the Corby Lyric Hall" → "Corby's Tannery Rooms").
        let sole_dropped = || {
            let lacks = |m: &usize| {
                words_a[*m]
                    .iter()
                    .any(|x| !cx.b.toks.iter().any(|t| bare(&t.fold) == x))
            };
            let mut lacking = (0..pa.len()).filter(lacks);
            match (lacking.next(), lacking.next()) {
                (Some(m), None) if unknown => Some(cx.a.cover(pa[m].start, pa[m].end)),
                _ => None,
            }
        };
        let a_span = match (a_span, name_span) {
            (None, n) => n,
            (Some(w), Some(n)) if w.start <= n.start && n.end <= w.end => Some(n),
            // ... or where the word diff paired the new name with the
            // title before the one it replaced ("said Councillor Ana
            // Whitby" / "said Councillor Jo Brandt").
            (Some(w), Some(n))
                if w.end <= n.start
                    && titles_only(cx, w)
                    && cx.a.text(w.join(n)).split_whitespace().count() <= 3 =>
            {
                Some(n)
            }
            (Some(w), None) => sole_dropped().or(Some(w)),
            (w, _) => w,
        };
        // A new word in a name the original gives with one other word
        // ("Ann Smith" → "Ann Baker"): that name is what changed.
        let a_span = match unknown.then(|| one_word_changed(cx, words, &words_a)).flatten() {
            Some(m) if replaced_name.is_none() => Some(cx.a.cover(pa[m].start, pa[m].end)),
            _ => a_span,
        };
        // A known name changed in one word, or swapped in place: the
        // original span is that name, as the reason says.
        let (a_span, conf, reason) = if unknown {
            let was = a_span.map_or_else(String::new, |s| format!("‘{}’ → ", clip(cx.a.text(s))));
            (
                a_span,
                0.85,
                format!(
                    "name changed: {was}‘{}’, a name the original never mentions",
                    clip(cx.b.text(b_span))
                ),
            )
        } else if let Some(m) = one_word_changed(cx, words, &words_a) {
            (
                Some(cx.a.cover(pa[m].start, pa[m].end)),
                0.7,
                swap_reason(cx, pa[m], b_span),
            )
        } else if let Some(m) = swapped_in_place(cx, *p, &pa, &words_a, words) {
            (
                Some(cx.a.cover(pa[m].start, pa[m].end)),
                0.7,
                swap_reason(cx, pa[m], b_span),
            )
        } else if present_in(words, &cx.a, &words_a) {
            if title_added && !new_words.is_empty() {
                out.push(dropped(
                    cx,
                    *p,
                    "role-before-name",
                    "a role put before a name the original gives",
                ));
            }
            continue;
        } else if let Some(&m) = missing_a.first() {
            if describes(cx, pa[m], cx.b.text(b_span)) || description_of(cx, a_span, cx.b.text(b_span)) {
                let why = "names the person the original describes";
                out.push(dropped(cx, *p, "description-named", why));
                continue;
            }
            if other_holders(cx, (&pa, &pb), pa[m], *p) {
                let why = "describes another person than the dropped name did, both named on both sides";
                out.push(dropped(cx, *p, "another-holder", why));
                continue;
            }
            // A role both sides give before the names is no part of the
            // change ("Councillor Marcus Odell" / "Councillor Lena
            // Whitcombe").
            let b_span = if role_words < p.end - p.start {
                cx.b.cover(p.start + role_words, p.end)
            } else {
                b_span
            };
            let finding = Finding::new(
                Kind::Name,
                0.6,
                a_span,
                Some(b_span),
                swap_reason(cx, pa[m], b_span),
            );
            known_swaps.push((m, finding));
            continue;
        } else {
            continue;
        };
        out.push(Finding::new(Kind::Name, conf, a_span, Some(b_span), reason));
    }
    // Each dropped name goes to the known name standing nearest its place.
    let place = |f: &Finding, m: usize| {
        let name = cx.a.cover(pa[m].start, pa[m].end);
        f.original.map_or(usize::MAX, |s| {
            if s.overlaps(name) {
                0
            } else {
                s.start.abs_diff(name.end).min(name.start.abs_diff(s.end))
            }
        })
    };
    known_swaps.sort_by_key(|(m, f)| (*m, place(f, *m)));
    let mut taken = replaced;
    for (m, finding) in known_swaps {
        if taken.contains(&m) {
            out.push(finding.dropped_by("replacement-found"));
        } else {
            taken.push(m);
            // Placed by the words the diff paired, pointed at the name it
            // replaced, as the reason says.
            let mut finding = finding;
            finding.original = Some(name_without_shared_role(cx, pa[m]));
            out.push(finding);
        }
    }
    out
}

/// Whether every word of an original span is a role word ("Councillor").
fn titles_only(cx: &UnitCx<'_>, span: crate::engine::text::Span) -> bool {
    let mut words =
        cx.a.toks
            .iter()
            .filter(|t| span.start <= t.span.start && t.span.end <= span.end && t.is_word())
            .peekable();
    words.peek().is_some() && words.all(|t| role_word(&t.fold))
}

/// An original name's span without the role words before it that the
/// rewrite also uses ("Councillor").
fn name_without_shared_role(cx: &UnitCx<'_>, p: NamePhrase) -> crate::engine::text::Span {
    let roles = (p.start..p.end - 1)
        .take_while(|&k| {
            let f = &cx.a.toks[k].fold;
            role_word(f) && cx.b.toks.iter().any(|t| t.fold == *f)
        })
        .count();
    cx.a.cover(p.start + roles, p.end)
}

/// Tokens between a name and the person it describes ("Harwick defender
/// Tom Ellery", "Sam Oduya, the Castleton winger").
const HOLDER_REACH: usize = 3;

/// The person a one-word name describes as a team or a place: a name
/// phrase of two words or more within [`HOLDER_REACH`] tokens, with only
/// lowercase words, "the" or a comma between.
fn holder(side: &Side<'_>, phrases: &[NamePhrase], p: NamePhrase) -> Option<NamePhrase> {
    let between_ok = |from: usize, to: usize| {
        side.toks[from..to]
            .iter()
            .all(|t| (t.is_word() && !t.is_capitalised()) || t.text == ",")
    };
    phrases.iter().copied().find(|q| {
        q.end - q.start >= 2
            && ((q.start >= p.end && q.start - p.end <= HOLDER_REACH && between_ok(p.end, q.start))
                || (p.start >= q.end && p.start - q.end <= HOLDER_REACH && between_ok(q.end, p.start)))
    })
}

/// Whether a dropped name and a known name put in its place each describe
/// a different person, both of whom the two sides name ("off Harwick
/// defender Tom Ellery, and winger Sam Oduya" / "off Ellery, and Sam
/// Oduya, the Castleton winger"): one description cut and another added,
/// not one name swapped.
fn other_holders(
    cx: &UnitCx<'_>,
    (pa, pb): (&[NamePhrase], &[NamePhrase]),
    gone: NamePhrase,
    new: NamePhrase,
) -> bool {
    if gone.end - gone.start != 1 || new.end - new.start != 1 {
        return false;
    }
    let (Some(ha), Some(hb)) = (holder(&cx.a, pa, gone), holder(&cx.b, pb, new)) else {
        return false;
    };
    let last = |side: &Side<'_>, q: NamePhrase| bare(&side.toks[q.end - 1].fold).to_string();
    let (la, lb) = (last(&cx.a, ha), last(&cx.b, hb));
    let names = |side: &Side<'_>, w: &str| side.toks.iter().any(|t| bare(&t.fold) == w);
    la != lb && names(&cx.b, &la) && names(&cx.a, &lb)
}

/// Whether one word is the other with an "s" ("PDFs" / "PDF").
fn plural_pair(a: &str, b: &str) -> bool {
    a.strip_suffix('s') == Some(b) || b.strip_suffix('s') == Some(a)
}

/// Whether a name word is the plural or the singular of a word of the
/// original sentence ("PDFs" / "PDF"), or the initials of capitalised words in a row there
/// ("DC" / "Detective Constable").
fn plural_or_initials_of(w: &str, side: &Side<'_>) -> bool {
    let plural = w.len() >= 2 && side.toks.iter().any(|t| plural_pair(bare(&t.fold), w));
    let n = w.chars().count();
    let initials = (2..=4).contains(&n)
        && w.chars().all(|c| c.is_ascii_alphabetic())
        && side.toks.windows(n).any(|run| {
            run.iter().all(|t| t.is_word() && t.is_capitalised())
                && run.iter().zip(w.chars()).all(|(t, c)| t.fold.starts_with(c))
        });
    plural || initials
}

/// A rewrite name a guard kept from being flagged.
fn dropped(cx: &UnitCx<'_>, p: NamePhrase, guard: &'static str, why: &str) -> Finding {
    let b_span = cx.b.cover(p.start, p.end);
    let a_span = mapped_span(cx, &p).or_else(|| cx.content_a_for_b(p.start, p.end));
    let reason = format!("‘{}’: {why}", clip(cx.b.text(b_span)));
    Finding::new(Kind::Name, 0.85, a_span, Some(b_span), reason).dropped_by(guard)
}

/// "name changed: ‘old’ → ‘new’" for an original phrase and a rewrite span.
fn swap_reason(cx: &UnitCx<'_>, old: NamePhrase, new: crate::engine::text::Span) -> String {
    let old = cx.a.cover(old.start, old.end);
    format!(
        "name changed: ‘{}’ → ‘{}’",
        clip(cx.a.text(old)),
        clip(cx.b.text(new))
    )
}

/// How far before a name a reporting verb makes it a speaker's ("said
/// harbour board chair Mila Ostrander").
const SPEAKER_REACH: usize = 6;

/// Whether `text` gives `surname` after a capitalised word that is not
/// one of `given` (folded): "Ann Ostrander" where the rewrite says "Mila
/// Ostrander".
fn other_given_name(text: &str, surname: &str, given: &[String]) -> bool {
    text.match_indices(surname).any(|(i, _)| {
        let before = text[..i].trim_end_matches(' ');
        let word_start = before
            .rfind(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
            .map_or(0, |j| j + before[j..].chars().next().map_or(1, char::len_utf8));
        let word = &before[word_start..];
        before.len() < i
            && word.chars().next().is_some_and(char::is_uppercase)
            && !given.iter().any(|g| g.eq_ignore_ascii_case(word))
    })
}

/// An original name of as many words that differs from this one in exactly
/// one word ("Mill Lane" → "Mill Road", "Western Shores" → "Eastern
/// Shores").
fn one_word_changed(cx: &UnitCx<'_>, words: &[String], words_a: &[Vec<String>]) -> Option<usize> {
    if words.len() < 2 {
        return None;
    }
    // The new word is used more often than in the original and the old one
    // less often ("Riverside Park, Castle Green" → "Riverside Park, Castle
    // Park"): a word both sides use as often has moved, not changed.
    let uses = |side: &Side<'_>, w: &str| side.toks.iter().filter(|t| bare(&t.fold) == w).count();
    words_a.iter().position(|a| {
        let differing: Vec<usize> = (0..a.len().min(words.len()))
            .filter(|&k| a[k] != words[k])
            .collect();
        a.len() == words.len()
            && differing.len() == 1
            && uses(&cx.b, &words[differing[0]]) > uses(&cx.a, &words[differing[0]])
            && uses(&cx.a, &a[differing[0]]) > uses(&cx.b, &a[differing[0]])
            && !respelled(&words[differing[0]], &cx.a, &cx.b)
    })
}

/// An original name standing where the rewrite's name stands (between the
/// same shared words, nothing else of a name there), when the swap changes
/// how often each is used: "the Bronze, Silver and Gold plans … the Silver
/// plan" → "… the Bronze plan" names the other plan, though both names
/// appear on both sides.
fn swapped_in_place(
    cx: &UnitCx<'_>,
    p: NamePhrase,
    pa: &[NamePhrase],
    words_a: &[Vec<String>],
    words: &[String],
) -> Option<usize> {
    if (p.start..p.end).any(|k| cx.map.b_to_a[k].is_some()) {
        return None;
    }
    let before = (0..p.start).rev().find_map(|k| cx.map.b_to_a[k]);
    let after = (p.end..cx.b.toks.len()).find_map(|k| cx.map.b_to_a[k]);
    let lo = before.map_or(0, |i| i + 1);
    let hi = after.unwrap_or(cx.a.toks.len());
    let inside: Vec<usize> = (0..pa.len())
        .filter(|&m| pa[m].start >= lo && pa[m].end <= hi)
        .collect();
    let &[m] = inside.as_slice() else {
        return None;
    };
    let uses = |side: &Side<'_>, w: &str| side.toks.iter().filter(|t| bare(&t.fold) == w).count();
    let new: Vec<String> = words.iter().map(|w| bare(w).to_owned()).collect();
    let old: Vec<String> = words_a[m].iter().map(|w| bare(w).to_owned()).collect();
    let gained = new.iter().any(|w| uses(&cx.b, w) > uses(&cx.a, w));
    let lost = old.iter().any(|w| uses(&cx.a, w) > uses(&cx.b, w));
    // Only when both names stay on both sides: a name that left or arrived
    // is the other rules' call (and may be a description named).
    let on = |side: &Side<'_>, ws: &[String]| ws.iter().all(|w| uses(side, w) > 0);
    let both = on(&cx.a, &new) && on(&cx.b, &old);
    (old != new && gained && lost && both).then_some(m)
}

/// Bytes around a name searched for the name a description uses.
const LINK_WINDOW: usize = 60;

/// Whether the original phrase is a name used in a description ("the
/// Rovers manager") that the original links to the rewrite's name
/// elsewhere ("Clara Whitcombe, who took charge of Rovers"): the rewrite
/// named the person described, which is no swap.
fn describes(cx: &UnitCx<'_>, p: NamePhrase, new_name: &str) -> bool {
    let toks = &cx.a.toks;
    let determined = p.start > 0 && matches!(toks[p.start - 1].fold.as_ref(), "the" | "a" | "an");
    let noun_follows = toks
        .get(p.end)
        .is_some_and(|t| t.is_word() && !t.is_capitalised());
    if !determined || !noun_follows {
        return false;
    }
    let old = cx.a.text(cx.a.cover(p.start, p.end));
    said_near(cx.a.doc.text(), new_name, LINK_WINDOW, |near| near.contains(old))
}

/// Whether `test` holds for some stretch of `text` around an occurrence
/// of `name`: up to `window` bytes either side, within its sentence.
fn said_near(text: &str, name: &str, window: usize, test: impl Fn(&str) -> bool) -> bool {
    let near = |i: usize| {
        let ends = |c: char| matches!(c, '.' | '!' | '?');
        let lo = floor_boundary(text, i.saturating_sub(window));
        let lo = text[lo..i].rfind(ends).map_or(lo, |k| lo + k + 1);
        let after = i + name.len();
        let hi = floor_boundary(text, (after + window).min(text.len()));
        let hi = text[after..hi].find(ends).map_or(hi, |k| after + k);
        test(&text[lo..hi])
    };
    // The same matches as `str::match_indices` (left to right, not
    // overlapping), found by a vectorised search: this scans the whole
    // document.
    !name.is_empty() && memchr::memmem::find_iter(text.as_bytes(), name.as_bytes()).any(near)
}

/// Bytes either side of a name searched for the noun of a description of
/// it: the rest of its sentence, as a rule.
const SENTENCE_WINDOW: usize = 200;

/// Whether the original words facing a known name are a description the
/// original gives that name elsewhere ("school leavers from the town" →
/// "from Pellmouth", where the original says "Pellmouth's mayor … the
/// town's oldest employers"): the rewrite named what the original
/// described.
fn description_of(cx: &UnitCx<'_>, facing: Option<crate::engine::text::Span>, name: &str) -> bool {
    let Some(span) = facing else { return false };
    let words: Vec<&str> =
        cx.a.text(span)
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .collect();
    let [det, noun] = words.as_slice() else {
        return false;
    };
    let determined = matches!(det.to_lowercase().as_str(), "the" | "this" | "that");
    let plain = noun.chars().all(|c| c.is_lowercase());
    determined && plain && described_as(cx.a.doc.text(), name, noun)
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A spelling variant of a word on the other side ("Honour" / "Honor",
/// "Mohammed" / "Muhammad"), not another name. Short names differ by one letter at most ("Honour" / "Honor"), longer
/// ones by two; "Sofia" / "Sonja" are two names.
fn respelled(word: &str, other: &Side<'_>, own: &Side<'_>) -> bool {
    let len = word.chars().count();
    let allowed = if len >= 8 { 2 } else { 1 };
    // Two words the lexical database knows apart are two words, however
    // alike their letters ("African" / "American"); two spellings of one
    // ("Mohammed" / "Muhammad") share a sense.
    let wn = crate::engine::wordnet::wordnet();
    let two_words =
        |t: &str| wn.knows(t) && wn.knows(word) && !wn.same_lemma(t, word) && !wn.is_synonym(t, word);
    // A word the rewrite still has as it was is not what it respelled:
    // "the new landmark rules" stays, so "Landmarks Partners" is new.
    len >= 5
        && other.toks.iter().any(|t| {
            t.is_word()
                && t.fold.chars().count() >= 5
                && strsim::levenshtein(&t.fold, word) <= allowed
                && !own.toks.iter().any(|u| u.fold == t.fold)
                && !two_words(&t.fold)
        })
}

/// Whether `word` occurs in `text` with no letter or digit either side.
/// Whether `text` calls `name` by the common noun `noun` in a sentence
/// that names it ("Brightlane … the company", "manager Ewa Kowalczyk"):
/// the description and the name are one party.
pub(super) fn described_as(text: &str, name: &str, noun: &str) -> bool {
    said_near(text, name, SENTENCE_WINDOW, |near| {
        contains_word(&near.to_lowercase(), noun)
    })
}

/// Bytes before a name searched for a title ("Health Minister Jo
/// Taylor").
const TITLE_WINDOW: usize = 25;

/// [`described_as`] with the noun at most `window` bytes from the name,
/// in lowercase ("Velden Mills, the flour company": a description beside
/// it; not "the League … from the Dalby Electoral Commission", another
/// name),
/// or as a title just before it ("Health Minister Jo Taylor").
pub(super) fn described_within(text: &str, name: &str, noun: &str, window: usize) -> bool {
    said_near(text, name, window, |near| {
        contains_word(near, noun)
            || near.find(name).is_some_and(|at| {
                // The noun, then only capitalised words up to the name.
                let lo = floor_boundary(near, at.saturating_sub(TITLE_WINDOW));
                let before = near[lo..at].to_lowercase();
                before.rfind(noun).is_some_and(|k| {
                    near[lo + k + noun.len()..at]
                        .split_whitespace()
                        .all(|w| w.starts_with(char::is_uppercase))
                        && contains_word(&before[k..], noun)
                })
            })
    })
}

fn contains_word(text: &str, word: &str) -> bool {
    !word.is_empty()
        && text.match_indices(word).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}
