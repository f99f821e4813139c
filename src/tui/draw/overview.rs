//! The overview column: the whole comparison squeezed into the pane height,
//! marking where discrepancies (`·`, `•`) and factual flags (`◆`) lie and
//! which stretch is on screen (reversed).

use super::super::app::App;
use crate::engine::Kind;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let rows = usize::from(area.height);
    let units = app.pair.unit_count();
    if rows == 0 || area.width == 0 || units == 0 {
        return;
    }
    let row_of = |unit: usize| (unit * rows / units).min(rows - 1);
    // 0: nothing, 1: wording, 2: other discrepancy, 3: factual.
    let mut marks = vec![0u8; rows];
    for d in &app.pair.cmp.discrepancies {
        let rank = if d.factual {
            3
        } else if d.kind == Kind::Wording {
            1
        } else {
            2
        };
        let m = &mut marks[row_of(d.unit)];
        *m = (*m).max(rank);
    }
    let seen = row_of(app.top.unit)..=row_of(app.last_visible_unit());
    let t = app.theme;
    for (y, mark) in marks.iter().enumerate() {
        let in_view = seen.contains(&y);
        let (symbol, mut style) = match mark {
            3 => ("◆", t.factual_mark()),
            2 => ("•", t.dim()),
            1 => ("·", t.dim()),
            _ if in_view => ("┃", t.dim()),
            _ => ("│", t.dim()),
        };
        if in_view {
            style = style.patch(t.bar());
        }
        let pos = Position::new(area.x, area.y + u16::try_from(y).unwrap_or(u16::MAX));
        if let Some(cell) = buf.cell_mut(pos) {
            cell.set_symbol(symbol).set_style(style);
        }
    }
}
