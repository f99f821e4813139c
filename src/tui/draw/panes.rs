//! The two text panes, the paragraph gutter and the kind tags between them,
//! drawn row by row from one scroll position.

use super::super::app::App;
use super::super::geometry::Screen;
use super::super::pair::Side;
use super::super::rows::{Row, UnitRows, opened_paragraph};
use super::super::wrap::display;
use super::{blank, clip, put};
use crate::engine::{Discrepancy, Span};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_segmentation::UnicodeSegmentation;

pub fn render(app: &App, s: &Screen, buf: &mut Buffer) {
    title(app, s, buf);
    let rows = usize::from(s.left.height);
    let units = app.pair.unit_count();
    let mut unit = app.top.unit;
    let mut r = app.top.row;
    for y in 0..rows {
        if unit >= units {
            break;
        }
        let layout = app.rows.get(&app.pair, unit);
        let sy = s.left.y + u16::try_from(y).unwrap_or(u16::MAX);
        for (side, area) in [(Side::Original, s.left), (Side::Rewrite, s.right)] {
            text_row(app, unit, &layout, side, r, area, sy, buf);
        }
        gutter(app, unit, &layout, r, s.gutter, sy, buf);
        tag(app, unit, &layout, r, s.mid, sy, buf);
        r += 1;
        if r >= layout.height() {
            unit += 1;
            r = 0;
        }
    }
}

fn title(app: &App, s: &Screen, buf: &mut Buffer) {
    if s.title.height == 0 {
        return;
    }
    let style = app.theme.bar();
    blank(buf, s.title, s.title.y, style);
    // With several copies of the original, which one this is.
    let copy = app.copies.label().unwrap_or_else(|| "rewrite".to_owned());
    let rewrite_label = if app.pair.rewrite_order {
        format!("{copy} (its order)")
    } else {
        copy
    };
    for (side, area, label) in [
        (Side::Original, s.left, "original"),
        (Side::Rewrite, s.right, rewrite_label.as_str()),
    ] {
        let name = super::one_line(app.pair.name(side));
        // Long paths lose their start: the file name is what tells panes apart.
        let room = usize::from(area.width).saturating_sub(label.len() + 2);
        let text = format!("{label}: {}", super::clip_start(&name, room));
        put(buf, area.x, s.title.y, &text, area.width, style);
    }
}

/// One row of one pane.
#[allow(clippy::too_many_arguments)]
fn text_row(
    app: &App,
    unit: usize,
    layout: &UnitRows,
    side: Side,
    r: usize,
    area: Rect,
    y: u16,
    buf: &mut Buffer,
) {
    match layout.row(side, r) {
        Row::Gap | Row::Filler => {}
        Row::Moved(note) => {
            put(
                buf,
                area.x,
                y,
                &clip(note, usize::from(area.width)),
                area.width,
                app.theme.dim(),
            );
        }
        Row::Text(_, range) => {
            let layers = layers(app, unit, side, Span::new(range.start, range.end));
            let text = app.pair.doc(side).text();
            let mut x = area.x;
            let mut after_space = false;
            for (i, g) in text[range.clone()].grapheme_indices(true) {
                let at = range.start + i;
                // Whitespace runs collapse to one space, as `wrap` measured them.
                let space = g.chars().all(char::is_whitespace);
                if space && after_space {
                    continue;
                }
                after_space = space;
                let style = layers
                    .iter()
                    .filter(|(span, _)| span.start <= at && at < span.end)
                    .fold(Style::new(), |acc, (_, st)| acc.patch(*st));
                let (shown, _) = display(g);
                let room = area.right().saturating_sub(x);
                x += put(buf, x, y, &shown, room, style);
            }
        }
    }
}

/// Highlights over one line, lowest layer first: changed words, factual
/// flags, the current discrepancy, search matches, the selection.
fn layers(app: &App, unit: usize, side: Side, line: Span) -> Vec<(Span, Style)> {
    let t = app.theme;
    let u = &app.pair.cmp.units[unit];
    let diff_style = if side == Side::Original {
        t.deleted()
    } else {
        t.inserted()
    };
    let mut out: Vec<(Span, Style)> = Vec::new();
    let one_sided = u.original.is_none() || u.rewrite.is_none();
    if one_sided {
        out.extend(app.pair.unit_span(unit, side).map(|s| (s, diff_style)));
    }
    for h in &u.hunks {
        out.extend(side_span(side, h.original, h.rewrite).map(|s| (s, diff_style)));
    }
    let all = &app.pair.cmp.discrepancies;
    for i in app.pair.discrepancies_of(unit) {
        if all[i].factual {
            out.extend(span_of(&all[i], side).map(|s| (s, t.factual())));
        }
    }
    if let Some(i) = app.current.filter(|&i| all[i].unit == unit) {
        out.extend(span_of(&all[i], side).map(|s| (s, t.current())));
    }
    for (i, m) in app.search.within(unit, side, line) {
        let st = if app.search.current == Some(i) {
            t.current()
        } else {
            t.matched()
        };
        out.push((m.span, st));
    }
    if let Some(sel) = app.selection.filter(|s| s.side == side) {
        out.push((sel.span, t.selected()));
    }
    out.retain(|(s, _)| s.overlaps(line));
    out
}

const fn side_span(side: Side, original: Option<Span>, rewrite: Option<Span>) -> Option<Span> {
    match side {
        Side::Original => original,
        Side::Rewrite => rewrite,
    }
}

fn span_of(d: &Discrepancy, side: Side) -> Option<Span> {
    side_span(side, d.original, d.rewrite)
}

/// Rows of the unit before its text (blank gap, moved note).
fn head(layout: &UnitRows) -> usize {
    layout.height() - layout.lines[0].len().max(layout.lines[1].len()).max(1)
}

/// The reworded percent at the first text row of each original paragraph.
fn gutter(app: &App, unit: usize, layout: &UnitRows, r: usize, area: Rect, y: u16, buf: &mut Buffer) {
    if holds_current_match(app, unit, layout, r) {
        put(
            buf,
            area.x + 4,
            y,
            "»",
            area.width.saturating_sub(4),
            app.theme.factual_mark(),
        );
    }
    if r != head(layout) {
        return;
    }
    if let Some(p) = opened_paragraph(&app.pair, unit).or_else(|| (unit == 0).then_some(0)) {
        let pct = app.pair.percent.get(p).copied().unwrap_or(0);
        put(
            buf,
            area.x,
            y,
            &format!("{pct:>3}%"),
            area.width.min(4),
            app.theme.dim(),
        );
    }
}

/// Whether row `r` of `unit` shows the current search match (either side),
/// so the gutter can point at it without relying on colour.
fn holds_current_match(app: &App, unit: usize, layout: &UnitRows, r: usize) -> bool {
    let Some(m) = app.search.current.map(|i| app.search.matches[i]) else {
        return false;
    };
    m.unit == unit
        && matches!(layout.row(m.side, r), Row::Text(_, line) if line.start <= m.span.start && m.span.start < line.end.max(line.start + 1))
}

/// The middle column: one tag per discrepancy of the unit, factual ones
/// first and in capitals; the current one between arrows.
fn tag(app: &App, unit: usize, layout: &UnitRows, r: usize, area: Rect, y: u16, buf: &mut Buffer) {
    let t = app.theme;
    let Some(n) = r.checked_sub(head(layout)) else {
        put(buf, area.x, y, "│   │", area.width, t.dim());
        return;
    };
    let all = &app.pair.cmp.discrepancies;
    let mut ids: Vec<usize> = app.pair.discrepancies_of(unit).collect();
    ids.sort_by_key(|&i| (!all[i].factual, i));
    let Some(&i) = ids.get(n) else {
        put(buf, area.x, y, "│   │", area.width, t.dim());
        return;
    };
    let d = &all[i];
    let label = short(d.kind.label(), d.factual);
    let current = app.current == Some(i);
    let (l, rr) = if current { ("▶", "◀") } else { ("│", "│") };
    let style = match (current, d.tier()) {
        (true, _) => t.current(),
        (false, crate::engine::Tier::Factual) => t.factual_mark(),
        (false, crate::engine::Tier::Check) => t.check_mark(),
        _ => t.dim(),
    };
    put(buf, area.x, y, l, area.width, t.dim());
    put(buf, area.x + 1, y, &label, area.width.saturating_sub(1), style);
    put(buf, area.x + 4, y, rr, area.width.saturating_sub(4), t.dim());
}

/// Three-letter tag: capitals for factual flags.
pub fn short(label: &str, factual: bool) -> String {
    let tag: String = match label {
        "wording" => "wrd".into(),
        "attribution" => "atr".into(),
        "negation" => "neg".into(),
        "truncation" => "cut".into(),
        other => other.chars().take(3).collect(),
    };
    if factual { tag.to_uppercase() } else { tag }
}
