//! Leftover sentences whose figures moved into the sentence beside them.
//!
//! A rewrite that splits or merges sentences often carries a figure across
//! the boundary in another form: "starting at 7:30 p.m. and lasting about
//! two hours" becomes a sentence of its own, "The music starts at half past
//! seven in the evening and should last roughly 120 minutes", and "Tickets
//! cost £35." ends the next sentence as "seats are thirty-five pounds".
//! Word overlap cannot see that (the aligner leaves such a sentence added
//! or removed, and the figure looks new on one side and gone on the
//! other); the values can. A one-sided sentence joins the matched unit
//! beside it in its paragraph when every figure it states is stated by
//! that unit's other side and not by the unit's own side, so the figures
//! are compared where they now are.

use super::context::{DocIndex, Side};
use super::numbers::{Quantity, quantities, same};
use crate::engine::align::{AlignedUnit, drop_gone, holders};
use crate::engine::lexicon::is_stop_word;
use crate::engine::segment::{Segmented, TokenKind};
use crate::engine::text::Document;
use std::ops::Range;

/// Share of a leftover sentence's content words (figures aside) that the
/// unit's other side must also hold when the sentence states one figure,
/// unless it has at most [`FEW_WORDS`] of them: a lone figure came with
/// some of its context. Two figures or more found together are evidence
/// enough.
const CONTENT_SHARE: f32 = 0.25;

/// A sentence this short ("Tickets cost £35.") is its figures.
const FEW_WORDS: usize = 3;

/// Joins one-sided sentences to the matched unit beside them whose other
/// side states their figures (see the module comment). Units stay in
/// order; a joined unit keeps its score.
pub fn regroup(
    a_doc: &Document,
    a_seg: &Segmented,
    b_doc: &Document,
    b_seg: &Segmented,
    units: &mut Vec<AlignedUnit>,
) {
    let sides = [(a_doc, a_seg), (b_doc, b_seg)];
    // No quotations and no stems are needed to read figures.
    let index = DocIndex::empty();
    let side = |x: usize, r: &Range<usize>| {
        let (doc, seg) = sides[x];
        Side::new(doc, &index, seg, seg.span_of(r))
    };
    let range = |u: &AlignedUnit, x: usize| {
        if x == 0 {
            u.original.clone()
        } else {
            u.rewrite.clone()
        }
    };
    let mut holder = [holders(units, false), holders(units, true)];
    let mut gone = vec![false; units.len()];
    for k in 0..units.len() {
        let (x, s) = match (&units[k].original, &units[k].rewrite) {
            (Some(r), None) if r.len() == 1 => (0, r.start),
            (None, Some(r)) if r.len() == 1 => (1, r.start),
            _ => continue,
        };
        let leftover = side(x, &(s..s + 1));
        let figures = quantities(&leftover);
        if figures.is_empty() {
            continue;
        }
        let sentences = &sides[x].1.sentences;
        let next = [s.checked_sub(1), Some(s + 1)];
        let found = next
            .iter()
            .flatten()
            .filter_map(|n| holder[x].get(n))
            .find(|&&h| {
                let (Some(own), Some(there)) = (range(&units[h], x), range(&units[h], 1 - x)) else {
                    return false;
                };
                let beside = (own.end == s && sentences[own.end - 1].paragraph == sentences[s].paragraph)
                    || (own.start == s + 1 && sentences[own.start].paragraph == sentences[s].paragraph);
                if !beside {
                    return false;
                }
                let (own, there) = (side(x, &own), side(1 - x, &there));
                let (said, here) = (quantities(&there), quantities(&own));
                figures
                    .iter()
                    .all(|f| said.iter().any(|t| same(f, t)) && !here.iter().any(|o| same(f, o)))
                    && context_kept(&leftover, figures, &there)
            });
        let Some(&h) = found else { continue };
        let joined = |r: &Range<usize>| r.start.min(s)..r.end.max(s + 1);
        if x == 0 {
            units[h].original = units[h].original.as_ref().map(joined);
        } else {
            units[h].rewrite = units[h].rewrite.as_ref().map(joined);
        }
        holder[x].insert(s, h);
        gone[k] = true;
    }
    drop_gone(units, &gone, Vec::new());
}

/// Whether the leftover states several figures, or its content words
/// outside its one figure are few, or enough of them are in `there` (by
/// stem).
fn context_kept(leftover: &Side<'_>, figures: &[Quantity], there: &Side<'_>) -> bool {
    if figures.len() > 1 {
        return true;
    }
    let in_figure = |i: usize| figures.iter().any(|f| (f.start..f.end).contains(&i));
    let words: Vec<&str> = leftover
        .toks
        .iter()
        .enumerate()
        .filter(|(i, t)| t.kind == TokenKind::Word && !in_figure(*i) && !is_stop_word(&t.fold))
        .map(|(_, t)| t.stem.as_ref())
        .collect();
    if words.len() <= FEW_WORDS {
        return true;
    }
    let kept = words
        .iter()
        .filter(|w| there.toks.iter().any(|t| t.stem == **w))
        .count();
    #[allow(clippy::cast_precision_loss)]
    let share = kept as f32 / words.len() as f32;
    share >= CONTENT_SHARE
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::align::align;
    use crate::engine::segment::segment;

    /// The units before and after regrouping, as (original, rewrite) ranges.
    type Ranges = Vec<(Option<Range<usize>>, Option<Range<usize>>)>;

    fn units(a: &str, b: &str) -> (Ranges, Ranges) {
        let (da, db) = (Document::from(a), Document::from(b));
        let (sa, sb) = (segment(&da), segment(&db));
        let mut units = align(&da, &sa, &db, &sb);
        let ranges = |us: &[AlignedUnit]| {
            us.iter()
                .map(|u| (u.original.clone(), u.rewrite.clone()))
                .collect()
        };
        let before = ranges(&units);
        regroup(&da, &sa, &db, &sb, &mut units);
        (before, ranges(&units))
    }

    fn one_sided(us: &Ranges) -> usize {
        us.iter().filter(|(a, b)| a.is_none() || b.is_none()).count()
    }

    const SPLIT_A: &str = "The fair opens on Friday with a concert by the town band in the market square, \
        starting at 8:15 p.m. and lasting about three hours. It closes on Sunday with a parade.\n";
    const SPLIT_B: &str = "The fair begins on Friday, when the town band plays in the market square. \
        The music starts at a quarter past eight in the evening and runs for roughly 180 minutes. \
        A parade on Sunday brings it to an end.\n";

    #[test]
    fn a_split_off_sentence_joins_the_unit_that_states_its_figures() {
        let (before, after) = units(SPLIT_A, SPLIT_B);
        assert_eq!(one_sided(&before), 1, "{before:?}");
        assert_eq!(one_sided(&after), 0, "{after:?}");
        assert!(after.contains(&(Some(0..1), Some(0..2))), "{after:?}");
    }

    #[test]
    fn a_merged_away_price_joins_the_sentence_that_now_ends_with_it() {
        let a = "The new play runs for two weeks at the Corn Exchange. Each evening begins at 7 p.m. \
            and lasts two and a half hours, with an interval of twenty minutes. Tickets cost £35.\n";
        let b = "For two weeks the Corn Exchange stages the new play. Each evening runs for 150 minutes, \
            a twenty-minute interval included, from seven in the evening, and seats are thirty-five pounds.\n";
        let (before, after) = units(a, b);
        assert!(one_sided(&before) >= 1, "{before:?}");
        assert_eq!(one_sided(&after), 0, "{after:?}");
    }

    #[test]
    fn a_figure_of_another_value_stays_removed() {
        let a = "The new play runs for two weeks at the Corn Exchange. Each evening begins at 7 p.m. \
            and lasts two and a half hours, with an interval of twenty minutes. Tickets cost £35.\n";
        let b = "For two weeks the Corn Exchange stages the new play. Each evening runs for 150 minutes, \
            a twenty-minute interval included, from seven in the evening, and seats are forty pounds.\n";
        let (before, after) = units(a, b);
        assert_eq!(before, after);
        assert!(one_sided(&after) >= 1, "{after:?}");
    }

    #[test]
    fn a_figure_the_unit_states_on_both_sides_is_no_evidence() {
        // The merged sentence states 1998 on both sides already: the
        // removed sentence's 1998 is said twice in the original, once in
        // the rewrite, and it stays removed.
        let a = "She moved to the coast in 1998 and opened a bakery. The bakery burned down in 1998.\n";
        let b = "She moved to the coast in 1998 and opened a bakery there.\n";
        let (_, after) = units(a, b);
        assert_eq!(one_sided(&after), 1, "{after:?}");
    }
}
