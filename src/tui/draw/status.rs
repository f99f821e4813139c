//! The status bar: file names, position among discrepancies, counts and the
//! last message; the search prompt while typing one.

use super::super::action::{Filter, Mode};
use super::super::app::App;
use super::super::pair::Side;
use super::{blank, clip, one_line, put};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let style = app.theme.bar();
    blank(buf, area, area.y, style);
    let text = if app.mode == Mode::Search {
        format!(
            "/{}   (Enter: search, Esc: cancel, Ctrl-W/U: delete)",
            one_line(&app.search.input)
        )
    } else {
        summary(app)
    };
    put(
        buf,
        area.x,
        area.y,
        &clip(&text, usize::from(area.width)),
        area.width,
        style,
    );
}

fn summary(app: &App) -> String {
    let all = &app.pair.cmp.discrepancies;
    let position = app.current.map_or_else(
        || format!("discrepancy -/{}", all.len()),
        |i| format!("discrepancy {}/{}", i + 1, all.len()),
    );
    let current = app.current.map(|i| {
        let d = &all[i];
        let flag = if d.factual { "FACTUAL " } else { "" };
        format!(" [{flag}{}]", d.kind.label())
    });
    let search = app.search.current.map(|i| {
        format!(
            " │ match {}/{} “{}”",
            i + 1,
            app.search.matches.len(),
            one_line(&app.search.query)
        )
    });
    let message = app.message.as_deref().map(|m| format!(" · {}", one_line(m)));
    // Progress counts the factual flags first: they are the review's work.
    let (done, factual) = app.review.reviewed_factual(&app.pair);
    let progress = if factual > 0 {
        format!(
            "reviewed {done}/{factual} factual ({}/{} all)",
            app.review.reviewed(),
            all.len()
        )
    } else {
        format!("reviewed {}/{}", app.review.reviewed(), all.len())
    };
    let filter = if app.filter == Filter::All {
        String::new()
    } else {
        format!(" │ sidebar: {}", app.filter.label())
    };
    let copy = app
        .copies
        .label()
        .map(|c| format!("{c} (] [) │ "))
        .unwrap_or_default();
    let checking = if app.checking { "checking… │ " } else { "" };
    format!(
        " {checking}{copy}{}{} │ {progress}{filter}{}{} │ {} ↔ {} │ ? help",
        position,
        current.unwrap_or_default(),
        search.unwrap_or_default(),
        message.unwrap_or_default(),
        one_line(app.pair.name(Side::Original)),
        one_line(app.pair.name(Side::Rewrite)),
    )
}
