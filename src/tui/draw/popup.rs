//! Overlays: the key table and the note editor, centred over the screen.

use super::super::app::App;
use super::super::keymap::KEYS;
use super::super::wrap::wrap;
use super::{clip, put};
use crate::engine::Span;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// A box of at most `w`×`h` centred in `area`, with its inner area.
fn boxed(area: Rect, w: u16, h: u16, title: &str, buf: &mut Buffer) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(r, buf);
    let block = Block::default().borders(Borders::ALL).title(title.to_owned());
    let inner = block.inner(r);
    block.render(r, buf);
    inner
}

pub fn help(app: &App, area: Rect, buf: &mut Buffer) {
    let h = u16::try_from(KEYS.len() + 2).unwrap_or(u16::MAX);
    let inner = boxed(area, 86, h, " keys (any key closes) ", buf);
    let key_w = 20u16.min(inner.width);
    for (row, (key, what)) in KEYS.iter().enumerate() {
        let Ok(dy) = u16::try_from(row) else { break };
        if dy >= inner.height {
            break;
        }
        let y = inner.y + dy;
        put(buf, inner.x, y, key, key_w, app.theme.factual_mark());
        let rest = inner.width - key_w;
        put(
            buf,
            inner.x + key_w,
            y,
            &clip(what, usize::from(rest)),
            rest,
            Style::new(),
        );
    }
}

pub fn editor(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(ed) = &app.editor else { return };
    let title = app.editing_discrepancy().map_or_else(
        || " note on selected text (Esc: done) ".to_owned(),
        |i| {
            format!(
                " note on {} (Enter: new line, Esc: done) ",
                app.pair.cmp.discrepancies[i].id
            )
        },
    );
    let inner = boxed(area, 64, 12, &title, buf);
    if inner.width == 0 {
        return;
    }
    // The cursor is drawn as a bar character inside the text; when the note
    // is longer than the box, its end (where typing happens) stays visible.
    let mut shown = ed.text.clone();
    shown.insert(ed.cursor, '▏');
    let mut lines: Vec<String> = Vec::new();
    for line in shown.split('\n') {
        for r in wrap(line, Span::new(0, line.len()), usize::from(inner.width)) {
            lines.push(line[r].chars().map(crate::sanitize::replacement).collect());
        }
    }
    let cursor_line = lines.iter().position(|l| l.contains('▏')).unwrap_or(0);
    let first = (cursor_line + 1).saturating_sub(usize::from(inner.height));
    for (y, text) in (inner.y..inner.bottom()).zip(lines.iter().skip(first)) {
        put(buf, inner.x, y, text, inner.width, Style::new());
    }
}
