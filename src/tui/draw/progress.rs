//! The frame shown while the comparison runs: the screen opens at once,
//! says what it is comparing, how far it has got (the engine reports its
//! share done by stage and unit) and for how long, and `q` quits.

use super::put;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear, Widget};
use std::time::Duration;

/// What the progress frame shows.
pub struct Progress<'a> {
    pub names: [&'a str; 2],
    /// Sizes of the two texts in bytes.
    pub bytes: [usize; 2],
    pub elapsed: Duration,
    /// Share of the comparison done, 0 to 1.
    pub share: f32,
}

const SPINNER: [&str; 8] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧"];

impl Widget for &Progress<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let w = 64u16.min(area.width);
        let h = 6u16.min(area.height);
        let r = Rect::new(
            area.x + (area.width - w) / 2,
            area.y + (area.height - h) / 2,
            w,
            h,
        );
        Clear.render(r, buf);
        let block = Block::default().borders(Borders::ALL).title(" factdiff ");
        let inner = block.inner(r);
        block.render(r, buf);
        let tick = usize::try_from(self.elapsed.as_millis() / 125).unwrap_or(0) % SPINNER.len();
        let lines = [
            format!(
                "{} comparing… {:.0} % · {} ↔ {}",
                SPINNER[tick],
                self.share.clamp(0.0, 1.0) * 100.0,
                super::one_line(self.names[0]),
                super::one_line(self.names[1])
            ),
            format!(
                "{} and {} · {:.1} s",
                size(self.bytes[0]),
                size(self.bytes[1]),
                self.elapsed.as_secs_f64()
            ),
            "q: quit".to_owned(),
        ];
        for (y, line) in (inner.y..inner.bottom()).zip(lines.iter()) {
            put(
                buf,
                inner.x + 1,
                y,
                &super::clip(line, usize::from(inner.width.saturating_sub(1))),
                inner.width.saturating_sub(1),
                Style::new(),
            );
        }
    }
}

/// `4.1 MB`, `12 kB`, `900 B`.
fn size(bytes: usize) -> String {
    #[allow(clippy::cast_precision_loss)]
    let b = bytes as f64;
    if bytes >= 1_000_000 {
        format!("{:.1} MB", b / 1e6)
    } else if bytes >= 1_000 {
        format!("{:.0} kB", b / 1e3)
    } else {
        format!("{bytes} B")
    }
}
