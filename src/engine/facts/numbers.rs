//! Numbers, amounts and quantities, compared by value: "$35m", "$35 million"
//! and "$35,000,000" are one value; "40" and "forty" are one value.

use super::clip;
use super::context::{Beside, Side, UnitCx};
use super::{Detector, Guard};
use crate::engine::discrepancy::{Finding, Kind};
use crate::engine::segment::TokenKind;
use crate::engine::words::{ADDED_WORDS, WordTable};
use crate::engine::words::{CURRENCY_WORDS, FIRST_WORDS, FROM_ELSEWHERE, PRONOUN_ONE};

/// Registry entry (see [`super::DETECTORS`]).
pub const DETECTOR: Detector = Detector {
    name: "numbers",
    kinds: &[Kind::Number],
    catches: "a number, amount or quantity of another value",
    guards: &[
        Guard {
            name: "equal-value",
            keeps_out: "the same value written another way (\"$35m\" / \"$35 million\", \"22nd\" / \"twenty-second\")",
        },
        Guard {
            name: "relative-time",
            keeps_out: "a point in time the other side counts from another point (\"in the 41st minute\" / \"four minutes before the interval\", \"with 14 minutes left\")",
        },
        Guard {
            name: "moved-across",
            keeps_out: "a figure the other side states in the sentence beside this one, where this side's neighbour does not: the sentences were split at another place",
        },
    ],
    run: detect,
};

/// A number found in a side: its value, what it counts, and its tokens.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub value: f64,
    /// Canonical unit ("%", "$", "km", "ordinal", "" for a bare count).
    pub unit: &'static str,
    pub start: usize,
    pub end: usize,
}

const SMALL: Table<f64> = Table::new(&[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("dozen", 12.0),
]);

const ORDINALS: Table<f64> = Table::new(&[
    ("first", 1.0),
    ("second", 2.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
    ("eleventh", 11.0),
    ("twelfth", 12.0),
    ("thirteenth", 13.0),
    ("fourteenth", 14.0),
    ("fifteenth", 15.0),
    ("sixteenth", 16.0),
    ("seventeenth", 17.0),
    ("eighteenth", 18.0),
    ("nineteenth", 19.0),
    ("twentieth", 20.0),
    ("thirtieth", 30.0),
    ("fortieth", 40.0),
    ("fiftieth", 50.0),
    ("hundredth", 100.0),
    ("last", -1.0),
]);

const MAGNITUDES: Table<f64> = Table::new(&[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("k", 1e3),
    ("million", 1e6),
    ("m", 1e6),
    ("mn", 1e6),
    ("billion", 1e9),
    ("bn", 1e9),
    ("b", 1e9),
    ("trillion", 1e12),
    ("tn", 1e12),
]);

const CURRENCIES: Table<&str> = Table::new(&[("$", "$"), ("£", "£"), ("€", "€"), ("¥", "¥"), ("₹", "₹")]);

const UNITS: Table<&str> = Table::new(&[
    ("%", "%"),
    ("percent", "%"),
    ("pc", "%"),
    ("km", "km"),
    ("kilometres", "km"),
    ("kilometers", "km"),
    ("kilometre", "km"),
    ("kilometer", "km"),
    ("mile", "mi"),
    ("miles", "mi"),
    ("m", "m"),
    ("metres", "m"),
    ("meters", "m"),
    ("metre", "m"),
    ("meter", "m"),
    ("feet", "ft"),
    ("foot", "ft"),
    ("ft", "ft"),
    ("kg", "kg"),
    ("kilograms", "kg"),
    ("kilogram", "kg"),
    ("kilos", "kg"),
    ("tonnes", "t"),
    ("tonne", "t"),
    ("tons", "t"),
    ("pounds", "lb"),
    ("pound", "lb"),
    ("dollars", "$"),
    ("dollar", "$"),
    ("euros", "€"),
    ("euro", "€"),
    ("degrees", "deg"),
    ("minutes", "min"),
    ("minute", "min"),
    ("days", "d"),
    ("day", "d"),
    ("months", "mo"),
    ("month", "mo"),
    ("years", "yr"),
    ("year", "yr"),
    ("c", "deg"),
    ("°c", "deg"),
    ("celsius", "deg"),
    ("mm", "mm"),
    ("millimetres", "mm"),
    ("millimeters", "mm"),
    ("millimetre", "mm"),
    ("cm", "cm"),
    ("centimetres", "cm"),
    ("centimeters", "cm"),
    ("centimetre", "cm"),
    ("centimeter", "cm"),
    ("inches", "in"),
    ("inch", "in"),
    ("hectares", "ha"),
    ("hectare", "ha"),
    ("ha", "ha"),
    ("acres", "ac"),
    ("acre", "ac"),
    ("litres", "l"),
    ("liters", "l"),
    ("litre", "l"),
    ("liter", "l"),
    ("gallons", "gal"),
    ("gallon", "gal"),
]);

/// A table of words and their values (see [`WordTable`]).
type Table<T> = WordTable<T>;

/// The value of `key` in `table` (its first entry), if any.
#[inline(always)]
fn lookup<T: Copy>(table: &Table<T>, key: &str) -> Option<T> {
    table.get(key)
}

/// Parses "35,000,000", "3.5", "35m", "10th" into a value and a suffix.
fn parse_digits(text: &str) -> Option<(f64, &str)> {
    let digits_end = text
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(text.len());
    // No figure at all (most words): nothing to parse (an empty number
    // parses to nothing either way).
    if digits_end == 0 {
        return None;
    }
    let (num, suffix) = text.split_at(digits_end);
    let clean: String = num.chars().filter(|&c| c != ',').collect();
    let value: f64 = clean.trim_end_matches('.').parse().ok()?;
    Some((value, suffix))
}

/// All quantities in a side, outside quotations (found on first use and
/// kept with the side).
#[must_use]
pub fn quantities<'s>(side: &'s Side<'_>) -> &'s [Quantity] {
    side.quantities.get_or_init(|| find_quantities(side))
}

fn find_quantities(side: &Side<'_>) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    let mut i = 0;
    while i < side.toks.len() {
        match quantity_at(side, i) {
            Some(q) => {
                i = q.end;
                if !side.toks[q.start].in_quote {
                    out.push(q);
                }
            }
            None => i += 1,
        }
    }
    // "between 29 and 45 dollars", "10 to 12 km": the first figure of a
    // range counts in the unit the second gives.
    for k in (1..out.len()).rev() {
        let (first, second) = (&out[k - 1], &out[k]);
        let joined = second.start == first.end + 1
            && RANGE_WORDS.contains(&side.toks[first.end].fold.as_ref())
            && first.unit.is_empty()
            && !second.unit.is_empty()
            && side.toks[second.start].kind == side.toks[first.start].kind;
        if joined {
            out[k - 1].unit = out[k].unit;
        }
    }
    out
}

/// Words between the two figures of a range.
const RANGE_WORDS: &[&str] = &["and", "to", "-", "–", "or"];

fn quantity_at(side: &Side<'_>, i: usize) -> Option<Quantity> {
    let toks = &side.toks;
    let t = &toks[i];
    let currency = lookup(&CURRENCIES, t.text);
    let first = if currency.is_some() { i + 1 } else { i };
    let head = toks.get(first)?;
    let (mut value, mut end, mut unit) = if let Some(time) = clock_time(toks, first) {
        time
    } else if let Some(time) = oclock(toks, first) {
        time
    } else if let Some(share) = fraction(toks, first) {
        of_a_period(toks, share).unwrap_or(share)
    } else if let Some(time) =
        lookup(&FRACTIONS, &head.fold).and_then(|v| of_a_period(toks, (v, first + 1, "")))
    {
        // "every quarter of an hour".
        time
    } else if let Some(ratio) = ratio(toks, first) {
        ratio
    } else if let Some(amount) = article_magnitude(toks, first) {
        amount
    } else if let Some(year) = year_range_end(toks, first) {
        (year, first + 1, "")
    } else if head.kind == TokenKind::Number {
        let Some((v, suffix)) = parse_digits(&head.fold) else {
            // "Q3", "G7", "MP4": a code whose figure is its value.
            return code_at(side, i, first);
        };
        // "over-65s" is an age group, not a decade.
        let age_group = suffix == "s"
            && first >= 2
            && toks[first - 1].text == "-"
            && matches!(toks[first - 2].fold.as_ref(), "over" | "under");
        // "300m" is money after a currency sign, else metres or millions.
        let suffix_unit = if age_group {
            Suffix::Scale(1.0)
        } else if suffix == "p" && currency.is_none() {
            // "20p" is twenty pence.
            Suffix::Pence
        } else if suffix == "m" && currency.is_none() {
            Suffix::Unit(METRES_OR_MILLION)
        } else {
            suffix_value(suffix)
        };
        match suffix_unit {
            Suffix::Pence => (v * 0.01, first + 1, "£"),
            Suffix::Scale(s) => (v * s, first + 1, ""),
            Suffix::Unit(u) => (v, first + 1, u),
            // "12oz", "3D", "24x24ft": a figure fused with letters.
            Suffix::None => (v, first + 1, FUSED),
        }
    } else if let Some(v) = lookup(&SMALL, &head.fold) {
        // "the one who" is a pronoun; "the one hundred and sixty-three
        // maps" is a number.
        let counts_on = next_is(toks, first + 1, &["hundred"])
            || toks
                .get(first + 1)
                .is_some_and(|t| lookup(&MAGNITUDES, &t.fold).is_some());
        if head.fold == "one"
            && !counts_on
            && first > 0
            && PRONOUN_ONE.contains(&toks[first - 1].fold.as_ref())
        {
            return None;
        }
        words_value(toks, first, v)
    } else if let Some((v, u)) = lookup(&PERIODS, &head.fold) {
        (v, first + 1, u)
    } else if let Some((v, u)) = lookup(&ONE_PERIOD, &head.fold).filter(|_| {
        first > 0
            && (ONE_PERIOD_BEFORE.contains(&toks[first - 1].fold.as_ref())
                    // "over the next year and a half" is eighteen months.
                    || (next_is(toks, first - 1, &["next", "coming"]) && and_a_half_at(toks, first + 1)))
    }) {
        // "a year and a half" is eighteen months.
        let and_a_half = and_a_half_at(toks, first + 1);
        if and_a_half {
            (v * 1.5, first + 4, u)
        } else {
            (v, first + 1, u)
        }
    } else if let Some(v) = lookup(&VAGUE, &head.fold) {
        // "every hundred years" is one hundred, "several hundred" is vague.
        let one = first > 0 && EXACT_BEFORE.contains(&toks[first - 1].fold.as_ref());
        if one && !head.fold.ends_with('s') {
            (v, first + 1, "")
        } else {
            vague_value(toks, first, v)
        }
    } else if FIRST_WORDS.contains(&head.fold.as_ref())
        && toks
            .get(first + 1)
            .is_some_and(|t| t.is_word() && !super::lists::is_function_word(&t.fold))
    {
        // "her debut album" is her first; "made her debut in May" counts
        // nothing.
        (1.0, first + 1, "ordinal")
    } else if let Some(v) = lookup(&ORDINALS, &head.fold) {
        if head.fold == "last" || head.fold == "second" && next_is(toks, first + 1, &["hand", "half"]) {
            return None;
        }
        (v, first + 1, "ordinal")
    } else {
        return None;
    };
    // "six and a half million" is 6.5 million.
    if unit.is_empty()
        && and_a_half_at(toks, end)
        && toks
            .get(end + 3)
            .is_some_and(|t| t.fold.len() > 1 && lookup(&MAGNITUDES, &t.fold).is_some())
    {
        value += 0.5;
        end += 3;
    }
    // "an 85-million-dollar expansion" is "$85 million".
    if unit.is_empty()
        && toks.get(end).is_some_and(|t| t.text == "-")
        && toks
            .get(end + 1)
            .is_some_and(|t| lookup(&WORD_MAGNITUDES, &t.fold).is_some())
    {
        end += 1;
    }
    while let Some(s) = toks.get(end).and_then(|t| lookup(&MAGNITUDES, &t.fold)) {
        // "m", "k", "b" scale only an amount of money: "5 m" is five metres.
        if unit == "ordinal" || (currency.is_none() && toks[end].fold.len() == 1) {
            break;
        }
        value *= s;
        end += 1;
    }
    if let Some(c) = currency {
        unit = c;
    } else if unit == "ordinal"
        && let Some((scale, u, skip)) = ordinal_unit(toks, end)
    {
        // "in the 12th minute" is "after 12 minutes".
        value *= scale;
        unit = u;
        end += 1 + skip;
    } else if unit.is_empty() {
        // "three and a half hours" is 210 minutes.
        let and_a_half = next_is(toks, end, &["and"])
            && next_is(toks, end + 1, &["a"])
            && next_is(toks, end + 2, &["half"]);
        if and_a_half
            && toks.get(end + 3).is_some_and(|t| {
                lookup(&SCALED_UNITS, &t.fold).is_some() || lookup(&UNITS, &t.fold).is_some()
            })
        {
            value += 0.5;
            end += 3;
        }
        // "1,200-kilometre" is "1,200 kilometres".
        // "25 million Australian dollars": a nationality before the currency.
        let national = usize::from(
            toks.get(end).is_some_and(|t| t.is_word() && t.is_capitalised())
                && toks
                    .get(end + 1)
                    .is_some_and(|t| CURRENCY_WORDS.contains(&t.fold.as_ref())),
        );
        let hyphen = usize::from(toks.get(end).is_some_and(|t| t.text == "-"));
        // "two additional weeks", "three extra days": a word of addition
        // before the unit.
        let added = usize::from(
            toks.get(end)
                .is_some_and(|t| ADDED_WORDS.contains(&t.fold.as_ref()))
                && toks.get(end + 1).is_some_and(|t| {
                    lookup(&SCALED_UNITS, &t.fold).is_some() || lookup(&UNITS, &t.fold).is_some()
                }),
        );
        // "30 or more days": a bound between the figure and its unit.
        let or_bound = if next_is(toks, end, &["or"])
            && next_is(toks, end + 1, &["more", "fewer", "less"])
            && toks.get(end + 2).is_some_and(|t| {
                lookup(&SCALED_UNITS, &t.fold).is_some() || lookup(&UNITS, &t.fold).is_some()
            }) {
            2
        } else {
            0
        };
        let skip = national.max(hyphen).max(added).max(or_bound);
        let unit_word = toks.get(end + skip).map_or("", |t| t.fold.as_ref());
        if let Some((scale, u)) = lookup(&SCALED_UNITS, unit_word) {
            value *= scale;
            unit = u;
            end += 1 + skip;
        } else if let Some(u) = lookup(&UNITS, unit_word) {
            unit = u;
            end += 1 + skip;
        } else if next_is(toks, end, &["per"]) && next_is(toks, end + 1, &["cent"]) {
            unit = "%";
            end += 2;
        }
    }
    if let Some((cents, extra)) = cents_after(toks, end, unit) {
        value += cents;
        end += extra;
    }
    if let Some((v, u, extra)) = compound_rest(toks, end, value, unit) {
        value = v;
        unit = u;
        end += extra;
    }
    if let Some(extra) = age_words(toks, i, end, unit) {
        unit = "age";
        end += extra;
    }
    Some(Quantity {
        value,
        unit,
        start: i,
        end,
    })
}

/// The unit after an ordinal, a hyphen allowed before it ("third-quarter
/// revenue"): its scale, unit and the hyphen's tokens.
fn ordinal_unit(toks: &[super::context::Tok<'_>], end: usize) -> Option<(f64, &'static str, usize)> {
    let hyphen = usize::from(toks.get(end).is_some_and(|t| t.text == "-"));
    let (scale, unit) = lookup(&ORDINAL_UNITS, &toks.get(end + hyphen)?.fold)?;
    // "half" after a hyphen only: "the second half" of a match is a half,
    // and "second half" is excluded from ordinals before this.
    Some((scale, unit, hyphen))
}

/// "two years and two months": a smaller unit of the same measure after
/// an amount and "and", as the whole amount in the smaller unit, and the
/// tokens the rest takes.
fn compound_rest(
    toks: &[super::context::Tok<'_>],
    end: usize,
    value: f64,
    unit: &'static str,
) -> Option<(f64, &'static str, usize)> {
    let &(_, small, per) = COMPOUND_UNITS.iter().find(|(u, _, _)| *u == unit)?;
    // "4 hours 30 minutes" says the same without "and".
    let and = usize::from(next_is(toks, end, &["and"]));
    let count = toks.get(end + and)?;
    let n = match parse_digits(&count.fold) {
        Some((n, "")) => n,
        Some(_) => return None,
        None => lookup(&SMALL, &count.fold)?,
    };
    let word = &toks.get(end + and + 1)?.fold;
    let (scale, u) = lookup(&SCALED_UNITS, word).or_else(|| lookup(&UNITS, word).map(|u| (1.0, u)))?;
    (u == small).then_some((value * per + n * scale, small, and + 2))
}

/// "2019–20": the short second year of a range is read in the first
/// year's century, so it equals "2019–2020".
/// "fourteen dollars and twenty cents": the cents after an amount of
/// money, as a fraction of the unit, and the tokens they take.
fn cents_after(toks: &[super::context::Tok<'_>], end: usize, unit: &str) -> Option<(f64, usize)> {
    if !matches!(unit, "$" | "€" | "£" | "lb") {
        return None;
    }
    // "twelve pounds fifty": the pence after a sum in pounds or euros,
    // where no noun follows ("twelve pounds fifty" but not "two pounds
    // twenty apples").
    let money_word = end > 0 && matches!(toks[end - 1].fold.as_ref(), "pounds" | "euros" | "dollars");
    if money_word && !next_is(toks, end, &["and"]) {
        let head = toks.get(end)?;
        let (value, after, _) = words_value(toks, end, lookup(&SMALL, &head.fold)?);
        let bare = toks
            .get(after)
            .is_none_or(|t| !t.is_word() || super::lists::is_function_word(&t.fold));
        return (value < 100.0 && bare).then_some((value / 100.0, after - end));
    }
    if !next_is(toks, end, &["and"]) {
        return None;
    }
    let head = toks.get(end + 1)?;
    let (value, after, _) = if head.kind == TokenKind::Number {
        (
            parse_digits(&head.fold).filter(|(_, s)| s.is_empty())?.0,
            end + 2,
            "",
        )
    } else {
        words_value(toks, end + 1, lookup(&SMALL, &head.fold)?)
    };
    next_is(toks, after, &["cents", "cent", "pence", "p"]).then_some((value / 100.0, after + 1 - end))
}

/// The unit of a figure fused with letters the tables do not know
/// ("12oz", "3D"): compared by value with another fused or bare figure.
const FUSED: &str = "fused";

/// A code made of letters then a figure ("Q3", "G20"): its value is the
/// first run of digits.
fn code_at(side: &Side<'_>, i: usize, first: usize) -> Option<Quantity> {
    let text = &side.toks[first].fold;
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let digits: String = text[start..].chars().take_while(char::is_ascii_digit).collect();
    let value: f64 = digits.parse().ok()?;
    // "Q3" is the third quarter of a year, "H1" its first half.
    let unit = match (&text[..start], value) {
        ("q", 1.0..=4.0) if text.len() == 2 => QUARTER,
        ("h", 1.0..=2.0) if text.len() == 2 => HALF,
        _ => FUSED,
    };
    Some(Quantity {
        value,
        unit,
        start: i,
        end: first + 1,
    })
}

fn year_range_end(toks: &[super::context::Tok<'_>], first: usize) -> Option<f64> {
    let short = &toks[first];
    if first < 2 || short.text.len() != 2 || !short.text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let dash = matches!(toks[first - 1].text, "-" | "–" | "/");
    let year = &toks[first - 2].text;
    if !dash || year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let century: f64 = year[..2].parse::<f64>().ok()? * 100.0;
    Some(century + short.text.parse::<f64>().ok()?)
}

/// "a million", "half a billion": a magnitude word counted by an article.
fn article_magnitude(toks: &[super::context::Tok<'_>], first: usize) -> Option<(f64, usize, &'static str)> {
    let (factor, k) = match toks[first].fold.as_ref() {
        "half" if next_is(toks, first + 1, &["a", "an"]) => (0.5, first + 2),
        "a" | "an" => (1.0, first + 1),
        _ => return None,
    };
    let word = toks.get(k).filter(|t| t.fold.len() > 2)?;
    if let Some(magnitude) = lookup(&MAGNITUDES, &word.fold) {
        // "a hundred and forty volumes", "a thousand and one nights": the
        // number words after it count on.
        let next = k + 1 + usize::from(next_is(toks, k + 1, &["and"]));
        if factor == 1.0
            && let Some(head) = toks.get(next).and_then(|t| lookup(&SMALL, &t.fold))
        {
            let (rest, end, unit) = words_value(toks, next, head);
            if rest < magnitude && (next > k + 1 || magnitude > 100.0) {
                return Some((magnitude + rest, end, unit));
            }
        }
        return Some((factor * magnitude, k + 1, ""));
    }
    // "half an hour" is thirty minutes, "half a day" twelve hours' worth.
    if factor < 1.0 {
        if let Some((scale, unit)) = lookup(&SCALED_UNITS, &word.fold) {
            return Some((factor * scale, k + 1, unit));
        }
        if let Some(unit) = lookup(&UNITS, &word.fold) {
            return Some((factor, k + 1, unit));
        }
    }
    None
}

/// The unit of an hour of the clock said without morning or evening
/// ("ten o'clock"): either.
const EITHER_HALF: &str = "time?";

/// The part of the day after an hour said in words: "in the morning" is
/// before noon (`false`), "in the evening", "at night" after (`true`).
fn day_part(toks: &[super::context::Tok<'_>], from: usize) -> Option<(bool, usize)> {
    let k = from + usize::from(next_is(toks, from, &["in", "at"]));
    let k = k + usize::from(next_is(toks, k, &["the"]));
    let half = match toks.get(k)?.fold.as_ref() {
        "morning" => false,
        "afternoon" | "evening" | "night" => true,
        _ => return None,
    };
    // "in the morning", "at night": the part must follow at once.
    (k > from || matches!(toks[k].fold.as_ref(), "morning" | "evening")).then_some((half, k + 1 - from))
}

/// "ten o'clock", "nine in the morning", "half past seven in the
/// evening", "a quarter to ten at night", "noon": an hour of the clock.
fn oclock(toks: &[super::context::Tok<'_>], first: usize) -> Option<(f64, usize, &'static str)> {
    let head = toks.get(first)?;
    match head.fold.as_ref() {
        "noon" | "midday" => return Some((12.0, first + 1, "time")),
        "midnight" => return Some((0.0, first + 1, "time")),
        _ => {}
    }
    // "half past", "a quarter past", "a quarter to" before the hour.
    let (offset, at) = match (head.fold.as_ref(), toks.get(first + 1).map(|t| t.fold.as_ref())) {
        ("half", Some("past")) => (0.5, first + 2),
        ("a" | "quarter", _) => {
            let q = first + usize::from(head.fold == "a");
            if !next_is(toks, q, &["quarter"]) {
                return None;
            }
            match toks.get(q + 1).map(|t| t.fold.as_ref()) {
                Some("past") => (0.25, q + 2),
                Some("to") => (-0.25, q + 2),
                _ => return None,
            }
        }
        _ => (0.0, first),
    };
    let t = toks.get(at)?;
    let hours = if t.kind == TokenKind::Number {
        parse_digits(&t.fold).filter(|(_, suffix)| suffix.is_empty())?.0
    } else {
        lookup(&SMALL, &t.fold)?
    };
    if !(1.0..=12.0).contains(&hours) || hours.fract() != 0.0 {
        return None;
    }
    let mut end = at + 1;
    let said = toks
        .get(end)
        .is_some_and(|t| t.fold.replace('’', "'") == "o'clock");
    end += usize::from(said);
    let part = day_part(toks, end);
    if let Some((_, n)) = part {
        end += n;
    }
    // A bare "seven" is a count; "half past seven" or "seven o'clock" is
    // an hour, and so is "at seven" closing a clause ("meet at 10.").
    let at_hour = first > 0
        && toks[first - 1].fold == "at"
        && toks
            .get(end)
            .is_none_or(|n| !n.is_word() && n.kind != TokenKind::Number && n.text != "%");
    if !said && part.is_none() && offset == 0.0 && !at_hour {
        return None;
    }
    let hours = if hours == 12.0 { 0.0 } else { hours } + offset;
    Some(match part {
        Some((true, _)) => (hours + 12.0, end, "time"),
        Some((false, _)) => (hours, end, "time"),
        None => (hours, end, EITHER_HALF),
    })
}

/// A time of day: "5:30", "5:30 a.m.", "11pm", "11 p.m." as hours since
/// midnight.
fn clock_time(toks: &[super::context::Tok<'_>], first: usize) -> Option<(f64, usize, &'static str)> {
    let (hours, mut suffix) = parse_digits(&toks[first].fold)?;
    let mut end = first + 1;
    let mut value = hours;
    // "5:30", or "5:30am" where the suffix rides on the minutes.
    let minutes = next_is(toks, end, &[":"])
        .then(|| toks.get(end + 1))
        .flatten()
        .and_then(|t| {
            parse_digits(&t.fold).filter(|_| t.fold.chars().take_while(char::is_ascii_digit).count() == 2)
        });
    let has_minutes = minutes.is_some();
    if let Some((m, rest)) = minutes {
        value += m / 60.0;
        end += 2;
        suffix = rest;
    }
    let pm = if suffix.is_empty() {
        let m = meridiem(toks.get(end).map_or("", |t| t.fold.as_ref()));
        end += usize::from(m.is_some());
        m
    } else {
        Some(meridiem(suffix)?)
    };
    if !has_minutes && pm.is_none() {
        return None;
    }
    // "6.15pm": the decimals are minutes.
    let fraction = hours.fract();
    if !has_minutes && pm.is_some() && fraction > 0.0 {
        value = hours.trunc() + (fraction * 100.0).round() / 60.0;
    }
    if pm == Some(true) && hours < 12.0 {
        value += 12.0;
    }
    Some((value, end, "time"))
}

/// Some(true) for "p.m.", Some(false) for "a.m.".
fn meridiem(word: &str) -> Option<bool> {
    match word.trim_end_matches('.') {
        "pm" | "p.m" => Some(true),
        "am" | "a.m" => Some(false),
        _ => None,
    }
}

/// An age, however written: "23-year-old", "23 years old", "aged 23".
/// Returns how many tokens after `end` belong to it.
fn age_words(toks: &[super::context::Tok<'_>], start: usize, end: usize, unit: &str) -> Option<usize> {
    if unit == "yr" {
        let hyphen = usize::from(next_is(toks, end, &["-"]));
        return next_is(toks, end + hyphen, &["old"]).then_some(hyphen + 1);
    }
    let aged = start > 0 && next_is(toks, start - 1, &["aged"]);
    (unit.is_empty() && aged).then_some(0)
}

/// Units that also scale: "three decades" is thirty years, "two weeks"
/// fourteen days.
const SCALED_UNITS: Table<(f64, &str)> = Table::new(&[
    ("hour", (60.0, "min")),
    ("hours", (60.0, "min")),
    ("week", (7.0, "d")),
    ("weeks", (7.0, "d")),
    ("decade", (10.0, "yr")),
    ("decades", (10.0, "yr")),
    ("century", (100.0, "yr")),
    ("centuries", (100.0, "yr")),
    // "92 cents" is "$0.92" or "€0.92", "40 pence" "£0.40".
    ("cents", (0.01, CENTS)),
    ("cent", (0.01, CENTS)),
    ("pence", (0.01, "£")),
]);

enum Suffix {
    None,
    Pence,
    Scale(f64),
    Unit(&'static str),
}

fn suffix_value(suffix: &str) -> Suffix {
    match suffix {
        "" => Suffix::Scale(1.0),
        "st" | "nd" | "rd" | "th" => Suffix::Unit("ordinal"),
        "s" => Suffix::Unit("decade"),
        s => lookup(&MAGNITUDES, s)
            .map(Suffix::Scale)
            .or_else(|| lookup(&UNITS, s).map(Suffix::Unit))
            .unwrap_or(Suffix::None),
    }
}

fn next_is(toks: &[super::context::Tok<'_>], k: usize, words: &[&str]) -> bool {
    toks.get(k).is_some_and(|t| words.contains(&t.fold.as_ref()))
}

/// Periods named by one word: "a decade" is ten years.
const PERIODS: Table<(f64, &str)> = Table::new(&[
    ("decade", (10.0, "yr")),
    ("century", (100.0, "yr")),
    ("fortnight", (14.0, "d")),
    ("decades", (10.0, "yr~")),
]);

/// Fractions named in words, as percentages: "a quarter", "a third",
/// "three quarters", "half of".
const FRACTIONS: Table<f64> = Table::new(&[
    ("half", 50.0),
    ("third", 100.0 / 3.0),
    ("thirds", 100.0 / 3.0),
    ("quarter", 25.0),
    ("quarters", 25.0),
    ("fifth", 20.0),
    ("fifths", 20.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
]);

/// The unit of a share named in words: a percentage, compared to the
/// whole percent ("a third" is "33%").
const ROUGH_PERCENT: &str = "%~";

/// Words after which "a third", "a quarter" is a share: "a third of",
/// "rose by a quarter last year", "a third fewer than", "fell by a third
/// within three years".
const SHARE_AFTER: &[&str] = &[
    "of", "last", "this", "in", "on", "since", "fewer", "less", "more", "lower", "higher", "smaller",
    "larger", "than", "within", "over", "during", "after", "compared",
];

/// "a third", "one quarter", "three quarters", "half of" as a percentage.
fn fraction(toks: &[super::context::Tok<'_>], first: usize) -> Option<(f64, usize, &'static str)> {
    let head = toks[first].fold.as_ref();
    let of_follows = |k: usize| next_is(toks, k, &["of"]);
    if head == "half" {
        // "was half complete" / "is 50 percent done": half of a state.
        let wn = crate::engine::wordnet::wordnet();
        let state = first > 0
            && crate::engine::words::BE_FORMS.contains(&toks[first - 1].fold.as_ref())
            && toks
                .get(first + 1)
                .is_some_and(|t| t.is_word() && wn.can_be_adjective(&t.fold) && !wn.is_noun(&t.fold));
        return (of_follows(first + 1) || state).then_some((50.0, first + 1, ROUGH_PERCENT));
    }
    let (count, k) = if matches!(head, "a" | "one") {
        (1.0, first + 1)
    } else {
        (lookup(&SMALL, head).filter(|&n| n > 1.0)?, first + 1)
    };
    // "one-third", "two-thirds".
    let k = k + usize::from(toks.get(k).is_some_and(|t| t.text == "-"));
    let word = toks.get(k)?.fold.as_ref();
    let share = lookup(&FRACTIONS, word)?;
    // "a third-place finish" is a rank, not a share;
    // "three-quarters-of-an-hour" is one.
    if toks.get(k + 1).is_some_and(|t| t.text == "-") && !next_is(toks, k + 2, &["of"]) {
        return None;
    }
    // "a third of", "three quarters of", "rose by a quarter": a share; "a
    // third term", "the third quarter" are not.
    let plural = word.ends_with('s');
    let fits = if count > 1.0 { plural } else { !plural };
    // "fell by a third", "rose by about a third": what "by" measures is a
    // share.
    let by = first > 0
        && (toks[first - 1].fold == "by"
            || (first > 1
                && toks[first - 2].fold == "by"
                && crate::engine::words::APPROXIMATORS.contains(&toks[first - 1].fold.as_ref())));
    let ends_phrase = by
        || toks
            .get(k + 1)
            .is_none_or(|t| !t.is_word() || SHARE_AFTER.contains(&t.fold.as_ref()));
    // "two thirds died": thirds, fifths and tenths name nothing but shares
    // ("three quarters" may be periods of a year).
    let only_shares = count > 1.0 && matches!(word, "thirds" | "fifths" | "tenths");
    (fits && word != "half" && (ends_phrase || only_shares)).then_some((count * share, k + 1, ROUGH_PERCENT))
}

/// "a quarter of a year" is three months, "half of an hour" thirty
/// minutes: a share of one period is an amount of time.
fn of_a_period(
    toks: &[super::context::Tok<'_>],
    (share, end, _): (f64, usize, &'static str),
) -> Option<(f64, usize, &'static str)> {
    // Hyphens between the words are stepped over: "three-quarters-of-an-hour".
    let step = |k: usize| k + usize::from(toks.get(k).is_some_and(|t| t.text == "-"));
    let of = step(end);
    let article = step(of + 1);
    if !next_is(toks, of, &["of"]) || !next_is(toks, article, &["a", "an"]) {
        return None;
    }
    // The period (or magnitude) word.
    let at = step(article + 1);
    let word = toks.get(at)?.fold.as_ref();
    // "a quarter of a billion dollars" is 250 million dollars.
    if let Some(magnitude) = lookup(&WORD_MAGNITUDES, word) {
        // "pounds" reads as weight, which one value may also be written
        // in pounds sterling (see `same_unit`).
        let currency = toks
            .get(at + 1)
            .and_then(|t| lookup(&UNITS, &t.fold))
            .filter(|u| matches!(*u, "$" | "€" | "lb"));
        let end = at + 1 + usize::from(currency.is_some());
        return Some((share / 100.0 * magnitude, end, currency.unwrap_or("")));
    }
    let (scale, unit) = lookup(&ONE_PERIOD, word).or_else(|| lookup(&SCALED_UNITS, word))?;
    Some((share / 100.0 * scale, at + 1, unit))
}

/// The largest whole a ratio is read against: "1 in 4", "nine in 10",
/// "one in a hundred"; "3 in 2019" is no ratio.
const RATIO_WHOLE: f64 = 1000.0;

/// "1 in 4", "one in ten", "one patient in six": a share, as a percentage.
fn ratio(toks: &[super::context::Tok<'_>], first: usize) -> Option<(f64, usize, &'static str)> {
    // A figure and the tokens it takes: "25", "six", "twenty-five".
    let count = |k: usize| -> Option<(f64, usize)> {
        let t = toks.get(k)?;
        if t.kind == TokenKind::Number {
            parse_digits(&t.fold)
                .filter(|(_, suffix)| suffix.is_empty())
                .map(|(v, _)| (v, 1))
        } else {
            let tens = lookup(&SMALL, &t.fold)?;
            let unit = (tens >= 20.0 && tens % 10.0 == 0.0 && next_is(toks, k + 1, &["-"]))
                .then(|| toks.get(k + 2).and_then(|u| lookup(&SMALL, &u.fold)))
                .flatten()
                .filter(|u| (1.0..10.0).contains(u));
            Some(unit.map_or((tens, 1), |u| (tens + u, 3)))
        }
    };
    // The share is one token ("one in twenty-five"): a noun may follow it.
    let (part, taken) = count(first)?;
    if taken != 1 {
        return None;
    }
    // "one in six", "one participant in six".
    let noun = toks
        .get(first + 1)
        .is_some_and(|t| t.is_word() && !t.is_capitalised() && next_is(toks, first + 2, &["in"]));
    let at = first + 1 + usize::from(noun);
    if !next_is(toks, at, &["in"]) {
        return None;
    }
    // "14 goals in 46 games" counts two things, not a share (a plural
    // noun after the second figure).
    let whole_counts = |k: usize| {
        noun && toks
            .get(k)
            .is_some_and(|t| t.fold.ends_with('s') && crate::engine::wordnet::wordnet().is_noun(&t.fold))
    };
    let (whole, end) = match count(at + 1) {
        Some((_, n)) if whole_counts(at + 1 + n) => return None,
        Some((w, n)) => (w, at + 1 + n),
        // "one in a hundred".
        None if next_is(toks, at + 1, &["a"]) => (
            toks.get(at + 2)
                .and_then(|t| lookup(&MAGNITUDES, &t.fold))
                .filter(|m| *m <= RATIO_WHOLE)?,
            at + 3,
        ),
        None => return None,
    };
    (part > 0.0 && part < whole && whole <= RATIO_WHOLE).then_some((100.0 * part / whole, end, ROUGH_PERCENT))
}

/// A single period named with "a" or as the last one: "a week" is seven
/// days, "the past year" twelve months.
const ONE_PERIOD: Table<(f64, &str)> = Table::new(&[
    ("minute", (1.0, "min")),
    ("hour", (60.0, "min")),
    ("day", (1.0, "d")),
    ("week", (7.0, "d")),
    ("month", (1.0, "mo")),
    ("year", (1.0, "yr")),
]);

/// Whether `q` is one period that names a rate: "each day", "every
/// week", or "a year" after an amount ("£840,000 a year"). ("per month"
/// is no quantity at all.)
fn is_rate(side: &Side<'_>, q: &Quantity) -> bool {
    let toks = &side.toks;
    if q.end != q.start + 1 || q.start == 0 || lookup(&ONE_PERIOD, &toks[q.start].fold).is_none() {
        return false;
    }
    matches!(toks[q.start - 1].fold.as_ref(), "every" | "each")
        || (matches!(toks[q.start - 1].fold.as_ref(), "a" | "an") && after_amount(side, q))
}

/// Whether the one period `q` and its article follow a figure ("£5 a
/// day").
fn after_amount(side: &Side<'_>, q: &Quantity) -> bool {
    q.start >= 2 && side.toks[q.start - 2].kind == TokenKind::Number
}

/// Whether "and a half" starts at token `k`.
fn and_a_half_at(toks: &[super::context::Tok<'_>], k: usize) -> bool {
    next_is(toks, k, &["and"]) && next_is(toks, k + 1, &["a"]) && next_is(toks, k + 2, &["half"])
}

/// Words before a period that make it one period long.
const ONE_PERIOD_BEFORE: &[&str] = &[
    "a",
    "an",
    "past",
    "last",
    "previous",
    "preceding",
    "following",
    "subsequent",
    "each",
    "every",
    "single",
];

/// Round quantities named without a figure: "hundreds", "several hundred",
/// "tens of thousands". Compared among themselves (unit "~").
const VAGUE: Table<f64> = Table::new(&[
    ("tens", 10.0),
    ("dozens", 12.0),
    ("scores", 20.0),
    ("hundreds", 1e2),
    ("hundred", 1e2),
    ("thousands", 1e3),
    ("thousand", 1e3),
    ("millions", 1e6),
    ("million", 1e6),
    ("billions", 1e9),
    ("billion", 1e9),
]);

/// Words before a bare "hundred" or "thousand" that make it exactly one.
const EXACT_BEFORE: &[&str] = &["every", "each", "per"];

fn vague_value(toks: &[super::context::Tok<'_>], first: usize, v: f64) -> (f64, usize, &'static str) {
    let of_more = next_is(toks, first + 1, &["of"])
        .then(|| toks.get(first + 2))
        .flatten();
    match of_more.and_then(|t| lookup(&VAGUE, &t.fold)) {
        Some(w) => (v * w, first + 3, "~"),
        None => (v, first + 1, "~"),
    }
}

/// "twenty - five", "two hundred", "a dozen": number words after the first.
fn words_value(toks: &[super::context::Tok<'_>], first: usize, v: f64) -> (f64, usize, &'static str) {
    let mut value = v;
    let mut end = first + 1;
    let mut unit = "";
    // "sixty-three", "twenty-second".
    let ones = |value: f64, end: usize| -> Option<(f64, &'static str)> {
        if value < 20.0 || value % 10.0 != 0.0 || toks.get(end).is_none_or(|t| t.text != "-") {
            return None;
        }
        let word = &toks.get(end + 1)?.fold;
        lookup(&SMALL, word)
            .map(|u| (u, ""))
            .or_else(|| lookup(&ORDINALS, word).map(|u| (u, "ordinal")))
            .filter(|(u, _)| (1.0..10.0).contains(u))
    };
    if let Some((u, un)) = ones(value, end) {
        value += u;
        end += 2;
        unit = un;
    }
    // "one hundred and sixty-three".
    if unit.is_empty() && value < 10.0 && next_is(toks, end, &["hundred"]) {
        value *= 100.0;
        end += 1;
        let k = end + usize::from(next_is(toks, end, &["and"]));
        if let Some(rest) = toks.get(k).and_then(|t| lookup(&SMALL, &t.fold)) {
            value += rest;
            end = k + 1;
            if let Some((u, un)) = ones(rest, end) {
                value += u;
                end += 2;
                unit = un;
            }
        }
    }
    // "two thousand three hundred", "one million and forty".
    if unit.is_empty()
        && let Some(scale) = toks.get(end).and_then(|t| lookup(&WORD_MAGNITUDES, &t.fold))
    {
        let k = end + 1 + usize::from(next_is(toks, end + 1, &["and"]));
        if let Some(head) = toks.get(k).and_then(|t| lookup(&SMALL, &t.fold)) {
            let (rest, rest_end, rest_unit) = words_value(toks, k, head);
            if rest < scale {
                return (value * scale + rest, rest_end, rest_unit);
            }
        }
    }
    (value, end, unit)
}

/// Magnitudes written as words, after which more number words may follow.
const WORD_MAGNITUDES: Table<f64> = Table::new(&[("thousand", 1e3), ("million", 1e6), ("billion", 1e9)]);

/// Units an ordinal counts in: "the 12th minute" / "12 minutes in".
const ORDINAL_UNITS: Table<(f64, &str)> = Table::new(&[
    ("minute", (1.0, "min")),
    ("hour", (60.0, "min")),
    // "the third quarter" is "Q3", "the first half" "H1".
    ("quarter", (1.0, QUARTER)),
    ("half", (1.0, HALF)),
]);

/// The unit of a quarter of a year named by its number ("Q3", "third
/// quarter", "third-quarter results").
const QUARTER: &str = "quarter";
/// The unit of a half of a year named by its number ("H1", "first half").
const HALF: &str = "half";
/// The unit of an amount in cents: a hundredth of the dollar, the euro or
/// another currency divided in cents, whichever the other side names.
const CENTS: &str = "¤";

/// Units of one measure and what one of each is in its base unit: "1.2
/// metres" is "120 centimetres", "2.5 tonnes" "2,500 kilograms".
const BASE_UNITS: &[(&str, f64, &str)] = &[
    ("mm", 0.001, "m"),
    ("cm", 0.01, "m"),
    ("km", 1000.0, "m"),
    ("t", 1000.0, "kg"),
];

/// Units a smaller unit of the same measure may follow, "and" or not:
/// "two years and two months", "three hours and 20 minutes", "4 hours 30
/// minutes", "two weeks and three days". Each with the smaller unit's quantity unit and how many
/// of it the larger unit makes.
const COMPOUND_UNITS: &[(&str, &str, f64)] = &[("yr", "mo", 12.0), ("min", "min", 1.0), ("d", "d", 1.0)];

/// Units one value may be written in: "£38,000" is "38,000 pounds", and a
/// bare "23" beside "aged 23" or "23 years" is the same figure.
fn same_unit(a: &str, b: &str) -> bool {
    let loose = |u: &str| u.is_empty() || u == "age" || u == "yr" || u == FUSED;
    // "his 18th birthday" / "when he turned 18".
    // "the first half" / "first": a quarter or half is still its ordinal.
    let counted = |x: &str, y: &str| {
        (x == "ordinal" && y.is_empty()) || (matches!(x, QUARTER | HALF) && y == "ordinal")
    };
    a == b
        || (loose(a) && loose(b))
        || counted(a, b)
        || counted(b, a)
        || matches!((a, b), ("lb", "£") | ("£", "lb"))
        || cents_of(a, b)
}

/// Whether one unit is cents and the other a currency divided in cents.
fn cents_of(a: &str, b: &str) -> bool {
    matches!((a, b), (CENTS, "$" | "€") | ("$" | "€", CENTS))
}

/// Units a figure pairs with before any other: its own, cents and their
/// currency, and a clock time with an hour that may be either half of the
/// day ("at 10" / "at 10:30").
fn kin_units(a: &str, b: &str) -> bool {
    let clock = |u: &str| u == "time" || u == EITHER_HALF;
    a == b || cents_of(a, b) || (clock(a) && clock(b))
}

/// The unit of a bare "300m": metres ("300 metres") or a count in
/// millions ("1.4m people").
const METRES_OR_MILLION: &str = "m?";

/// A fraction word of `side` outside any figure that names percentage
/// `q` ("paid half" / "covered 50 per cent").
fn fraction_said<'s>(side: &'s Side<'_>, q: &Quantity) -> Option<&'s str> {
    if q.unit != "%" {
        return None;
    }
    let figures = quantities(side);
    side.toks
        .iter()
        .enumerate()
        .filter(|(k, _)| !figures.iter().any(|f| f.start <= *k && *k < f.end))
        .find(|(_, t)| lookup(&FRACTIONS, &t.fold).is_some_and(|v| (v - q.value).abs() < 0.5))
        .map(|(_, t)| t.text)
}

/// Minutes in a day: days and hours are compared in minutes.
const MINUTES_A_DAY: f64 = 24.0 * 60.0;

/// The ways a quantity can be read: "1.4m" is 1.4 metres or 1,400,000.
fn readings(q: &Quantity) -> Vec<(f64, &'static str)> {
    if q.unit == METRES_OR_MILLION {
        vec![(q.value, "m"), (q.value * 1e6, "")]
    } else if q.unit == ROUGH_PERCENT {
        // "a third" is "33%" or "33.3%"; "two thirds" "67%" or "66%".
        let v = q.value;
        vec![
            (v, "%"),
            (v.round(), "%"),
            (v.floor(), "%"),
            ((v * 10.0).round() / 10.0, "%"),
        ]
    } else if q.unit == EITHER_HALF {
        vec![(q.value, "time"), (q.value + 12.0, "time")]
    } else if q.unit == "mo" {
        // "12 months" is a year.
        vec![(q.value, q.unit), (q.value / 12.0, "yr")]
    } else if q.unit == "d" {
        // "two days" is 48 hours, which count in minutes.
        vec![(q.value, q.unit), (q.value * MINUTES_A_DAY, "min")]
    } else if let Some(&(_, scale, base)) = BASE_UNITS.iter().find(|(u, _, _)| *u == q.unit) {
        vec![(q.value, q.unit), (q.value * scale, base)]
    } else {
        vec![(q.value, q.unit)]
    }
}

/// "14 minutes" / "down from 14": one figure, its unit said once
/// nearby. Not a rank or a time of day, which a bare figure does not
/// restate.
fn unit_left_out(a: &Quantity, b: &Quantity) -> bool {
    let measured = |q: &Quantity| !matches!(q.unit, "ordinal" | "time" | EITHER_HALF | QUARTER | HALF);
    (a.unit.is_empty() != b.unit.is_empty())
        && measured(a)
        && measured(b)
        && (a.value - b.value).abs() <= 1e-9 * a.value.abs().max(1.0)
}

/// A whole number stated as a limit: "under 16" (upper, strict), "15 and
/// under" (upper, inclusive), "over 65", "66 or older"; `start..end` the
/// tokens of the figure and its limit words.
struct Limit {
    upper: bool,
    strict: bool,
    start: usize,
    end: usize,
}

fn limit(side: &Side<'_>, q: &Quantity) -> Option<Limit> {
    use crate::engine::words::{
        INCLUSIVE_LOWER_BOUNDS, INCLUSIVE_UPPER_BOUNDS, STRICT_LOWER_BOUNDS, STRICT_UPPER_BOUNDS, WordList,
    };
    if q.value.fract() != 0.0 {
        return None;
    }
    let word = |k: usize| side.toks.get(k).map_or("", |t| t.fold.as_ref());
    // The limit words before the figure (one or two of them), or after it.
    let before = |list: WordList| {
        let one = if q.start > 0 { word(q.start - 1) } else { "" };
        if list.contains(&one) {
            Some(1)
        } else {
            (q.start > 1 && list.contains(&format!("{} {one}", word(q.start - 2)).as_str())).then_some(2)
        }
    };
    let after = |list: WordList| {
        let one = word(q.end);
        if list.contains(&one) {
            Some(1)
        } else {
            list.contains(&format!("{one} {}", word(q.end + 1)).as_str())
                .then_some(2)
        }
    };
    let (upper, strict, start, end) = if let Some(n) = before(STRICT_UPPER_BOUNDS) {
        (true, true, q.start - n, q.end)
    } else if let Some(n) = before(STRICT_LOWER_BOUNDS) {
        (false, true, q.start - n, q.end)
    } else if let Some(n) = after(INCLUSIVE_UPPER_BOUNDS) {
        (true, false, q.start, q.end + n)
    } else if let Some(n) = after(INCLUSIVE_LOWER_BOUNDS) {
        (false, false, q.start, q.end + n)
    } else {
        return None;
    };
    Some(Limit {
        upper,
        strict,
        start,
        end,
    })
}

/// Whether two whole numbers state one limit, one excluding its number
/// and the other including the next ("under 16" / "aged 15 and under",
/// "over 65" / "66 or older").
fn same_limit((sa, a): (&Side<'_>, &Quantity), (sb, b): (&Side<'_>, &Quantity)) -> bool {
    // "under 16" / "aged 15 and under": an age on one side only.
    if a.unit != b.unit && !a.unit.is_empty() && !b.unit.is_empty() {
        return false;
    }
    match (limit(sa, a), limit(sb, b)) {
        (Some(x), Some(y)) if x.upper == y.upper && x.strict != y.strict => {
            let (strict, inclusive) = if x.strict {
                (a.value, b.value)
            } else {
                (b.value, a.value)
            };
            let step = if x.upper { 1.0 } else { -1.0 };
            (strict - inclusive - step).abs() < 1e-9
        }
        _ => false,
    }
}

/// Words that state a change as a multiple, and the change as a
/// percentage: "doubled" is "up 100 per cent", "halved" "down 50 per
/// cent"; "half as many" "50 per cent fewer", "twice as much" "100 per
/// cent more".
const MULTIPLES: Table<f64> = Table::new(&[
    ("double", 100.0),
    ("doubled", 100.0),
    ("doubles", 100.0),
    ("doubling", 100.0),
    ("halve", 50.0),
    ("halved", 50.0),
    ("halves", 50.0),
    ("halving", 50.0),
    ("quadrupled", 300.0),
    ("triple", 200.0),
    ("tripled", 200.0),
    ("triples", 200.0),
    ("tripling", 200.0),
]);

/// Words that state a multiple before "as many" or "as much", and the
/// multiple.
const AS_MANY: Table<f64> = Table::new(&[("half", 0.5), ("twice", 2.0)]);

/// The change "`word` as many" states as a percentage ("half" 50, "twice"
/// 100) and whether it is more (true) or fewer.
fn as_many_change(word: &str) -> Option<(f64, bool)> {
    lookup(&AS_MANY, word).map(|m| ((m - 1.0).abs() * 100.0, m > 1.0))
}

/// Whether a word before "as many" or "as much" states more (true) or
/// fewer (false).
pub(super) fn multiple_direction(word: &str) -> Option<bool> {
    as_many_change(word).map(|(_, more)| more)
}

/// A number flag over two spans: "{what}: ‘original words’ → ‘rewrite
/// words’".
fn span_change(
    cx: &UnitCx<'_>,
    what: &str,
    conf: f32,
    (a_span, b_span): (crate::engine::text::Span, crate::engine::text::Span),
) -> Finding {
    let reason = format!(
        "{what}: ‘{}’ → ‘{}’",
        clip(cx.a.text(a_span)),
        clip(cx.b.text(b_span))
    );
    Finding::new(Kind::Number, conf, Some(a_span), Some(b_span), reason)
}

/// Words before a figure that make it a bound, one or two words long
/// ("at least 400", "up to 400"). Not "over" or "under", which also say
/// where and how long ("over two seasons", "under a metre of water").
const BOUNDS_BEFORE: &[&str] = &[
    "at least",
    "more than",
    "upwards of",
    "excess of",
    "minimum of",
    "fewer than",
    "less than",
    "at most",
    "up to",
    "maximum of",
    "much as",
    "many as",
    "long as",
];

/// Words that, a few words before a figure, may state a bound another way
/// ("a minimum purchase of $3,000", "expects it to exceed 200"): a side
/// with one is not taken to state the figure as exact.
const BOUND_WORDS: &[&str] = &[
    "least",
    "more",
    "over",
    "above",
    "upwards",
    "excess",
    "minimum",
    "fewer",
    "less",
    "under",
    "below",
    "most",
    "up",
    "maximum",
    "much",
    "many",
    "exceed",
    "exceeds",
    "exceeded",
    "exceeding",
    "beyond",
    "top",
    "topped",
    "tops",
    "plus",
    "reaching",
    "reached",
    "peaked",
    "peaking",
    "almost",
    "nearly",
    "approximately",
    "about",
    "around",
    "roughly",
    "some",
    "than",
    "within",
    "only",
    "just",
];

/// Tokens either side of a figure searched for [`BOUND_WORDS`].
const BOUND_REACH: usize = 4;

/// Words after a figure that make it a bound ("400 or more").
const BOUNDS_AFTER: &[&str] = &["or more", "plus", "or fewer", "or less"];

/// A figure stated as a bound: the tokens of the bound words with the
/// figure.
struct Bound {
    start: usize,
    end: usize,
}

/// How figure `q` of `side` (among `qs`) is stated as a bound, if it is.
/// Not after another figure: "9% more than twelve months earlier"
/// compares the 9%.
fn bound(side: &Side<'_>, q: &Quantity, qs: &[Quantity]) -> Option<Bound> {
    let word = |k: usize| side.toks.get(k).map_or("", |t| t.fold.as_ref());
    let pair = |k: usize| format!("{} {}", word(k), word(k + 1));
    // "more than a decade": an article between the bound and the figure.
    let start = q.start - usize::from(q.start > 0 && matches!(word(q.start - 1), "a" | "an"));
    if qs.iter().any(|r| r.end + 2 == start || r.end + 1 == start) {
        return None;
    }
    let before = start.checked_sub(2).and_then(|k| {
        let words = pair(k);
        BOUNDS_BEFORE
            .contains(&words.as_str())
            .then_some(Bound { start: k, end: q.end })
    });
    // "30 or more days": the bound inside the quantity, before its unit.
    let inside = || {
        (q.start..q.end)
            .any(|k| BOUNDS_AFTER.contains(&pair(k).as_str()))
            .then_some(Bound {
                start: q.start,
                end: q.end,
            })
    };
    before.or_else(inside).or_else(|| {
        let (two, one) = (pair(q.end), word(q.end));
        BOUNDS_AFTER.iter().find_map(|&w| {
            let n = if w == two {
                2
            } else if w == one {
                1
            } else {
                return None;
            };
            Some(Bound {
                start: q.start,
                end: (q.end + n).min(side.toks.len()),
            })
        })
    })
}

/// A figure both sides give, stated as a bound on one side only ("at
/// least 400 pupils" / "400 pupils"): the claim is now exact, or no longer.
fn bound_changed(
    cx: &UnitCx<'_>,
    (qa, qb): (&[Quantity], &[Quantity]),
    matched: &[(usize, usize)],
) -> Vec<Finding> {
    // A bound said another way around the figure ("21 days at the very
    // least"), or the end of a range ("from $5 to $200" / "from five
    // dollars up to 200 dollars").
    let near_bound_word = |side: &Side<'_>, q: &Quantity| {
        let after = q.end..(q.end + BOUND_REACH).min(side.toks.len());
        side.toks[q.start.saturating_sub(BOUND_REACH)..q.start]
            .iter()
            .chain(&side.toks[after])
            .any(|t| BOUND_WORDS.contains(&t.fold.as_ref()))
            || (q.start > 0 && side.toks[q.start - 1].fold == "to")
    };
    let mut out = Vec::new();
    for &(k, p) in matched {
        // A rank ("up to fourth") is no amount to bound.
        if qa[k].unit == "ordinal" || qb[p].unit == "ordinal" || cx.a.toks[qa[k].start].in_quote {
            continue;
        }
        // "under 16" / "16 and under": one limit excludes the number the
        // other includes.
        if let (Some(x), Some(y)) = (limit(&cx.a, &qa[k]), limit(&cx.b, &qb[p]))
            && x.upper == y.upper
            && x.strict != y.strict
        {
            let spans = (cx.a.cover(x.start, x.end), cx.b.cover(y.start, y.end));
            out.push(span_change(cx, "limit changed", 0.7, spans));
            continue;
        }
        let (x, y) = (bound(&cx.a, &qa[k], qa), bound(&cx.b, &qb[p], qb));
        let unbounded_said = match (&x, &y) {
            (Some(_), None) => near_bound_word(&cx.b, &qb[p]),
            (None, Some(_)) => near_bound_word(&cx.a, &qa[k]),
            _ => true,
        };
        if unbounded_said {
            continue;
        }
        let (a_span, b_span, what) = match (x, y) {
            (Some(x), _) => (
                cx.a.cover(x.start, x.end),
                cx.b.cover(qb[p].start, qb[p].end),
                "bound dropped",
            ),
            (_, Some(y)) => (
                cx.a.cover(qa[k].start, qa[k].end),
                cx.b.cover(y.start, y.end),
                "bound added",
            ),
            (None, None) => continue,
        };
        out.push(span_change(cx, what, 0.7, (a_span, b_span)));
    }
    out
}

/// Adjectives that state a count ("a twin-engine jet" / "a single-engine
/// jet").
const COUNT_ADJECTIVES: Table<f64> = Table::new(&[
    ("single", 1.0),
    ("twin", 2.0),
    ("dual", 2.0),
    ("double", 2.0),
    ("triple", 3.0),
    ("quadruple", 4.0),
]);

/// A value a word of `table` states that the other side states with
/// another word of it ("have since tripled" / "have since doubled",
/// "twin-engine" / "single-engine"): each word left unmatched by the word
/// diff, one on each side.
fn one_word_each_changed(cx: &UnitCx<'_>, table: &Table<f64>) -> Option<Finding> {
    let free = |side: &Side<'_>, map: &[Option<usize>]| {
        let found: Vec<(usize, f64)> = (0..side.toks.len())
            .filter(|&k| map[k].is_none())
            .filter_map(|k| lookup(table, &side.toks[k].fold).map(|v| (k, v)))
            .collect();
        match found[..] {
            [one] => Some(one),
            _ => None,
        }
    };
    let (i, x) = free(&cx.a, &cx.map.a_to_b)?;
    let (j, y) = free(&cx.b, &cx.map.b_to_a)?;
    if x == y {
        return None;
    }
    let spans = (cx.a.toks[i].span, cx.b.toks[j].span);
    Some(span_change(cx, "number changed", 0.85, spans))
}

/// A word of `side` stating as a multiple the percentage `q` gives.
fn multiple_stated<'s>(side: &'s Side<'_>, q: &Quantity) -> Option<&'s str> {
    if q.unit != "%" {
        return None;
    }
    let toks = &side.toks;
    toks.iter().enumerate().find_map(|(k, t)| {
        let as_many = || {
            next_is(toks, k + 1, &["as"])
                && next_is(toks, k + 2, &["many", "much"])
                && as_many_change(&t.fold).is_some_and(|(change, _)| change == q.value)
        };
        (lookup(&MULTIPLES, &t.fold) == Some(q.value) || as_many()).then_some(t.text)
    })
}

/// Words between a count and the list it counts ("two grown-up
/// daughters, Ann and Ruth").
const LIST_NOUN_REACH: usize = 3;

/// Whether bare count `q` of `side` counts the names listed right after
/// its noun ("two daughters, Katalin and Ruth"), each a word `other`
/// uses somewhere: the count says what the list shows.
fn counts_a_list(side: &Side<'_>, q: &Quantity, other: &Side<'_>) -> bool {
    if !q.unit.is_empty() || q.value < 2.0 || q.value.fract() != 0.0 {
        return false;
    }
    let toks = &side.toks;
    let Some(comma) = (q.end..(q.end + LIST_NOUN_REACH + 1).min(toks.len())).find(|&k| toks[k].text == ",")
    else {
        return false;
    };
    if !toks[q.end..comma]
        .iter()
        .all(|t| t.is_word() && !t.is_capitalised())
        || comma == q.end
    {
        return false;
    }
    // Names, each one capitalised word, joined by commas and one "and".
    let mut names = Vec::new();
    let mut k = comma + 1;
    while let Some(t) = toks.get(k) {
        if t.is_word() && t.is_capitalised() {
            names.push(t);
        } else if !(t.text == "," || t.fold == "and") {
            break;
        }
        k += 1;
    }
    let listed = names.len() as f64 == q.value;
    listed && names.iter().all(|n| other.index.knows_word(&n.fold))
}

/// Nouns that name a group by its size ("the trio" / "the three
/// musicians").
const GROUPS: Table<f64> = Table::new(&[
    ("duo", 2.0),
    ("pair", 2.0),
    ("twins", 2.0),
    ("trio", 3.0),
    ("triplets", 3.0),
    ("quartet", 4.0),
    ("quintet", 5.0),
    ("sextet", 6.0),
    ("septet", 7.0),
    ("octet", 8.0),
]);

/// The nouns of `side` naming a group by its size, and the sizes, for a
/// bare count `q` (none for a figure with a unit).
fn groups<'s>(side: &'s Side<'_>, q: &Quantity) -> impl Iterator<Item = (&'s super::context::Tok<'s>, f64)> {
    side.toks
        .iter()
        .filter(|_| q.unit.is_empty())
        .filter_map(|t| lookup(&GROUPS, super::names::bare(&t.fold)).map(|n| (t, n)))
}

/// Whether two quantities state one value (in any of their readings and
/// units that may write it).
pub(super) fn same(a: &Quantity, b: &Quantity) -> bool {
    let equal = |(va, ua): (f64, &str), (vb, ub): (f64, &str)| {
        same_unit(ua, ub) && (va - vb).abs() <= 1e-9 * va.abs().max(1.0)
    };
    readings(a)
        .into_iter()
        .any(|x| readings(b).into_iter().any(|y| equal(x, y)))
}

pub fn detect(cx: &UnitCx<'_>) -> Vec<Finding> {
    let (qa, qb) = (stated(&cx.a), stated(&cx.b));
    let (qa, qb) = (&qa[..], &qb[..]);
    let mut a_used = vec![false; qa.len()];
    let mut unmatched_b = Vec::new();
    let mut matched = Vec::new();
    let mut out: Vec<Finding> = Vec::new();
    // Equal values in the same unit pair first: "third" must not take the
    // "three" the other side also gives, leaving "second" without its
    // "third" ("for a second time … one of three" → "a third time …
    // among three").
    let mut b_exact: Vec<Option<usize>> = vec![None; qb.len()];
    for (p, q) in qb.iter().enumerate() {
        if let Some(k) = (0..qa.len()).find(|&k| !a_used[k] && qa[k].unit == q.unit && same(&qa[k], q)) {
            a_used[k] = true;
            b_exact[p] = Some(k);
        }
    }
    for (p, q) in qb.iter().enumerate() {
        let pick = b_exact[p].or_else(|| (0..qa.len()).find(|&k| !a_used[k] && same(&qa[k], q)));
        match pick {
            Some(k) => {
                a_used[k] = true;
                matched.push((k, p));
                let (a_span, b_span) = (cx.a.cover(qa[k].start, qa[k].end), cx.b.cover(q.start, q.end));
                let (x, y) = (clip(cx.a.text(a_span)), clip(cx.b.text(b_span)));
                if x.to_lowercase() != y.to_lowercase() {
                    let reason = format!("‘{x}’ = ‘{y}’: the same value");
                    out.push(
                        Finding::new(Kind::Number, 0.85, Some(a_span), Some(b_span), reason)
                            .dropped_by("equal-value"),
                    );
                }
            }
            None => unmatched_b.push(q),
        }
    }
    out.extend(swapped_figures(cx, (qa, qb), &matched));
    out.extend(one_word_each_changed(cx, &MULTIPLES));
    out.extend(bound_changed(cx, (qa, qb), &matched));
    out.extend(one_word_each_changed(cx, &COUNT_ADJECTIVES));
    // Values with a partner of their own unit first: a bare "one" ("a
    // one-way ticket") must not take the fare another figure replaced.
    let has_unit_partner = |q: &&Quantity| {
        qa.iter()
            .enumerate()
            .any(|(k, a)| !a_used[k] && kin_units(a.unit, q.unit))
    };
    let (first, rest): (Vec<_>, Vec<_>) = unmatched_b.into_iter().partition(has_unit_partner);
    // The figures of the sentences beside each side, read once per unit
    // and only when some figure is left unmatched.
    let near_cell = std::cell::OnceCell::new();
    let near = || near_cell.get_or_init(|| NearFigures::of(cx));
    // An original figure the rewrite states in the sentence beside this
    // one moved across a sentence break: it was not replaced.
    let moved_a: Vec<bool> = (0..qa.len())
        .map(|k| !a_used[k] && (near().moved(true, &qa[k]) || year_start(&cx.a, &qa[k], &cx.b)))
        .collect();
    let relative_a: Vec<Reckoning> = qa.iter().map(|q| reckoning(&cx.a, q)).collect();
    let rate_a: Vec<bool> = qa.iter().map(|q| is_rate(&cx.a, q)).collect();
    for q in first.into_iter().chain(rest) {
        // "in the 41st minute" / "four minutes before the interval": a
        // time counted from another point is no value to compare.
        let relative_b = reckoning(&cx.b, q);
        // "£840,000 a year" / "four crossings each day": a rate is
        // compared with a rate only.
        let rate_b = is_rate(&cx.b, q);
        // Two rates are compared when each follows its amount ("£5 a day"
        // / "£5 a week"): "a year" of an amount and "each day" of
        // crossings are no one figure.
        let rates_compared = |k: usize| {
            rate_a[k] == rate_b && (!rate_b || (after_amount(&cx.a, &qa[k]) && after_amount(&cx.b, q)))
        };
        let comparable = |k: usize| relative_a[k].comparable(relative_b) && rates_compared(k);
        // "Two years later" / "In 1958": a year counted on from another
        // takes its partner before any other figure does.
        let counted = |k: usize| years_later(&cx.a, &qa[k], q, qa) || years_later(&cx.b, q, &qa[k], qb);
        let partner = (0..qa.len())
            .filter(|&k| !a_used[k] && !moved_a[k] && counted(k))
            .chain(
                (0..qa.len())
                    .filter(|&k| !a_used[k] && !moved_a[k] && kin_units(qa[k].unit, q.unit) && comparable(k)),
            )
            .chain(
                (0..qa.len())
                    .filter(|&k| !a_used[k] && !moved_a[k] && comparable(k) && !year_and_ordinal(&qa[k], q)),
            )
            .next();
        let b_span = cx.b.cover(q.start, q.end);
        let counted_elsewhere =
            partner.is_none() && (0..qa.len()).any(|k| !a_used[k] && qa[k].unit == q.unit && !comparable(k));
        if counted_elsewhere {
            let reason = format!(
                "‘{}’: a time the original counts from another point",
                clip(cx.b.text(b_span))
            );
            out.push(
                Finding::new(Kind::Number, 0.65, None, Some(b_span), reason).dropped_by("relative-time"),
            );
        } else if let Some(k) = partner {
            a_used[k] = true;
            let a_span = cx.a.cover(qa[k].start, qa[k].end);
            let same_value = if counted(k) {
                Some("the same year, counted on from the year the sentence gives")
            } else if unit_left_out(&qa[k], q) {
                Some("the same figure, its unit left unstated on one side")
            } else if change_restated((&cx.a, &qa[k], qa), (&cx.b, q, qb)) {
                Some("a change by one and the value it started from, both ending at a value both give")
            } else if share_of_total(&qa[k], q, qa, qb, &matched) {
                Some("the same share of a total both give")
            } else if same_limit((&cx.a, &qa[k]), (&cx.b, q)) {
                Some("the same limit, excluding one number or including the next")
            } else {
                None
            };
            if let Some(why) = same_value {
                let reason = format!(
                    "‘{}’ = ‘{}’: {why}",
                    clip(cx.a.text(a_span)),
                    clip(cx.b.text(b_span))
                );
                out.push(
                    Finding::new(Kind::Number, 0.85, Some(a_span), Some(b_span), reason)
                        .dropped_by("equal-value"),
                );
                continue;
            }
            out.push(span_change(cx, "number changed", 0.85, (a_span, b_span)));
        } else if year_start(&cx.b, q, &cx.a) {
            let reason = format!(
                "‘{}’: the start of the year, as the original says",
                clip(cx.b.text(b_span))
            );
            out.push(Finding::new(Kind::Number, 0.65, None, Some(b_span), reason).dropped_by("equal-value"));
        } else if let Some(word) = multiple_stated(&cx.a, q) {
            let reason = format!(
                "‘{}’: the change ‘{word}’ states, as a percentage",
                clip(cx.b.text(b_span))
            );
            out.push(Finding::new(Kind::Number, 0.65, None, Some(b_span), reason).dropped_by("equal-value"));
        } else if counts_a_list(&cx.b, q, &cx.a) {
            let reason = format!(
                "‘{}’: the count of the names listed after it, which the original gives",
                clip(cx.b.text(b_span))
            );
            out.push(Finding::new(Kind::Number, 0.65, None, Some(b_span), reason).dropped_by("equal-value"));
        } else if let Some((group, _)) = groups(&cx.a, q).find(|&(_, n)| n == q.value) {
            let reason = format!(
                "‘{}’: the size of the group ‘{}’ names",
                clip(cx.b.text(b_span)),
                group.text
            );
            out.push(Finding::new(Kind::Number, 0.65, None, Some(b_span), reason).dropped_by("equal-value"));
        } else if let Some((group, _)) = groups(&cx.a, q).next() {
            let reason = format!("number changed: ‘{}’ → ‘{}’", group.text, clip(cx.b.text(b_span)));
            out.push(Finding::new(
                Kind::Number,
                0.85,
                Some(group.span),
                Some(b_span),
                reason,
            ));
        } else if let Some(word) = fraction_said(&cx.a, q) {
            let reason = format!("‘{}’: the share ‘{word}’ names", clip(cx.b.text(b_span)));
            out.push(Finding::new(Kind::Number, 0.65, None, Some(b_span), reason).dropped_by("equal-value"));
        } else if near().moved(false, q) {
            let reason = format!(
                "‘{}’: stated in the original's next or previous sentence",
                clip(cx.b.text(b_span))
            );
            out.push(Finding::new(Kind::Number, 0.65, None, Some(b_span), reason).dropped_by("moved-across"));
        } else {
            let known = cx.a.index.words.contains(&*cx.b.toks[q.start].fold);
            // "a quarter" → "one quarter", "a year" → "one year"; "every
            // day" for "daily" names a rate, not an amount.
            let one = (cx.b.toks[q.start].fold == "one" && q.end == q.start + 1) || rate_b;
            let conf = if known || one { 0.3 } else { 0.65 };
            let reason = format!(
                "number not in the original sentence: ‘{}’",
                clip(cx.b.text(b_span))
            );
            out.push(Finding::new(
                Kind::Number,
                conf,
                cx.a_for_b(q.start, q.end),
                Some(b_span),
                reason,
            ));
        }
    }
    out
}

/// How a time is counted: as a point from the start ("in the 41st
/// minute"), as a span from another point ("four minutes before the
/// interval", "with 14 minutes left", "a minute later"), or neither (any
/// other figure).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reckoning {
    Point,
    FromElsewhere,
    Other,
}

impl Reckoning {
    /// A point and a span counted from elsewhere are not one value written
    /// two ways, nor one value changed.
    fn comparable(self, other: Self) -> bool {
        !matches!(
            (self, other),
            (Self::Point, Self::FromElsewhere) | (Self::FromElsewhere, Self::Point)
        )
    }
}

fn reckoning(side: &Side<'_>, q: &Quantity) -> Reckoning {
    if !matches!(q.unit, "min" | "d" | "mo" | "yr") {
        return Reckoning::Other;
    }
    let head = &side.toks[q.start].fold;
    let ordinal = lookup(&ORDINALS, head).is_some()
        || parse_digits(head).is_some_and(|(_, suffix)| matches!(suffix, "st" | "nd" | "rd" | "th"));
    if ordinal {
        return Reckoning::Point;
    }
    let next = |k: usize, words: &[&str]| next_is(&side.toks, q.end + k, words);
    let from_elsewhere = side
        .toks
        .get(q.end)
        .is_some_and(|t| FROM_ELSEWHERE.contains(&t.fold.as_ref()));
    if from_elsewhere || (next(0, &["to"]) && next(1, &["go"])) {
        Reckoning::FromElsewhere
    } else {
        Reckoning::Other
    }
}

/// Whether `q` is the first day of January ("since January 1", "on 1
/// January") where the other side says "the start of the year".
fn year_start(side: &Side<'_>, q: &Quantity, other: &Side<'_>) -> bool {
    let month = |k: Option<usize>| {
        k.and_then(|k| side.toks.get(k))
            .is_some_and(|t| matches!(t.fold.as_ref(), "january" | "jan"))
    };
    q.value == 1.0 && (month(q.start.checked_sub(1)) || month(Some(q.end))) && says_year_start(other)
}

/// "the start of the year", "the beginning of the year", "the turn of the
/// year".
pub(super) fn says_year_start(side: &Side<'_>) -> bool {
    side.toks.windows(4).any(|w| {
        matches!(w[0].fold.as_ref(), "start" | "beginning" | "turn")
            && w[1].fold == "of"
            && w[2].fold == "the"
            && w[3].fold == "year"
    })
}

/// The figures of the sentences just before and after each side of a
/// unit, in its paragraph (`None`: no such sentence).
struct NearFigures {
    a: [Option<Vec<Quantity>>; 2],
    b: [Option<Vec<Quantity>>; 2],
}

impl NearFigures {
    fn of(cx: &UnitCx<'_>) -> Self {
        let near = |side: &Side<'_>| {
            [Beside::Before, Beside::After].map(|which| side.beside(which).map(|s| quantities(&s).to_vec()))
        };
        Self {
            a: near(&cx.a),
            b: near(&cx.b),
        }
    }

    /// Whether figure `q`, stated on one side (the original when
    /// `on_original`) and missing from the other, is stated in the
    /// sentence beside the other side while the sentence on the same hand
    /// of its own side does not state it: the two texts broke their
    /// sentences at different places ("…, the 2.3-kilometre crossing, was
    /// completed in 1998. By then …" / "… in the archipelago. The last of
    /// them, the 2.3km crossing, was finished in 1998, by which time …").
    fn moved(&self, on_original: bool, q: &Quantity) -> bool {
        let (own, other) = if on_original {
            (&self.a, &self.b)
        } else {
            (&self.b, &self.a)
        };
        let states = |qs: &Option<Vec<Quantity>>| qs.as_ref().is_some_and(|qs| qs.iter().any(|x| same(x, q)));
        (0..2).any(|k| states(&other[k]) && !states(&own[k]))
    }
}

/// "raised by 2 cents to 24 cents" / "lifted from 22 cents to 24 cents":
/// the size of a change on one side and its starting value on the other,
/// when both sides give the value it ended at ("to 24"). Either way up,
/// for a rise or a fall.
fn change_restated(
    (side_a, a, qa): (&Side<'_>, &Quantity, &[Quantity]),
    (side_b, b, qb): (&Side<'_>, &Quantity, &[Quantity]),
) -> bool {
    fn before<'s>(side: &'s Side<'_>, q: &Quantity) -> &'s str {
        q.start.checked_sub(1).map_or("", |k| side.toks[k].fold.as_ref())
    }
    let (by, from, by_side, from_side, by_qs, from_qs) = match (before(side_a, a), before(side_b, b)) {
        ("by", "from") => (a, b, side_a, side_b, qa, qb),
        ("from", "by") => (b, a, side_b, side_a, qb, qa),
        _ => return false,
    };
    let unit_fits =
        |u: &str| u.is_empty() || u == from.unit || from.unit.is_empty() || cents_of(u, from.unit);
    // The end value: after "to" on both sides, the same on both.
    let ends = |side: &Side<'_>, qs: &[Quantity]| -> Vec<Quantity> {
        qs.iter()
            .filter(|q| before(side, q) == "to" && q.start > 0)
            .cloned()
            .collect()
    };
    let (ends_by, ends_from) = (ends(by_side, by_qs), ends(from_side, from_qs));
    unit_fits(by.unit)
        && ends_by.iter().any(|y| {
            ends_from.iter().any(|z| same(y, z))
                && unit_fits(y.unit)
                && ((y.value - by.value - from.value).abs() <= 1e-9 * y.value.abs().max(1.0)
                    || (y.value + by.value - from.value).abs() <= 1e-9 * y.value.abs().max(1.0))
        })
}

/// The quantities of a side that state a value: a span of years between
/// two years the side gives ("in 1997, and … eight years later, in 2005")
/// restates them and is left out.
fn stated<'s>(side: &'s Side<'_>) -> std::borrow::Cow<'s, [Quantity]> {
    let qs = quantities(side);
    let year = |q: &Quantity| q.unit.is_empty() && YEARS.contains(&q.value);
    let restated = |q: &Quantity| {
        let relative = side
            .toks
            .get(q.end)
            .is_some_and(|t| matches!(t.fold.as_ref(), "later" | "earlier" | "afterwards" | "before"));
        relative
            && q.unit == "yr"
            && qs.iter().filter(|x| year(x)).any(|x| {
                qs.iter()
                    .filter(|y| year(y))
                    .any(|y| y.value - x.value == q.value)
            })
    };
    if qs.iter().any(restated) {
        qs.iter().filter(|q| !restated(q)).cloned().collect()
    } else {
        std::borrow::Cow::Borrowed(qs)
    }
}

/// Years a four-figure number must lie between to be read as a year.
const YEARS: std::ops::RangeInclusive<f64> = 1000.0..=2200.0;

/// Whether `span` ("two years later", "the previous year", on `side`,
/// among `qs`) and `year` ("by 1955") name the same year: a year `side`
/// gives before it, in the unit or the sentences just before, plus or
/// minus the span ("In 1956 she joined … Two years later she took part" /
/// "In 1958 she joined"; "In 1958 … a fire the previous year" / "a fire in
/// 1957").
fn years_later(side: &Side<'_>, span: &Quantity, year: &Quantity, qs: &[Quantity]) -> bool {
    let word = |k: Option<usize>| k.and_then(|k| side.toks.get(k)).map_or("", |t| t.fold.as_ref());
    let (before, after) = (word(span.start.checked_sub(1)), word(Some(span.end)));
    // "two years before the war" counts from the war, not from a year.
    let ends = side.toks.get(span.end + 1).is_none_or(|t| !t.is_word());
    let sign = match (before, after) {
        (_, "later" | "afterwards") | ("following" | "subsequent", _) => 1.0,
        (_, "after") if ends => 1.0,
        (_, "earlier") | ("previous" | "preceding" | "prior", _) => -1.0,
        (_, "before") if ends => -1.0,
        _ => return false,
    };
    let is_year = |q: &Quantity| q.unit.is_empty() && YEARS.contains(&q.value);
    if span.unit != "yr" || !is_year(year) {
        return false;
    }
    let fits = |anchor: f64| (anchor + sign * span.value - year.value).abs() < 1e-9;
    qs.iter()
        .any(|q| is_year(q) && q.end <= span.start && fits(q.value))
        || years_in(side.doc.slice(side.before)).any(fits)
}

/// Whether one figure is a year and the other an ordinal ("her first
/// job" / "in 1968"): no value of one kind replaces the other.
fn year_and_ordinal(a: &Quantity, b: &Quantity) -> bool {
    let is_year = |q: &Quantity| q.unit.is_empty() && YEARS.contains(&q.value);
    (is_year(a) && b.unit == "ordinal") || (is_year(b) && a.unit == "ordinal")
}

/// The years a stretch of text states ("In 1956 she joined … founded in
/// 1921").
fn years_in(text: &str) -> impl Iterator<Item = f64> + '_ {
    crate::engine::segment::tokens(text, 0)
        .filter(|t| t.text.len() == 4 && t.text.bytes().all(|b| b.is_ascii_digit()))
        .filter_map(|t| t.text.parse::<f64>().ok())
        .filter(|y| YEARS.contains(y))
}

/// Whether a share and a count say the same of a total both sides give:
/// "half of the 200 staff" / "100 of the 200 staff".
fn share_of_total(
    x: &Quantity,
    y: &Quantity,
    qa: &[Quantity],
    qb: &[Quantity],
    matched: &[(usize, usize)],
) -> bool {
    let percent = |u: &str| u == "%" || u == ROUGH_PERCENT;
    let (share, count) = match (x.unit, y.unit) {
        (u, "") if percent(u) => (x.value, y.value),
        ("", u) if percent(u) => (y.value, x.value),
        _ => return false,
    };
    matched.iter().any(|&(k, p)| {
        let total = qa[k].value;
        qa[k].unit.is_empty()
            && qb[p].unit.is_empty()
            && total > count
            && (share / 100.0 * total - count).abs() < 0.5
    })
}

/// Content words before a quantity searched for what it measures.
const MEASURE_WINDOW: usize = 5;

/// Tokens before a quantity whose content words tell it from another:
/// "a history …, published in 2001, and a memoir …, published in 2008".
const CONTEXT_WINDOW: usize = 10;

/// How far after a figure a "by" still names the agent of a passive
/// verb after it ("51 per cent owned by", "was later bought by").
const PASSIVE_REACH: usize = 3;

/// The stems of the content words before quantity `k` of `qs`, back to the
/// quantity before it or [`CONTEXT_WINDOW`] tokens.
fn context_words<'s>(side: &'s Side<'_>, qs: &[Quantity], k: usize) -> Vec<&'s str> {
    let q = &qs[k];
    let after_previous = qs
        .iter()
        .filter(|o| o.end <= q.start)
        .map(|o| o.end)
        .max()
        .unwrap_or(0);
    let mut from = q.start.saturating_sub(CONTEXT_WINDOW).max(after_previous);
    // "51 per cent owned by the council, with the remaining 49 per cent":
    // an agent after the figure before belongs to that figure, up to the
    // next punctuation.
    let toks = &side.toks;
    let passive = after_previous > 0
        && toks[after_previous..q.start.min(after_previous + PASSIVE_REACH)]
            .iter()
            .any(|t| t.fold == "by");
    if passive {
        from = (from..q.start)
            .find(|&k| toks[k].kind == TokenKind::Punct)
            .map_or(q.start, |k| k + 1)
            .max(from);
    }
    // ... and so the agent after this figure belongs to it.
    let next = qs
        .iter()
        .filter(|o| o.start >= q.end)
        .map(|o| o.start)
        .min()
        .unwrap_or(toks.len());
    let agent = toks[q.end..next.min(q.end + PASSIVE_REACH)]
        .iter()
        .position(|t| t.fold == "by")
        .map_or(q.end..q.end, |by| {
            let from = q.end + by + 1;
            from..(from..next)
                .find(|&k| toks[k].kind == TokenKind::Punct)
                .unwrap_or(next)
        });
    toks[from..q.start]
        .iter()
        .chain(&toks[agent])
        .filter(|t| t.kind == TokenKind::Word && !super::lists::is_function_word(&t.fold))
        .map(|t| t.stem.as_ref())
        .collect()
}

/// Whether two figures of one kind trade places by the words before them
/// (original `wi`, `wj`; rewrite `wp`, `wr`): what tells the first from
/// the second in the original stands before the second in the rewrite, and
/// the other way round.
fn crossed_contexts<'w>((wi, wj): (&[&'w str], &[&'w str]), (wp, wr): (&[&str], &[&str])) -> bool {
    let only = |x: &[&'w str], y: &[&'w str]| -> Vec<&'w str> {
        x.iter().copied().filter(|w| !y.contains(w)).collect()
    };
    let (di, dj) = (only(wi, wj), only(wj, wi));
    let hits = |d: &[&str], w: &[&str]| d.iter().filter(|x| w.contains(x)).count();
    !di.is_empty() && !dj.is_empty() && hits(&di, wr) > hits(&di, wp) && hits(&dj, wp) > hits(&dj, wr)
}

/// The stem of the nearest content word before a quantity: what it counts
/// or who gives it ("turnout at 18,000", "organisers said 65,000").
fn measured(side: &Side<'_>, q: &Quantity) -> Option<String> {
    side.toks[q.start.saturating_sub(MEASURE_WINDOW)..q.start]
        .iter()
        .rev()
        .find(|t| t.kind == TokenKind::Word && !super::lists::is_function_word(&t.fold))
        .map(|t| t.stem.to_string())
}

/// Two figures both sides give, each now standing where the other stood:
/// "police put turnout at 18,000, organisers said 65,000" → "police put
/// turnout at 65,000, organisers said 18,000".
fn swapped_figures(
    cx: &UnitCx<'_>,
    (qa, qb): (&[Quantity], &[Quantity]),
    matched: &[(usize, usize)],
) -> Option<Finding> {
    if matched.len() < 2 {
        return None;
    }
    // What stands before each figure, read once per figure.
    let nearest = |side: &Side<'_>, qs: &[Quantity]| qs.iter().map(|q| measured(side, q)).collect::<Vec<_>>();
    let (ma, mb) = (nearest(&cx.a, qa), nearest(&cx.b, qb));
    let wa: Vec<Vec<&str>> = (0..qa.len()).map(|k| context_words(&cx.a, qa, k)).collect();
    let wb: Vec<Vec<&str>> = (0..qb.len()).map(|k| context_words(&cx.b, qb, k)).collect();
    // "on June 2, 1940, … the third" / "on 2 June 1940, the third": a day
    // of a month trades places only with another day ("June 17 … May 20"
    // / "May 20 … June 17").
    let day = |side: &Side<'_>, q: &Quantity| {
        let month = |k: usize| {
            side.toks
                .get(k)
                .is_some_and(|t| super::dates::is_calendar_word(&t.fold))
        };
        (q.start > 0 && month(q.start - 1)) || month(q.end)
    };
    let days_a: Vec<bool> = qa.iter().map(|q| day(&cx.a, q)).collect();
    for (n, &(i, p)) in matched.iter().enumerate() {
        for &(j, r) in &matched[n + 1..] {
            if same(&qa[i], &qa[j]) || days_a[i] != days_a[j] {
                continue;
            }
            // "fell from 40 to 25" / "now 25, down from 40": each figure
            // keeps its end of the change.
            let from = |side: &Side<'_>, q: &Quantity| q.start > 0 && side.toks[q.start - 1].fold == "from";
            let (fi, fj) = (from(&cx.a, &qa[i]), from(&cx.a, &qa[j]));
            if fi != fj && fi == from(&cx.b, &qb[p]) && fj == from(&cx.b, &qb[r]) {
                continue;
            }
            let (ci, cj, cp, cr) = (&ma[i], &ma[j], &mb[p], &mb[r]);
            let one_kind = qa[i].unit == qa[j].unit && qb[p].unit == qb[r].unit;
            let crossed = (ci.is_some() && cj.is_some() && ci != cj && ci == cr && cj == cp)
                || (one_kind && crossed_contexts((&wa[i], &wa[j]), (&wb[p], &wb[r])));
            if crossed {
                let a_span = cx.a.cover(qa[i].start.min(qa[j].start), qa[i].end.max(qa[j].end));
                let b_span = cx.b.cover(qb[p].start.min(qb[r].start), qb[p].end.max(qb[r].end));
                let reason = format!(
                    "figures swapped: ‘{}’ and ‘{}’ trade places",
                    clip(cx.a.text(cx.a.cover(qa[i].start, qa[i].end))),
                    clip(cx.a.text(cx.a.cover(qa[j].start, qa[j].end)))
                );
                return Some(Finding::new(
                    Kind::Number,
                    0.8,
                    Some(a_span),
                    Some(b_span),
                    reason,
                ));
            }
        }
    }
    None
}

/// An ordinal, in words or figures ("third", "22nd").
#[must_use]
pub fn is_ordinal_word(fold: &str) -> bool {
    let digits = fold.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &fold[digits.len()..];
    lookup(&ORDINALS, fold).is_some()
        || (!digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit())
            && matches!(suffix, "st" | "nd" | "rd" | "th"))
}

/// Whether a folded word names a number, an ordinal or a magnitude
/// ("thirty", "seventh", "million"): the numbers detector judges those.
#[must_use]
pub fn is_number_word(fold: &str) -> bool {
    lookup(&SMALL, fold).is_some() || lookup(&ORDINALS, fold).is_some() || lookup(&MAGNITUDES, fold).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::facts::context::DocIndex;
    use crate::engine::segment::segment;
    use crate::engine::text::{Document, Span};

    /// The filter only rules out words no entry has: the look-up finds
    /// what a scan of the table finds, for every entry and other words.
    #[test]
    fn table_filter_hides_no_entry() {
        fn same<T: Copy + PartialEq + std::fmt::Debug>(table: &Table<T>) {
            let words = ["", "the", "a", "an", "x", "m", "lord", "thousandth", "°c", "£"];
            for key in table.entries.iter().map(|(k, _)| *k).chain(words) {
                let scan = table.entries.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
                assert_eq!(lookup(table, key), scan, "{key}");
            }
        }
        same(&SMALL);
        same(&ORDINALS);
        same(&MAGNITUDES);
        same(&CURRENCIES);
        same(&UNITS);
        same(&SCALED_UNITS);
        same(&FRACTIONS);
        same(&VAGUE);
        same(&ORDINAL_UNITS);
        same(&WORD_MAGNITUDES);
        same(&MULTIPLES);
        same(&AS_MANY);
    }

    fn values(text: &str) -> Vec<(f64, &'static str)> {
        let doc = Document::from(text);
        let seg = segment(&doc);
        let index = DocIndex::new(&doc, &seg);
        let side = Side::new(&doc, &index, &seg, Span::new(0, text.len()));
        quantities(&side).iter().map(|q| (q.value, q.unit)).collect()
    }

    #[test]
    fn money_forms_agree() {
        assert_eq!(values("$35m"), [(35e6, "$")]);
        assert_eq!(values("$35 million"), [(35e6, "$")]);
        assert_eq!(values("$35,000,000"), [(35e6, "$")]);
    }

    #[test]
    fn ages_decades_and_pounds_agree() {
        for (a, b) in [
            ("a 23-year-old man", "a man aged 23"),
            ("a 23-year-old man", "a man, 23,"),
            ("he was 23 years old", "a 23-year-old"),
            ("almost three decades", "nearly 30 years"),
            ("£38,000", "38,000 pounds"),
            ("at 11 p.m. on", "at 11pm on"),
            ("at 23:00", "at 11 p.m."),
            ("5:30 a.m.", "5:30am"),
            ("half a billion euros", "500 million euros"),
            ("a million people", "1,000,000 people"),
            ("within a fortnight", "within two weeks"),
            ("38mm of rain", "38 millimetres of rain"),
            ("300 metres away", "300m away"),
            ("1.4 million people", "1.4m people"),
            ("1.3 billion euro", "€1.3 billion"),
            ("after his 18th birthday", "after he turned 18"),
            ("at 6:15 p.m.", "at 6.15pm"),
            ("13C", "13 degrees Celsius"),
            ("A$25 million", "25 million Australian dollars"),
        ] {
            let (va, vb) = (quantity(a), quantity(b));
            assert!(same(&va, &vb), "{a}: {va:?} / {b}: {vb:?}");
        }
        assert!(!same(&quantity("a 23-year-old"), &quantity("a 32-year-old")));
        assert!(!same(&quantity("23 years"), &quantity("23 days")));
        assert!(!same(&quantity("at 5:30 a.m."), &quantity("at 6:30 a.m.")));
        assert!(!same(&quantity("at 6 a.m."), &quantity("at 6 p.m.")));
        assert!(!same(&quantity("six weeks"), &quantity("6:00")));
        assert!(!same(&quantity("600 hectares"), &quantity("600 acres")));
        assert!(!same(&quantity("£300m"), &quantity("300m")));
    }

    fn quantity(text: &str) -> Quantity {
        let doc = Document::from(text);
        let seg = segment(&doc);
        let index = DocIndex::new(&doc, &seg);
        let side = Side::new(&doc, &index, &seg, Span::new(0, text.len()));
        quantities(&side).first().cloned().expect("a quantity")
    }

    #[test]
    fn short_year_of_a_range_is_read_in_its_century() {
        assert_eq!(values("the 2019–20 season"), [(2019.0, ""), (2020.0, "")]);
        assert_eq!(values("the 2019-2020 season"), [(2019.0, ""), (2020.0, "")]);
        assert_eq!(values("scored 3-20 in total"), [(3.0, ""), (20.0, "")]);
    }

    #[test]
    fn words_and_percent() {
        assert_eq!(values("forty-two people"), [(42.0, "")]);
        assert_eq!(values("12 per cent and 12%"), [(12.0, "%"), (12.0, "%")]);
        assert_eq!(values("two million"), [(2e6, "")]);
    }

    #[test]
    fn ordinals_and_decimals() {
        assert_eq!(
            values("the 3rd and the first, 2.5 km"),
            [(3.0, "ordinal"), (1.0, "ordinal"), (2.5, "km")]
        );
    }

    #[test]
    fn numbers_inside_quotes_are_left_to_the_quote_detector() {
        assert!(values("He said “we saw 40 boats”.").is_empty());
    }
}
