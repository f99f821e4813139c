//! Dates and times: weekdays, months and relative day words ("yesterday",
//! "last week"). Numbers in dates are compared by the number detector.

use super::Detector;
use super::clip;
use super::context::{Side, UnitCx};
use crate::engine::discrepancy::{Finding, Kind};
use crate::engine::words::{PERIOD_SHIFTS, PRESENT_WORDS, RELATIVE_DAYS, RELATIVE_PERIODS, WEEKDAYS};

/// Registry entry (see [`super::DETECTORS`]).
pub const DETECTOR: Detector = Detector {
    name: "dates",
    kinds: &[Kind::Date],
    catches: "another weekday, month, season or relative day",
    guards: &[],
    run: detect,
};

const MONTHS: &[(&str, &str)] = &[
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may", "may"),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep"),
    ("sept", "sep"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
    ("jan", "jan"),
    ("feb", "feb"),
    ("apr", "apr"),
    ("jun", "jun"),
    ("jul", "jul"),
    ("aug", "aug"),
    ("sep", "sep"),
    ("oct", "oct"),
    ("nov", "nov"),
    ("dec", "dec"),
];

/// Weekday and month names: dates, not names of people or places.
#[must_use]
pub fn is_calendar_word(fold: &str) -> bool {
    WEEKDAYS.contains(&fold) || MONTHS.iter().any(|(k, _)| *k == fold)
}

/// What a date word names, so that only like is compared with like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateClass {
    Weekday,
    Month,
    Season,
    Relative,
}

/// Seasons, keyed so that "fall" after "this", "last" or "next" is autumn.
const SEASONS: &[(&str, &str)] = &[
    ("spring", "spring"),
    ("summer", "summer"),
    ("autumn", "autumn"),
    ("winter", "winter"),
];

/// The season token `i` names, if it names one.
fn season(side: &Side<'_>, i: usize) -> Option<&'static str> {
    let f = side.toks[i].fold.as_ref();
    if let Some((_, key)) = SEASONS.iter().find(|(w, _)| *w == f) {
        return Some(key);
    }
    let after_shift = i > 0 && PERIOD_SHIFTS.contains(&side.toks[i - 1].fold.as_ref());
    (f == "fall" && after_shift).then_some("autumn")
}

#[derive(Debug, Clone)]
struct DateMention {
    class: DateClass,
    key: String,
    start: usize,
    end: usize,
}

fn mentions(side: &Side<'_>) -> Vec<DateMention> {
    let toks = &side.toks;
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.in_quote {
            continue;
        }
        let f = t.fold.as_ref();
        // "on Wednesdays" / "on a Wednesday": the same day of the week.
        let weekday = f.strip_suffix('s').filter(|d| WEEKDAYS.contains(d));
        let found = if WEEKDAYS.contains(&f) {
            Some((DateClass::Weekday, f.to_owned(), i, i + 1))
        } else if let Some(day) = weekday {
            Some((DateClass::Weekday, day.to_owned(), i, i + 1))
        } else if f == "today" && nowadays(side, i) {
            None
        } else if let Some(m) = MONTHS.iter().find(|(k, _)| *k == f).map(|(_, m)| *m) {
            is_month(side, i).then(|| (DateClass::Month, m.to_owned(), i, i + 1))
        } else if let Some(key) = season(side, i) {
            Some((DateClass::Season, key.to_owned(), i, i + 1))
        } else if RELATIVE_DAYS.contains(&f) {
            Some((DateClass::Relative, f.to_owned(), i, i + 1))
        } else if PERIOD_SHIFTS.contains(&f)
            && toks
                .get(i + 1)
                .is_some_and(|n| RELATIVE_PERIODS.contains(&n.fold.as_ref()))
            && !and_a_half(side, i + 2)
            // "the previous year", "the following week": counted from a
            // time the text gives (the numbers detector's call), not from
            // today.
            && !(i > 0 && toks[i - 1].fold == "the")
        {
            // "last year" / "previous year", "next week" / "coming week".
            let shift = match f {
                "previous" => "last",
                "coming" => "next",
                other => other,
            };
            Some((
                DateClass::Relative,
                format!("{shift} {}", toks[i + 1].fold),
                i,
                i + 2,
            ))
        } else {
            None
        };
        if let Some((class, key, start, end)) = found {
            out.push(DateMention {
                class,
                key,
                start,
                end,
            });
        }
    }
    out
}

/// "over the next year and a half": a length of time, not a date.
fn and_a_half(side: &Side<'_>, k: usize) -> bool {
    let word = |k: usize| side.toks.get(k).map_or("", |t| t.fold.as_ref());
    word(k) == "and" && word(k + 1) == "a" && word(k + 2) == "half"
}

/// "today it is an institute", "today they have": "today" as "these
/// days", before a pronoun and a present "be" or "have", names no day.
fn nowadays(side: &Side<'_>, i: usize) -> bool {
    let word = |k: usize| side.toks.get(k).map_or("", |t| t.fold.as_ref());
    matches!(word(i + 1), "it" | "they" | "there" | "she" | "he" | "we")
        && matches!(word(i + 2), "is" | "are" | "has" | "have" | "remains" | "remain")
}

/// "May" and "March" are months only when capitalised mid-sentence or next
/// to a number.
fn is_month(side: &Side<'_>, i: usize) -> bool {
    let t = &side.toks[i];
    if !matches!(t.fold.as_ref(), "may" | "march" | "mar") {
        return true;
    }
    let near_number = |k: Option<usize>| {
        k.and_then(|k| side.toks.get(k))
            .is_some_and(|n| n.kind == crate::engine::segment::TokenKind::Number)
    };
    t.is_capitalised() && (!t.sentence_start || near_number(Some(i + 1)) || near_number(i.checked_sub(1)))
}

pub fn detect(cx: &UnitCx<'_>) -> Vec<Finding> {
    // "since January 1" / "since the start of the year": the same month,
    // said by a side that names no month for it.
    let january = |m: &DateMention| m.class == DateClass::Month && m.key == "jan";
    let mut ma = mentions(&cx.a);
    let mut mb = mentions(&cx.b);
    // Looked for only when the other side names January (few units).
    if mb.iter().any(january) && super::numbers::says_year_start(&cx.a) {
        mb.retain(|m| !january(m));
    }
    if ma.iter().any(january) && super::numbers::says_year_start(&cx.b) {
        ma.retain(|m| !january(m));
    }
    // "now draws" / "today attracts": "today" as "at present", where the
    // other side says so in a word of its own.
    let today = |m: &DateMention| m.class == DateClass::Relative && m.key == "today";
    let says_present = |side: &Side<'_>| {
        side.toks
            .iter()
            .any(|t| !t.in_quote && PRESENT_WORDS.contains(&t.fold.as_ref()))
    };
    let (present_a, present_b) = (says_present(&cx.a), says_present(&cx.b));
    if !ma.iter().any(today) && present_a && !present_b {
        mb.retain(|m| !today(m));
    }
    if !mb.iter().any(today) && present_b && !present_a {
        ma.retain(|m| !today(m));
    }
    let gone: Vec<&DateMention> = ma.iter().filter(|m| !mb.iter().any(|n| n.key == m.key)).collect();
    let mut used = vec![false; gone.len()];
    let mut out = Vec::new();
    for m in mb.iter().filter(|m| !ma.iter().any(|n| n.key == m.key)) {
        let b_span = cx.b.cover(m.start, m.end);
        if let Some(k) = (0..gone.len()).find(|&k| !used[k] && gone[k].class == m.class) {
            used[k] = true;
            let a_span = cx.a.cover(gone[k].start, gone[k].end);
            let reason = format!(
                "date changed: ‘{}’ → ‘{}’",
                clip(cx.a.text(a_span)),
                clip(cx.b.text(b_span))
            );
            out.push(Finding::new(Kind::Date, 0.85, Some(a_span), Some(b_span), reason));
        } else {
            let known = cx.a.index.words.contains(&*cx.b.toks[m.end - 1].fold);
            let conf = if known { 0.3 } else { 0.6 };
            let reason = format!("date not in the original sentence: ‘{}’", clip(cx.b.text(b_span)));
            out.push(Finding::new(
                Kind::Date,
                conf,
                cx.a_for_b(m.start, m.end),
                Some(b_span),
                reason,
            ));
        }
    }
    out
}
