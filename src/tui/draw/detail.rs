//! The detail pane under the panes: the selected discrepancy in full — id,
//! kind, confidence, verdict, the whole reason, where it is on each side
//! (line, column, paragraph) with a little context around it, and the note.

use super::super::action::Verdict;
use super::super::app::App;
use super::super::pair::Side;
use super::super::wrap::{display, wrap};
use super::{blank, clip, one_line, put};
use crate::engine::{Discrepancy, Span};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_segmentation::UnicodeSegmentation;

/// Bytes of context shown on each side of the flagged words, at most.
const CONTEXT_BYTES: usize = 90;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(i) = app.current else { return };
    if area.height == 0 || area.width < 10 {
        return;
    }
    let d = &app.pair.cmp.discrepancies[i];
    for y in area.top()..area.bottom() {
        blank(buf, area, y, Style::new());
    }
    let w = area.width;
    put(
        buf,
        area.x,
        area.y,
        &clip(&header(app, i, d), usize::from(w)),
        w,
        app.theme.bar(),
    );
    let mut y = area.y + 1;
    // The whole reason, wrapped, however long.
    let reason = one_line(&d.reason);
    for line in wrap(&reason, Span::new(0, reason.len()), usize::from(w - 1)) {
        if y >= area.bottom() {
            return;
        }
        put(buf, area.x + 1, y, &reason[line], w - 1, app.theme.factual_mark());
        y += 1;
    }
    let note_rows = 1;
    let rows_left = area.bottom().saturating_sub(y).saturating_sub(note_rows);
    if rows_left > 0 {
        let half = w / 2;
        let left = Rect::new(area.x, y, half, rows_left);
        let right = Rect::new(area.x + half, y, w - half, rows_left);
        side(app, d, Side::Original, left, buf);
        side(app, d, Side::Rewrite, right, buf);
        y += rows_left;
    }
    if y < area.bottom() {
        let note = app.review.note(i);
        let text = if note.trim().is_empty() {
            " note: none (Enter writes one)".to_owned()
        } else {
            format!(" note: {}", one_line(note))
        };
        put(buf, area.x, y, &clip(&text, usize::from(w)), w, Style::new());
    }
}

/// `─ d3 · quote · FACTUAL · confidence 0.90 · ✓ confirmed · i: hide ─`
fn header(app: &App, i: usize, d: &Discrepancy) -> String {
    let factual = match d.tier() {
        crate::engine::Tier::Factual => "FACTUAL",
        crate::engine::Tier::Check => "check: meaning may have changed",
        crate::engine::Tier::Wording => "rewording",
    };
    let verdict = match app.review.verdict(i) {
        Verdict::Confirmed => "✓ confirmed",
        Verdict::Dismissed => "✗ dismissed",
        Verdict::Unset => "not reviewed",
    };
    format!(
        " {} · {} · {factual} · confidence {:.2} · {verdict}   (i: hide)",
        d.id,
        d.kind.label(),
        d.confidence
    )
}

/// One side: where the flagged words are, then them in their context.
fn side(app: &App, d: &Discrepancy, side: Side, area: Rect, buf: &mut Buffer) {
    let name = match side {
        Side::Original => "original",
        Side::Rewrite => "rewrite",
    };
    let span = match side {
        Side::Original => d.original,
        Side::Rewrite => d.rewrite,
    };
    let w = area.width.saturating_sub(2);
    let Some(span) = span else {
        put(
            buf,
            area.x + 1,
            area.y,
            &format!("{name}: (not in the {name})"),
            w,
            app.theme.dim(),
        );
        return;
    };
    let (place, para) = app.pair.place(side, span.start);
    let para = para.map_or_else(String::new, |p| format!(", ¶ {p}"));
    let head = format!("{name}: line {}:{}{para}", place.line, place.column);
    put(
        buf,
        area.x + 1,
        area.y,
        &clip(&head, usize::from(w)),
        w,
        app.theme.dim(),
    );
    let text = app.pair.doc(side).text();
    let context = around(text, span, app.pair.unit_span(d.unit, side));
    let lines = wrap(text, context, usize::from(w.max(1)));
    let rows = usize::from(area.height.saturating_sub(1));
    // Keep the flagged words in view when the context is taller than the room.
    let first_flagged = lines.iter().position(|r| r.end > span.start).unwrap_or(0);
    let skip = (first_flagged + 1).saturating_sub(rows);
    for (row, range) in lines.iter().skip(skip).take(rows).enumerate() {
        let y = area.y + 1 + u16::try_from(row).unwrap_or(u16::MAX);
        let mut x = area.x + 1;
        let mut at = range.start;
        for g in text[range.clone()].graphemes(true) {
            let (shown, width) = display(g);
            let inside = span.start <= at && at < span.end.max(span.start + 1);
            let style = if inside { app.theme.factual() } else { Style::new() };
            let used = put(buf, x, y, &shown, (area.x + 1 + w).saturating_sub(x), style);
            if used == 0 && width > 0 {
                break;
            }
            x += used;
            at += g.len();
        }
    }
}

/// The flagged span with up to `CONTEXT_BYTES` either side, kept inside
/// its unit's text when there is one, and cut at word boundaries.
fn around(text: &str, span: Span, unit: Option<Span>) -> Span {
    let bounds = unit.unwrap_or(Span::new(0, text.len()));
    let lo = bounds.start.min(span.start);
    let hi = bounds.end.max(span.end);
    let mut start = span.start.saturating_sub(CONTEXT_BYTES).max(lo);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    if start > lo {
        // From the next word on, so no word is shown cut.
        if let Some(i) = text[start..span.start].find(char::is_whitespace) {
            start += i;
        }
    }
    let mut end = (span.end + CONTEXT_BYTES).min(hi);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end < hi
        && let Some(i) = text[span.end..end].rfind(char::is_whitespace)
    {
        end = span.end + i;
    }
    let start = start + (text[start..span.start].len() - text[start..span.start].trim_start().len());
    Span::new(start.min(span.start), end.max(span.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_is_cut_at_words_and_kept_in_the_unit() {
        let text = "Before. The minister called for restraint after the attack on the capital. After.";
        let at = text.find("restraint").unwrap();
        let span = Span::new(at, at + "restraint".len());
        let unit = Span::new(8, text.find(" After").unwrap());
        let c = around(text, span, Some(unit));
        assert_eq!(
            &text[c.range()],
            "The minister called for restraint after the attack on the capital."
        );
        let long = format!("{} restraint {}", "word ".repeat(40), "more ".repeat(40));
        let at = long.find("restraint").unwrap();
        let span = Span::new(at, at + 9);
        let c = around(&long, span, None);
        let shown = &long[c.range()];
        assert!(
            shown.starts_with("word") && shown.trim_end().ends_with("more"),
            "{shown:?}"
        );
        assert!(c.len() <= 2 * CONTEXT_BYTES + 9);
    }
}
