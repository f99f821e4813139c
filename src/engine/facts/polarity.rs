//! Negation and hedging: "did not approve" → "approved", "may close" →
//! "will close". Counted outside quotations (a quote change is flagged as a
//! quote).

use super::clip;
use super::context::{Side, Tok, UnitCx, counterpart};
use super::{Detector, Guard};
use crate::engine::discrepancy::{Finding, Kind};
use crate::engine::text::Span;
use crate::engine::words::MATCH_VERBS;
use crate::engine::words::{
    AIM_VERBS, AUXILIARIES, AVOID_VERBS, BE_FORMS, CHANGE_VERBS, CONTRAST_OPENERS, DEMAND_VERBS, FIRM_MODALS,
    FORECASTS, HEARSAY, HEDGES, NEGATIVE_PREFIXES, NEGATIVE_WORDS, NOT_ONLY, PASSIVE_HEDGES, PRICE_VERBS,
    STEADY_WORDS,
};
use std::sync::LazyLock;

/// Registry entry (see [`super::DETECTORS`]).
pub const DETECTOR: Detector = Detector {
    name: "polarity",
    kinds: &[Kind::Negation, Kind::Modality],
    catches: "a negation or a hedge added or dropped",
    guards: &[
        Guard {
            name: "opposite-said",
            keeps_out: "a negation dropped or added with the negated word's opposite on the other side (\"not open\" / \"closed\")",
        },
        Guard {
            name: "superlative-said",
            keeps_out: "\"no\" or \"nothing\" before a comparative, with a superlative on the other side (\"the busiest stretch\" / \"no stretch was busier\", \"faster than any man\" / \"no man could go faster\")",
        },
        Guard {
            name: "answered-elsewhere",
            keeps_out: "a negation answered by a negative word the other side has unmatched beyond the words facing it (\"was unavoidable\" / \"left no way of avoiding\")",
        },
        Guard {
            name: "could-ability",
            keeps_out: "\"could\" answered by no \"will\" or \"shall\": an ability in a narrative (\"could move goods in an hour\" / \"moving goods in an hour\")",
        },
        Guard {
            name: "stacked-hedge",
            keeps_out: "a hedging verb whose \"that\" clause holds another dropped hedge: one claim, flagged once at the hedge nearest it (\"indications suggested that it may have failed\" / \"it failed\")",
        },
        Guard {
            name: "marker-elsewhere",
            keeps_out: "a negation or hedge the other side also has, out of reach of the word diff (\"neither of which she would discuss\" / \"she would not go into detail about either\")",
        },
    ],
    run: detect,
};

/// Words that negate only before their particle: "failed to", "declined
/// to", "rather than", "instead of" ("the bank failed", "sales declined"
/// negate nothing).
pub(super) const NEGATIVE_BEFORE: &[(&str, &str)] = &[
    ("fail", "to"),
    ("fails", "to"),
    ("failed", "to"),
    ("failing", "to"),
    ("declined", "to"),
    ("declines", "to"),
    ("rather", "than"),
    // "did little to slow her" is "barely slowed her".
    ("little", "to"),
    ("instead", "of"),
    // "the roof was anything but cheap", "far from cheap".
    ("anything", "but"),
    ("far", "from"),
    // "has yet to post a profit" has not posted one.
    ("yet", "to"),
];

/// Tokens a "not" may stand before its "until": "did not open until
/// 1998" and "not until 1998 did it open" say when it opened, not that it
/// did not.
const UNTIL_REACH: usize = 3;

/// Tokens between a price verb and its "nothing": "cost her almost
/// nothing".
const PRICE_REACH: usize = 3;

fn is_negator(side: &Side<'_>, i: usize) -> bool {
    let f = side.toks[i].fold.as_ref();
    // "no fewer than 40" is "at least 40", "no larger than a coin" "at
    // most the size of one".
    let comparative = side
        .toks
        .get(i + 1)
        .is_some_and(|n| matches!(n.fold.as_ref(), "fewer" | "less" | "more") || n.fold.ends_with("er"))
        && side.toks.get(i + 2).is_some_and(|n| n.fold == "than");
    if f == "no" && comparative {
        return false;
    }
    // "the two no votes", "a no vote": "no" naming the vote against, after
    // an article (and a figure), denies nothing ("four of those nine no
    // justification" does).
    let article = |k: usize| matches!(side.toks[k].fold.as_ref(), "a" | "an" | "the");
    let figure = |k: usize| {
        let g = side.toks[k].fold.as_ref();
        super::numbers::is_number_word(g) || g.starts_with(|c: char| c.is_ascii_digit())
    };
    if f == "no" && i > 0 && (article(i - 1) || (i > 1 && figure(i - 1) && article(i - 2))) {
        return false;
    }
    // "costs (her almost) nothing" is a price of zero: "is free".
    let before = &side.toks[i.saturating_sub(PRICE_REACH)..i];
    if f == "nothing"
        && before.iter().any(|t| PRICE_VERBS.contains(&t.fold.as_ref()))
        && before.iter().all(|t| t.is_word())
    {
        return false;
    }
    // "not until 2000" / "did not open until 2000": a time, not a denial.
    if negated_time(side, i, &["until", "till"]) {
        return false;
    }
    let next = side.toks.get(i + 1).map_or("", |t| t.fold.as_ref());
    // "not only tenants but also landlords": an addition, not a denial.
    if f == "not" && NOT_ONLY.contains(&next) {
        return false;
    }
    // "nothing more than a gesture", "no more than 20", "nothing but
    // praise", "none other than the mayor": a limit or an emphasis, as
    // "only" is, not a denial.
    let then = side.toks.get(i + 2).map_or("", |t| t.fold.as_ref());
    if matches!(f, "nothing" | "no" | "none")
        && (matches!((next, then), ("more" | "less" | "other", "than")) || (f == "nothing" && next == "but"))
    {
        return false;
    }
    if super::lists::is_denial(f) {
        return true;
    }
    // "far from the sea" is a distance; "far from smooth" a denial.
    if f == "far" && next == "from" {
        let wn = crate::engine::wordnet::wordnet();
        return side.toks.get(i + 2).is_some_and(|t| {
            t.is_word()
                && wn.can_be_adjective(&t.fold)
                && !crate::engine::words::DETERMINERS.contains(&t.fold.as_ref())
        });
    }
    NEGATIVE_BEFORE.iter().any(|&(w, p)| w == f && p == next)
}

/// Whether token `i` is "not" or a "-n't" word with one of `words` ("until",
/// "before") a few words after it: "can't leave before 9:30".
fn negated_time(side: &Side<'_>, i: usize, words: &[&str]) -> bool {
    let f = side.toks[i].fold.as_ref();
    (f == "not" || f.ends_with("n't"))
        && side.toks[i + 1..]
            .iter()
            .take(UNTIL_REACH + 1)
            .take_while(|t| t.is_word())
            .any(|t| words.contains(&t.fold.as_ref()))
}

/// Words that carry a negation or a refusal without being counted as one
/// ("unhurt", "except", "a shortage of"): near a counterpart
/// they answer a negator. A prefixed word answers only a negator of the
/// word it is made from ("not hurt" / "unhurt"; "discussed" is no negative
/// of anything the negator covers in "did not discuss"): `scope` holds the
/// words the negator covers. The word made may be a synonym's ("not
/// working" / "malfunctions"), and a "-less" word is "without" its stem
/// ("without a win" / "winless").
fn negative_word(fold: &str, scope: &[&Tok<'_>]) -> bool {
    use crate::engine::lexicon::stem;
    use crate::engine::wordnet::{Relation, relation_cached};
    let made_from = |rest: &str| {
        rest.len() >= 3 && {
            let rest_stem = stem(rest);
            scope
                .iter()
                .any(|s| s.stem == rest_stem || relation_cached(&s.fold, rest, false) == Relation::Synonym)
        }
    };
    NEGATIVE_WORDS.contains(&fold)
        || NEGATIVE_PREFIXES
            .iter()
            .any(|p| fold.len() > p.len() + 3 && fold.strip_prefix(p).is_some_and(made_from))
        || fold.strip_suffix("less").is_some_and(made_from)
}

/// A negative word, or the particle of a negative phrase: "turned down",
/// "voted against".
fn negative_phrase(side: &Side<'_>, k: usize, scope: &[&Tok<'_>]) -> bool {
    const PHRASES: &[(&str, &[&str])] = &[
        ("down", &["turn", "turns", "turned", "turning"]),
        ("against", &["vote", "votes", "voted", "voting"]),
        (
            "out",
            &[
                "stay", "stays", "stayed", "staying", "kept", "keep", "keeps", "rule", "rules", "ruled",
                "ruling", "drop", "drops", "dropped", "dropping", "pull", "pulls", "pulled", "pulling",
            ],
        ),
    ];
    let fold = side.toks[k].fold.as_ref();
    let before = if k > 0 { side.toks[k - 1].fold.as_ref() } else { "" };
    // A verb that negates what follows it answers only a negation of the
    // same thing: "not to travel" / "to avoid travelling", but not "not
    // shout" beside "avoid walking".
    let same_object = || {
        use crate::engine::wordnet::{Relation, relation_cached};
        let (Some(s), Some(t)) = (scope.first(), self::scope(side, k).next()) else {
            return true;
        };
        s.stem == t.stem || relation_cached(&s.fold, &t.fold, false) == Relation::Synonym
    };
    // "unlikely to start" / "probably would not start": a hedge with its
    // negation inside.
    let unhedged = fold.strip_prefix("un").is_some_and(|rest| HEDGES.contains(&rest));
    // The negated word itself is no answer: "did not cut jobs" / "cutting
    // jobs" is a flip.
    let negated_itself = scope.iter().any(|s| s.stem == side.toks[k].stem);
    (negative_word(fold, scope) && !negated_itself)
        || (AVOID_VERBS.contains(&fold) && same_object())
        || unhedged
        // "no other woman in her year" / "the only woman in her year".
        || (fold == "only" && scope.first().is_some_and(|s| s.fold == "other"))
        // "would not endorse" / "ruled out endorsing"; but "had not ruled
        // out" is the negation of the phrase itself.
        || PHRASES
            .iter()
            .any(|(p, verbs)| *p == fold && verbs.contains(&before) && !scope.iter().any(|s| s.fold == before))
}

/// "not yet received" / "still waiting"; "not ruled out" / "remained
/// possible"; "did not rise" / "stayed flat": what a negation says, said
/// the other way round.
fn said_the_other_way(side: &Side<'_>, k: usize, scope: &[&Tok<'_>]) -> bool {
    /// Stems of the change verbs, made once.
    static CHANGE_STEMS: LazyLock<Vec<String>> = LazyLock::new(|| {
        CHANGE_VERBS
            .iter()
            .map(|v| crate::engine::lexicon::stem(v))
            .collect()
    });
    let f = side.toks[k].fold.as_ref();
    let covers = |w: &str| scope.iter().any(|s| s.fold == w);
    let changes = || {
        scope
            .iter()
            .any(|s| CHANGE_VERBS.contains(&s.fold.as_ref()) || CHANGE_STEMS.iter().any(|c| *c == *s.stem))
    };
    (f == "still" && covers("yet"))
        || (matches!(f, "possible" | "possibility") && covers("ruled"))
        || (STEADY_WORDS.contains(&f) && changes())
}

/// "did not look likely" / "few would have predicted it"; "not many
/// came" / "few came": "few" says what "not" says. Only "not": "none
/// came" / "few came" is another number.
fn few_for_not(side: &Side<'_>, k: usize, marker: &str) -> bool {
    side.toks[k].fold == "few" && (marker == "not" || marker.ends_with("n't"))
}

/// "rather than" and "instead of" say the same thing: either answers the
/// other wherever it stands in the unit ("instead of being scrapped" /
/// "rather than being axed, the service …").
fn contrast_marker(fold: &str) -> bool {
    matches!(fold, "rather" | "instead")
}

/// Content words after a marker that make up what it negates or hedges.
const SCOPE_WORDS: usize = 3;

/// Whether the other side still says what marker `i` applies to: one of the
/// next content words is there. A marker inside a clause the rewrite
/// dropped ("who asked not to be named") is a removal, not a flip.
fn scope_kept(side: &Side<'_>, other: &Side<'_>, i: usize) -> bool {
    use crate::engine::wordnet::wordnet;
    let content = |u: &&Tok<'_>| u.is_word() && !super::lists::is_function_word(&u.fold);
    let scope: Vec<_> = scope(side, i).collect();
    if scope.is_empty() {
        return false;
    }
    // Whether some scope word and some word of the other side share a
    // stem or a lemma. Stems first, over the whole side: they are
    // compared in place, while a lemma is a look-up, and a kept scope
    // word is nearly always kept with its stem (the same test: either
    // match anywhere keeps the scope). Each word's lemmas are looked up
    // once, not once per pair (`WordNet::same_lemma` of every pair is the
    // same test).
    let wn = wordnet();
    let kept = other.toks.iter().any(|u| scope.iter().any(|t| u.stem == t.stem)) || {
        let scope_lemmas: Vec<Vec<usize>> = scope.iter().map(|t| wn.lemmas(&t.fold)).collect();
        other.toks.iter().filter(|u| u.is_word()).any(|u| {
            let of_u = wn.lemmas(&u.fold);
            scope_lemmas
                .iter()
                .any(|of_t| of_t.iter().any(|k| of_u.contains(k)))
        })
    };
    kept || scope.iter().any(|t| {
        // "No one was hurt" / "Nobody was injured": a synonym, asked
        // without the rest of the relation (its first test, the only one
        // that can answer Synonym).
        other
            .toks
            .iter()
            .filter(content)
            .any(|u| wn.is_synonym(&t.fold, &u.fold))
    })
}

/// Whether a word is a form of "be" or an auxiliary ("are", "has").
fn be_or_auxiliary(fold: &str) -> bool {
    BE_FORMS.contains(&fold) || AUXILIARIES.contains(&fold)
}

/// The content words after marker `i` that it applies to; where none
/// follows, the verb right after it ("…, it has not said."), not a bare
/// "be" or auxiliary, which stands for words said elsewhere ("It rarely
/// was.").
fn scope<'s, 'a>(side: &'s Side<'a>, i: usize) -> impl Iterator<Item = &'s Tok<'a>> {
    let after = &side.toks[i + 1..];
    let content = |t: &&Tok<'a>| t.is_word() && !super::lists::is_function_word(&t.fold);
    let last_word = !after.iter().any(|t| content(&t));
    let next_word = after
        .iter()
        .find(|t| t.is_word())
        .filter(|t| last_word && !be_or_auxiliary(&t.fold));
    after.iter().filter(content).take(SCOPE_WORDS).chain(next_word)
}

/// Verbs that report a claim or a belief rather than a fact, and the word
/// that must follow them to do so: "are accused of putting" → "put",
/// "said she felt that X" → "X", "claimed the firm hid" → "the firm hid".
const EVIDENTIALS: &[(&str, &[&str])] = &[
    ("accused", &["of"]),
    ("accuses", &["of"]),
    ("accusing", &["of"]),
    ("felt", &["that"]),
    ("feels", &["that"]),
    ("believes", &["that"]),
    ("claimed", &["that"]),
    ("claiming", &["that"]),
    ("claims", &["that"]),
    ("insisted", &["that"]),
    ("insists", &["that"]),
];

/// Tokens after an evidential verb searched for the word that makes it one
/// ("accused the mayor of", "felt strongly that").
const EVIDENTIAL_REACH: usize = 4;

/// Tokens after "insisted that" searched for the bare "be" or "should" of
/// a demand.
const DEMAND_REACH: usize = 6;

/// Whether token `i` is an evidential verb followed by what makes it one.
fn is_evidential(side: &Side<'_>, i: usize) -> bool {
    let f = side.toks[i].fold.as_ref();
    // "insisted that every sample be sorted twice": a demand, not a claim.
    let demand = f.starts_with("insist")
        && side
            .toks
            .iter()
            .skip(i + 2)
            .take(DEMAND_REACH)
            .take_while(|n| n.is_word())
            .any(|n| matches!(n.fold.as_ref(), "be" | "should" | "must"));
    if demand {
        return false;
    }
    EVIDENTIALS.iter().any(|(w, next)| {
        *w == f
            && side
                .toks
                .iter()
                .skip(i + 1)
                .take(EVIDENTIAL_REACH)
                .take_while(|n| n.is_word())
                .any(|n| next.contains(&n.fold.as_ref()))
    })
}

fn is_hedge(side: &Side<'_>, i: usize) -> bool {
    let t = &side.toks[i];
    let f = t.fold.as_ref();
    if is_evidential(side, i) || said_to(side, i) {
        return true;
    }
    if !HEDGES.contains(&f) {
        return false;
    }
    // "May" capitalised mid-sentence is the month.
    if f == "may" && t.is_capitalised() && !t.sentence_start {
        return false;
    }
    // "the data suggest that" hedges; "suggests a change" advises.
    if (f.starts_with("suggest") || f.starts_with("indicat"))
        && side.toks.get(i + 1).is_none_or(|n| n.fold != "that")
    {
        return false;
    }
    // "appeared tired", "seems to" hedge; "appeared on Wednesday",
    // "appeared in court" do not.
    if (f.starts_with("appear") || f.starts_with("seem"))
        && side.toks.get(i + 1).is_some_and(|n| {
            n.is_word()
                && super::lists::is_function_word(&n.fold)
                && !matches!(n.fold.as_ref(), "to" | "that")
        })
    {
        return false;
    }
    // "could not yet say": an inability, which the negation carries.
    if matches!(f, "could" | "can") && side.toks.get(i + 1).is_some_and(|n| n.fold == "not") {
        return false;
    }
    // "so that the surveys could continue": a purpose, not a doubt.
    if matches!(f, "could" | "might" | "may") && purpose_before(side, i) {
        return false;
    }
    // "expects revenue to grow", "expects that": a forecast of its own;
    // "expects a baby" is no hedge.
    if f.starts_with("expect")
        && !PASSIVE_HEDGES.contains(&f)
        && !side.toks[i + 1..]
            .iter()
            .take(EXPECT_REACH)
            .any(|n| matches!(n.fold.as_ref(), "to" | "that"))
    {
        return false;
    }
    // "hoped to begin", "in the hope of" hedge; "there is hope" does not.
    if f.starts_with("hop")
        && !side
            .toks
            .get(i + 1)
            .is_some_and(|n| matches!(n.fold.as_ref(), "to" | "that" | "of"))
    {
        return false;
    }
    if PASSIVE_HEDGES.contains(&f) {
        // "analysts had expected", "nobody had thought": someone's view,
        // reported as such.
        if i > 0 && matches!(side.toks[i - 1].fold.as_ref(), "had" | "has" | "have") {
            return false;
        }
        let after_be = i > 0 && BE_FORMS.contains(&side.toks[i - 1].fold.as_ref());
        let before_to = side
            .toks
            .get(i + 1)
            .is_some_and(|n| n.fold == "to" || n.fold == "that");
        return after_be || before_to || (f != "believed" && f != "thought" && f != "understood");
    }
    true
}

/// Tokens after "expects" searched for the "to" or "that" of a forecast.
const EXPECT_REACH: usize = 6;

/// Tokens before a modal searched for "so that" / "in order that".
const PURPOSE_REACH: usize = 5;

/// Whether a modal stands in a purpose clause ("so that X could go").
fn purpose_before(side: &Side<'_>, i: usize) -> bool {
    let lo = i.saturating_sub(PURPOSE_REACH);
    (lo..i).any(|k| {
        side.toks[k].fold == "that"
            && k > 0
            && matches!(side.toks[k - 1].fold.as_ref(), "so" | "order")
            && side.toks[k + 1..i].iter().all(Tok::is_word)
    })
}

/// "is said to be": the passive of a reporting verb hedges as
/// "reportedly" does.
fn said_to(side: &Side<'_>, i: usize) -> bool {
    side.toks[i].fold == "said"
        && i > 0
        && BE_FORMS.contains(&side.toks[i - 1].fold.as_ref())
        && side.toks.get(i + 1).is_some_and(|n| n.fold == "to")
}

/// Words that answer a hedge: a forecast ("forecast", "projected") or the
/// ability a "could" may mean ("could identify" / "able to identify"). A
/// hearsay word is answered by a source named anywhere ("reportedly" /
/// "according to reports").
fn hedge_answer(side: &Side<'_>, k: usize, marker: &str) -> bool {
    let f = side.toks[k].fold.as_ref();
    // "unconfirmed" / "not yet confirmed": the negation is the polarity
    // rule's to weigh.
    let unprefixed = marker
        .strip_prefix("un")
        .is_some_and(|rest| crate::engine::lexicon::stem(rest) == side.toks[k].stem);
    FORECASTS.contains(&f)
        || (matches!(marker, "could" | "can") && matches!(f, "able" | "capable" | "managed"))
        // "Dogs are welcome on the ferry" / "Dogs may travel on it": "may"
        // giving leave, said as a permission.
        || (marker == "may" && matches!(f, "welcome" | "allowed" | "permitted" | "free"))
        // "insisted that students spend" / "required students to spend": a
        // demand, said with another verb of demanding.
        || (marker.starts_with("insist") && DEMAND_VERBS.contains(&f))
        // "hoped to" / "wished to", "aimed to": an aim, said with another
        // verb of aiming.
        || (marker.starts_with("hop") && AIM_VERBS.contains(&f))
        || unprefixed
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

/// Whether a token answers a marker: (side, token, marker, words the
/// marker covers).
type Answers = dyn Fn(&Side<'_>, usize, &str, &[&Tok<'_>]) -> bool;

struct Rule<'r> {
    kind: Kind,
    pred: &'r dyn Fn(&Side<'_>, usize) -> bool,
    more_in_original: &'r str,
    more_in_rewrite: &'r str,
    /// Other words that express the same thing ("except", "un-"), near
    /// the marker's counterpart: (side, token, marker, words it covers).
    answers: &'r Answers,
    /// Whether the other side answers a marker anywhere in it.
    answered_anywhere: &'r dyn Fn(&Side<'_>, &str) -> bool,
    conf: f32,
}

/// The tokens of `other` facing token `i` (through `map`), with
/// [`CONTEXT`] tokens either side.
fn facing(other: &Side<'_>, map: &[Option<usize>], i: usize) -> std::ops::Range<usize> {
    let (s, e) = counterpart(map, other.toks.len(), i, i + 1).unwrap_or((0, 0));
    s.saturating_sub(CONTEXT)..(e + CONTEXT).min(other.toks.len())
}

/// Whether marker `i` of `side` has no counterpart: the word diff left it
/// unmatched (`map`: `side`'s tokens to `other`'s) and the words facing it
/// on the other side hold no marker of the same kind nor an answer.
fn unanswered(rule: &Rule<'_>, side: &Side<'_>, other: &Side<'_>, map: &[Option<usize>], i: usize) -> bool {
    // Every marker counted kept its scope (see `apply`).
    map[i].is_none() && {
        let window = facing(other, map, i);
        let marker = &side.toks[i].fold;
        let scope: Vec<&Tok<'_>> = scope(side, i).collect();
        // An evidential verb the other side also uses was kept, its
        // object moved ("X accused Y of" → "Y accused X, who …, of").
        let kept_verb =
            EVIDENTIALS.iter().any(|(w, _)| w == marker) && other.toks.iter().any(|t| &t.fold == marker);
        // An answering word the marker's side also has was kept, not put
        // in the marker's place ("estimate that farmers could save" /
        // "estimate that farmers will save").
        let kept = |k: usize| side.toks.iter().any(|t| t.fold == other.toks[k].fold);
        !kept_verb
            && !(rule.answered_anywhere)(other, marker)
            && !window.into_iter().any(|k| {
                (rule.pred)(other, k)
                    || ((rule.answers)(other, k, marker, &scope) && !kept(k))
                    || synonym(marker, &other.toks[k].fold)
            })
    }
}

/// One finding per marker that one side has beyond the other's count and
/// that has no counterpart: the word diff left it unmatched and the words
/// facing it on the other side hold no marker of the same kind.
fn apply(cx: &UnitCx<'_>, rule: &Rule<'_>) -> Vec<Finding> {
    // A marker whose words the other side dropped went with its clause
    // ("…, but not for elderly users" cut): it does not count against a
    // marker the other side added ("a mention" → "no mention").
    let ma: Vec<usize> = marks(&cx.a, rule.pred)
        .into_iter()
        .filter(|&i| scope_kept(&cx.a, &cx.b, i))
        .collect();
    let mb: Vec<usize> = marks(&cx.b, rule.pred)
        .into_iter()
        .filter(|&i| scope_kept(&cx.b, &cx.a, i))
        .collect();
    let on_original = ma.len() > mb.len();
    let (extra, fewer, side, other, map) = if on_original {
        (&ma, &mb, &cx.a, &cx.b, &cx.map.a_to_b)
    } else {
        (&mb, &ma, &cx.b, &cx.a, &cx.map.b_to_a)
    };
    let other_map = if on_original {
        &cx.map.b_to_a
    } else {
        &cx.map.a_to_b
    };
    let surplus = ma.len().abs_diff(mb.len());
    // Each marker of the side with fewer that the word diff left unmatched
    // takes a surplus marker facing it; one facing none is a negation
    // moved out of reach ("neither of which she would discuss" / "she
    // would not go into detail about either") and cancels a surplus one.
    let mut taken = Vec::new();
    let mut floating = 0;
    for &j in fewer.iter().filter(|&&j| other_map[j].is_none()) {
        match facing(side, other_map, j).find(|k| extra.contains(k) && !taken.contains(k)) {
            Some(k) => taken.push(k),
            None => floating += 1,
        }
    }
    let unanswered = |i: &usize| !taken.contains(i) && unanswered(rule, side, other, map, *i);
    // "not open" → "closed": the other side says the negated word's
    // opposite, which is the same statement.
    // The opposite may stand anywhere the word diff left unmatched ("she
    // never lost her accent despite …" / "in spite of … she kept her
    // accent").
    let opposite_said = |i: usize| {
        let (_, end) = phrase(side, i);
        let (s, e) = counterpart(map, other.toks.len(), i, end).unwrap_or((0, 0));
        let window = s.saturating_sub(CONTEXT)..(e + CONTEXT).min(other.toks.len());
        let free = |k: usize| window.contains(&k) || other_map[k].is_none();
        rule.kind == Kind::Negation
            && side.toks[i + 1..end].iter().any(|t| {
                t.is_word()
                    && (0..other.toks.len()).filter(|&k| free(k)).any(|k| {
                        let o = &other.toks[k];
                        o.is_word() && opposite(&t.fold, &o.fold)
                    })
            })
    };
    // "can't leave before 9:30" / "can't set off until half past nine":
    // the time the other side gives with "not until", which counts as no
    // negation there.
    let until_said = |i: usize| {
        rule.kind == Kind::Negation
            && negated_time(side, i, &["before"])
            && (0..other.toks.len()).any(|k| negated_time(other, k, &["until", "till"]))
    };
    let mut picked = Vec::new();
    let mut dropped = Vec::new();
    for i in extra.iter().copied().filter(unanswered) {
        if until_said(i) {
            dropped.push(finding(cx, rule, i, on_original).dropped_by("marker-elsewhere"));
        } else if opposite_said(i) {
            dropped.push(finding(cx, rule, i, on_original).dropped_by("opposite-said"));
        } else if rule.kind == Kind::Negation && superlative_said(side, i, other) {
            dropped.push(finding(cx, rule, i, on_original).dropped_by("superlative-said"));
        } else if rule.kind == Kind::Modality && ability(cx, side, i, on_original) {
            dropped.push(finding(cx, rule, i, on_original).dropped_by("could-ability"));
        } else {
            picked.push(i);
        }
    }
    picked.truncate(surplus);
    for i in picked.split_off(picked.len().saturating_sub(floating)) {
        dropped.push(finding(cx, rule, i, on_original).dropped_by("marker-elsewhere"));
    }
    let (far, picked): (Vec<usize>, Vec<usize>) = picked
        .into_iter()
        .partition(|&i| rule.kind == Kind::Negation && answered_elsewhere(rule, side, i, other, other_map));
    for i in far {
        dropped.push(finding(cx, rule, i, on_original).dropped_by("answered-elsewhere"));
    }
    // Hedges stacked on one claim ("indications suggested that it may
    // have failed" → "it failed") are one edit: a hedging verb whose
    // "that" clause holds the next hedge gives way to it, the one nearest
    // the claim. A second claim ("…, and it could…") is its own.
    let mut picked = picked;
    if rule.kind == Kind::Modality {
        let stacks = |i: usize, j: usize| {
            side.toks.get(i + 1).is_some_and(|t| t.fold == "that")
                && !side.toks[i + 1..=j].iter().any(|t| {
                    t.sentence_start
                        || matches!(t.fold.as_ref(), "and" | "or")
                        || CONTRAST_OPENERS.contains(&t.fold.as_ref())
                })
        };
        let stacked: Vec<usize> = picked
            .windows(2)
            .filter(|w| stacks(w[0], w[1]))
            .map(|w| w[0])
            .collect();
        picked.retain(|i| !stacked.contains(i));
        for i in stacked {
            dropped.push(finding(cx, rule, i, on_original).dropped_by("stacked-hedge"));
        }
    }
    picked
        .into_iter()
        .map(|i| finding(cx, rule, i, on_original))
        .chain(dropped)
        .collect()
}

/// Whether two words are opposites, adjective senses included ("open" /
/// "closed", "slow" / "fast").
fn opposite(a: &str, b: &str) -> bool {
    use crate::engine::wordnet::{Relation, wordnet};
    let opposed = |a: &str, b: &str| a != b && wordnet().relation_as(a, b, true) == Relation::Antonym;
    // "not reopen" / "stay shut": a repeated action opposes what its verb
    // opposes.
    opposed(a, b) || again(a).is_some_and(|x| opposed(x, b)) || again(b).is_some_and(|y| opposed(a, y))
}

/// The verb a "re-" word repeats ("reopen" → "open").
fn again(w: &str) -> Option<&str> {
    use crate::engine::wordnet::wordnet;
    w.strip_prefix("re")
        .filter(|rest| rest.len() >= 4 && wordnet().knows(rest))
}

/// Whether two words share a sense ("suggests" / "proposes", "potential" /
/// "possible"): a marker answered by its synonym is rewording.
fn synonym(a: &str, b: &str) -> bool {
    use crate::engine::wordnet::{Relation, wordnet};
    a != b && wordnet().relation(a, b) == Relation::Synonym
}

/// Where a hedge went on the other side: the nearest "will" or "shall"
/// that side alone has, with its verb ("may consider extending" → "will
/// be extended"), rather than whatever word the alignment puts there.
fn firm_modal(
    other: &Side<'_>,
    other_map: &[Option<usize>],
    map: &[Option<usize>],
    s: usize,
    e: usize,
) -> Option<Span> {
    let (cs, _) = counterpart(map, other.toks.len(), s, e).unwrap_or((0, 0));
    let k = (0..other.toks.len())
        .filter(|&k| other_map[k].is_none() && FIRM_MODALS.contains(&other.toks[k].fold.as_ref()))
        .min_by_key(|&k| k.abs_diff(cs))?;
    // The modal, any auxiliaries, and the verb they carry.
    let end = (k + 1..other.toks.len().min(k + 5))
        .find(|&j| other.toks[j].is_word() && !crate::engine::lexicon::is_stop_word(&other.toks[j].fold))
        .map_or(k + 1, |j| j + 1);
    Some(other.cover(k, end))
}

/// A negation answered where the word diff left the other side unmatched,
/// beyond the words facing it: a restructured sentence moved it ("the cut
/// was unavoidable" / "left no way of avoiding the cut"; "instead of
/// being axed, the library" / "the library … instead of being scrapped";
/// "rejected the idea" / "the idea was dismissed").
fn answered_elsewhere(
    rule: &Rule<'_>,
    side: &Side<'_>,
    i: usize,
    other: &Side<'_>,
    other_map: &[Option<usize>],
) -> bool {
    let marker = side.toks[i].fold.as_ref();
    let scope: Vec<&Tok<'_>> = scope(side, i).collect();
    // The answer must stand by what the marker covers ("the reduction was
    // unavoidable" / "no way of avoiding the reduction"), or by the words
    // just before the marker ("too good to refuse" / "too good to turn
    // down"): a negation of something else ("but not for elderly users")
    // answers nothing.
    let before: Vec<&Tok<'_>> = side.toks[..i]
        .iter()
        .rev()
        .take_while(|t| !matches!(t.text, "." | ";" | ":" | "?" | "!"))
        .filter(|t| t.is_word() && !super::lists::is_function_word(&t.fold))
        .take(ELSEWHERE_BEFORE)
        .collect();
    let near_scope = |k: usize| {
        // "would not affect the plans" / "the plans … are unaffected": the
        // answer is made from a word the marker covers.
        let made = other.toks[k].fold.as_ref() != marker
            && negative_word(&other.toks[k].fold, &scope)
            && !NEGATIVE_WORDS.contains(&other.toks[k].fold.as_ref());
        made || (contrast_marker(marker) && contrast_marker(&other.toks[k].fold))
            || other.toks[k.saturating_sub(ELSEWHERE_REACH)..(k + ELSEWHERE_REACH + 1).min(other.toks.len())]
                .iter()
                .any(|t| {
                    t.is_word()
                        && !super::lists::is_function_word(&t.fold)
                        && scope.iter().chain(&before).any(|s| s.stem == t.stem)
                })
    };
    (0..other.toks.len())
        .filter(|&k| other_map[k].is_none() && other.toks[k].is_word() && !other.toks[k].in_quote)
        .any(|k| ((rule.pred)(other, k) || (rule.answers)(other, k, marker, &scope)) && near_scope(k))
}

/// Content words before a marker whose neighbourhood on the other side may
/// hold its answer.
const ELSEWHERE_BEFORE: usize = 2;

/// Tokens either side of an answer found elsewhere that must hold a word
/// of the marker's scope.
const ELSEWHERE_REACH: usize = 6;

/// "could" that the other side answers with no "will" or "shall": in a
/// narrative it says what someone was able to do ("the railway could
/// move goods in an hour" / "moving goods in an hour"; "boats could
/// again navigate" / "was navigable again"). A "could" traded for a firm
/// modal ("could rise" / "will rise") or "could have" stays a hedge.
fn ability(cx: &UnitCx<'_>, side: &Side<'_>, i: usize, on_original: bool) -> bool {
    if side.toks[i].fold != "could" || side.toks.get(i + 1).is_some_and(|n| n.fold == "have") {
        return false;
    }
    let (s, e) = phrase(side, i);
    let firm = if on_original {
        firm_modal(&cx.b, &cx.map.b_to_a, &cx.map.a_to_b, s, e)
    } else {
        firm_modal(&cx.a, &cx.map.a_to_b, &cx.map.b_to_a, s, e)
    };
    firm.is_none()
}

/// Tokens after "no" searched for its comparative ("no stretch of water in
/// the county was busier").
const COMPARATIVE_REACH: usize = 14;

/// Whether `word` is `base` + a comparison ending: "busier" / "busy",
/// "larger" / "large", "bigger" / "big", "harder" / "hard" with `ending`
/// "er"; the same with "est".
fn compared_form(word: &str, ending: &str) -> bool {
    let wn = crate::engine::wordnet::wordnet();
    let Some(stem) = word.strip_suffix(ending) else {
        return false;
    };
    if stem.len() < 2 {
        return false;
    }
    let y = stem.strip_suffix('i').map(|s| format!("{s}y"));
    let e = format!("{stem}e");
    let undoubled = stem
        .chars()
        .last()
        .filter(|&c| stem[..stem.len() - c.len_utf8()].ends_with(c))
        .map(|c| stem[..stem.len() - c.len_utf8()].to_owned());
    [Some(stem.to_owned()), y, Some(e), undoubled]
        .into_iter()
        .flatten()
        .any(|base| base.len() >= 2 && wn.can_be_adjective(&base))
}

/// "No stretch was busier" / "the busiest stretch"; "no man could take
/// it faster" / "faster than any man": a negated comparative says what a
/// superlative says. Only "no" and its kin, never "not" ("did not grow
/// faster" denies).
fn superlative_said(side: &Side<'_>, i: usize, other: &Side<'_>) -> bool {
    if !matches!(side.toks[i].fold.as_ref(), "no" | "nothing" | "none" | "nobody") {
        return false;
    }
    let comparative = side.toks[i + 1..]
        .iter()
        .take(COMPARATIVE_REACH)
        .take_while(|t| !matches!(t.text, "," | ";" | "." | ":" | "?" | "!"))
        .any(|t| {
            matches!(t.fold.as_ref(), "more" | "less" | "better" | "worse")
                || compared_form(&t.fold, "er")
                || MATCH_VERBS.contains(&t.fold.as_ref())
        });
    let superlative = other.toks.iter().enumerate().any(|(k, t)| {
        matches!(t.fold.as_ref(), "most" | "least" | "best" | "worst")
            || compared_form(&t.fold, "est")
            || (t.fold == "than"
                && other.toks.get(k + 1).is_some_and(|n| {
                    matches!(
                        n.fold.as_ref(),
                        "any" | "anyone" | "anybody" | "anything" | "ever"
                    )
                }))
    });
    comparative && superlative
}

/// Tokens either side of a counterpart searched for an answering marker.
const CONTEXT: usize = 4;

/// The other side's span for a marker's phrase `s..e`: `found` (through
/// the word diff) when it holds a content word, else the other side's
/// word of the same stem as the word the marker governs ("did not expect
/// the delays" / "the delays were expected": ‘expected’, not the comma the
/// word diff put there).
fn same_word_or(side: &Side<'_>, other: &Side<'_>, s: usize, e: usize, found: Option<Span>) -> Option<Span> {
    let content = |span: Span| {
        other.toks.iter().any(|t| {
            span.start <= t.span.start
                && t.span.end <= span.end
                && t.is_word()
                && !super::lists::is_function_word(&t.fold)
        })
    };
    // "may be less likely" → "are less likely", the word diff pairing the
    // hedge with a clause moved before it ("According to …"): the word
    // the hedge stood before, kept on the other side, shows where.
    let next_content = side.toks[e..]
        .iter()
        .take(SCOPE_WORDS)
        .find(|t| t.is_word() && !super::lists::is_function_word(&t.fold));
    let kept_at = next_content.and_then(|n| other.only_with_stem(&n.stem));
    if let (Some(k), Some(f)) = (kept_at, found)
        && !(f.start <= other.toks[k].span.start && other.toks[k].span.end <= f.end)
        && k > 0
    {
        let before = &other.toks[k - 1];
        if be_or_auxiliary(&before.fold) {
            return Some(before.span);
        }
    }
    if found.is_some_and(content) {
        return found;
    }
    let governed = side.toks[s + 1..e]
        .iter()
        .find(|t| t.is_word() && !super::lists::is_function_word(&t.fold));
    governed
        .and_then(|g| other.toks.iter().position(|t| t.is_word() && t.stem == g.stem))
        .map(|k| other.cover(k, k + 1))
        .or(found)
}

fn finding(cx: &UnitCx<'_>, rule: &Rule<'_>, i: usize, on_original: bool) -> Finding {
    let (a_span, b_span, what): (Option<Span>, Option<Span>, &str) = if on_original {
        let (s, e) = phrase(&cx.a, i);
        let firm = (rule.kind == Kind::Modality)
            .then(|| firm_modal(&cx.b, &cx.map.b_to_a, &cx.map.a_to_b, s, e))
            .flatten();
        (
            Some(cx.a.cover(s, e)),
            firm.or_else(|| same_word_or(&cx.a, &cx.b, s, e, cx.b_for_a(s, e))),
            rule.more_in_original,
        )
    } else {
        let (s, e) = phrase(&cx.b, i);
        let firm = (rule.kind == Kind::Modality)
            .then(|| firm_modal(&cx.a, &cx.map.a_to_b, &cx.map.b_to_a, s, e))
            .flatten();
        (
            firm.or_else(|| same_word_or(&cx.b, &cx.a, s, e, cx.a_for_b(s, e))),
            Some(cx.b.cover(s, e)),
            rule.more_in_rewrite,
        )
    };
    let show = |side: &Side<'_>, s: Option<Span>| s.map_or_else(|| "—".to_owned(), |s| clip(side.text(s)));
    let reason = format!("{what}: ‘{}’ → ‘{}’", show(&cx.a, a_span), show(&cx.b, b_span));
    Finding::new(rule.kind, rule.conf, a_span, b_span, reason)
}

pub fn detect(cx: &UnitCx<'_>) -> Vec<Finding> {
    let negation = Rule {
        kind: Kind::Negation,
        pred: &is_negator,
        more_in_original: "negation dropped",
        more_in_rewrite: "negation added",
        answers: &|s, k, marker, scope| {
            negative_phrase(s, k, scope) || said_the_other_way(s, k, scope) || few_for_not(s, k, marker)
        },
        answered_anywhere: &|_, _| false,
        conf: 0.75,
    };
    let hedging = Rule {
        kind: Kind::Modality,
        pred: &is_hedge,
        more_in_original: "hedge dropped (stated as certain)",
        more_in_rewrite: "hedge added (made uncertain)",
        answers: &|s, k, marker, _| hedge_answer(s, k, marker),
        // "reportedly" / "according to reports"; "insisted that the player
        // was not for sale" / "declared publicly that …": a claim, said
        // with another verb of claiming anywhere in the sentence.
        answered_anywhere: &|s, marker| {
            use crate::engine::words::ASSERTION_VERBS;
            (HEARSAY.contains(&marker) && s.toks.iter().any(|t| t.fold == "according"))
                || (ASSERTION_VERBS.contains(&marker)
                    && s.toks.iter().any(|t| ASSERTION_VERBS.contains(&t.fold.as_ref())))
        },
        conf: 0.6,
    };
    [apply(cx, &negation), apply(cx, &hedging)]
        .into_iter()
        .flatten()
        .collect()
}
