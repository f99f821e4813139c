//! The annotation sidebar: every discrepancy with its kind, verdict and note
//! excerpt, following the current one; then free notes and orphaned
//! annotations.

use super::super::action::{Mode, Verdict};
use super::super::app::App;
use super::{blank, clip, one_line, put};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height == 0 || area.width < 3 {
        return;
    }
    let t = app.theme;
    let x = area.x + 1;
    let w = area.width - 1;
    for y in area.top()..area.bottom() {
        blank(buf, area, y, Style::new());
        put(buf, area.x, y, "┃", 1, t.dim());
    }
    let focus = if app.mode == Mode::Sidebar {
        "leave"
    } else {
        "focus"
    };
    let shown = app.filter.label();
    put(
        buf,
        x,
        area.y,
        &clip(&format!(" {shown} (t: filter, Tab: {focus})"), usize::from(w)),
        w,
        t.bar(),
    );
    let extra = app.sidebar_extra_lines();
    let Some(list_area) = app.sidebar_list_area() else {
        return;
    };
    list(app, list_area, buf);
    for (y, line) in (list_area.bottom()..area.bottom()).zip(extra.iter()) {
        put(buf, x, y, &clip(line, usize::from(w)), w, Style::new());
    }
}

/// The discrepancy list, scrolled so the current one sits mid-way.
fn list(app: &App, area: Rect, buf: &mut Buffer) {
    let all = &app.pair.cmp.discrepancies;
    let rows = usize::from(area.height);
    if rows == 0 {
        return;
    }
    let items = app.sidebar_items();
    let first = app.sidebar_first(&items, rows);
    let t = app.theme;
    if app.checking && items.is_empty() {
        let line = "checking… (flags appear when the detectors finish)";
        put(
            buf,
            area.x,
            area.y,
            &clip(line, usize::from(area.width)),
            area.width,
            t.dim(),
        );
    }
    for (row, &i) in items.iter().skip(first).take(rows).enumerate() {
        let d = &all[i];
        let mark = match app.review.verdict(i) {
            Verdict::Confirmed => "✓",
            Verdict::Dismissed => "✗",
            Verdict::Unset => "·",
        };
        let kind = super::panes::short(d.kind.label(), d.factual);
        let pointer = if app.current == Some(i) { "▶" } else { " " };
        // A note when there is one, else why the engine flagged it.
        let note = app.review.note(i);
        let tail = if note.trim().is_empty() {
            format!("({})", one_line(&d.reason))
        } else {
            format!("✎ {}", one_line(note))
        };
        let line = format!("{pointer}{:<4}{mark} {kind} {tail}", d.id);
        let style = if app.current == Some(i) {
            t.current()
        } else if d.factual {
            t.factual_mark()
        } else {
            Style::new()
        };
        let y = area.y + u16::try_from(row).unwrap_or(u16::MAX);
        put(
            buf,
            area.x,
            y,
            &clip(&line, usize::from(area.width)),
            area.width,
            style,
        );
    }
}
