//! Overlays: the key table and the note editor, centred over the screen.

use super::super::app::App;
use super::super::keymap::{COPY_KEYS, COPY_LEGEND, KEYS, LEGEND};
use super::super::wrap::wrap;
use super::{clip, put};
use crate::engine::Span;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders, Clear, Widget};
use unicode_width::UnicodeWidthStr;

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

/// The help's lines: the keys, then the legend under a heading; with
/// several copies of the original, their key and mark too.
fn help_lines(copies: bool) -> Vec<(&'static str, &'static str)> {
    let extra = |rows: &'static [(&'static str, &'static str)]| if copies { rows } else { &[] };
    let mut lines: Vec<(&str, &str)> = KEYS.to_vec();
    // Before the last two rows (quit, click), with the other commands.
    lines.splice(lines.len() - 2..lines.len() - 2, extra(COPY_KEYS).iter().copied());
    lines.push(("", ""));
    lines.push(("what you see", ""));
    lines.extend_from_slice(LEGEND);
    lines.extend_from_slice(extra(COPY_LEGEND));
    lines
}

/// The furthest the help can scroll on a screen of `area`.
#[must_use]
pub fn help_max_top(area: Rect, copies: bool) -> usize {
    let lines = help_lines(copies).len();
    let inner = usize::from(area.height.min(u16::try_from(lines + 2).unwrap_or(u16::MAX))).saturating_sub(2);
    lines.saturating_sub(inner)
}

pub fn help(app: &App, area: Rect, buf: &mut Buffer) {
    let lines = help_lines(app.copies.count() > 1);
    let h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let title = if usize::from(h) > usize::from(area.height) {
        " keys and legend (j/k scroll, any other key closes) "
    } else {
        " keys and legend (any key closes) "
    };
    let inner = boxed(area, 96, h, title, buf);
    let key_w = 20u16.min(inner.width);
    // Scrolled no further than shows the last line at the bottom.
    let max_top = lines.len().saturating_sub(usize::from(inner.height));
    let top = app.help_top.min(max_top);
    for (row, (key, what)) in lines.iter().skip(top).enumerate() {
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

/// The editor box's title.
fn editor_title(app: &App) -> String {
    app.editing_discrepancy().map_or_else(
        || " note on selected text (Esc: done) ".to_owned(),
        |i| {
            format!(
                " note on {} (Enter: new line, Esc: done) ",
                app.pair.cmp.discrepancies[i].id
            )
        },
    )
}

/// The note's lines as shown in a box `width` wide, and the cursor's
/// (line, column in cells) among them.
fn editor_lines(text: &str, cursor: usize, width: usize) -> (Vec<String>, (usize, usize)) {
    // A marker at the cursor finds its line after wrapping; it is taken
    // out again, and the cursor drawn there by the terminal.
    const MARK: char = '\u{E000}';
    let mut shown = text.to_owned();
    shown.insert(cursor, MARK);
    let mut lines: Vec<String> = Vec::new();
    let mut at = (0, 0);
    for line in shown.split('\n') {
        for r in wrap(line, Span::new(0, line.len()), width.saturating_sub(1).max(1)) {
            let piece = &line[r];
            if let Some(i) = piece.find(MARK) {
                at = (
                    lines.len(),
                    piece[..i]
                        .chars()
                        .map(crate::sanitize::replacement)
                        .collect::<String>()
                        .width(),
                );
            }
            lines.push(
                piece
                    .chars()
                    .filter(|&c| c != MARK)
                    .map(crate::sanitize::replacement)
                    .collect(),
            );
        }
    }
    (lines, at)
}

/// Where the terminal cursor goes while a note is typed.
pub fn editor_cursor(app: &App, area: Rect) -> Option<Position> {
    let ed = app.editor.as_ref()?;
    let inner = editor_box(area);
    if inner.width == 0 || inner.height == 0 {
        return None;
    }
    let (_, (line, col)) = editor_lines(&ed.text, ed.cursor, usize::from(inner.width));
    let first = (line + 1).saturating_sub(usize::from(inner.height));
    let y = inner.y + u16::try_from(line - first).ok()?;
    let x = inner.x + u16::try_from(col).ok()?.min(inner.width - 1);
    Some(Position::new(x, y))
}

/// The inside of the editor box, without drawing it.
fn editor_box(area: Rect) -> Rect {
    let (w, h) = (64u16.min(area.width), 12u16.min(area.height));
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Block::default().borders(Borders::ALL).inner(r)
}

pub fn editor(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(ed) = &app.editor else { return };
    let inner = boxed(area, 64, 12, &editor_title(app), buf);
    if inner.width == 0 {
        return;
    }
    // When the note is longer than the box, the cursor's line stays visible.
    let (lines, (line, _)) = editor_lines(&ed.text, ed.cursor, usize::from(inner.width));
    let first = (line + 1).saturating_sub(usize::from(inner.height));
    for (y, text) in (inner.y..inner.bottom()).zip(lines.iter().skip(first)) {
        put(buf, inner.x, y, text, inner.width, Style::new());
    }
    // The cell under the cursor reversed too, for terminals that hide it.
    if let Some(p) = editor_cursor(app, area)
        && let Some(cell) = buf.cell_mut(p)
    {
        cell.set_style(Style::new().add_modifier(Modifier::REVERSED));
    }
}
