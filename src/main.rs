//! Entry point: parse the command line, dispatch, map outcomes to exit codes
//! (0 identical, 1 different, 2 error).

use clap::{CommandFactory, Parser};
use factdiff::cli::{Cli, Command, Settings};
use factdiff::engine::Span;
use factdiff::input::{Source, file_comparison, load_source};
use factdiff::report::Report;
use factdiff::report::view::View;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

const EXIT_SAME: u8 = 0;
const EXIT_DIFFERENT: u8 = 1;
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version: clap's own text, on stdout.
            let _ = e.print();
            return ExitCode::from(EXIT_SAME);
        }
        Err(e) => {
            eprintln!("factdiff: {} (see 'factdiff --help')", usage_error(&e));
            return ExitCode::from(EXIT_ERROR);
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::from(EXIT_SAME);
            }
            eprintln!("factdiff: {}", one_line(&e));
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    let settings = || Settings::new(cli.color, cli.theme);
    match cli.command {
        Some(Command::Completions { shell }) => print_completions(shell),
        Some(Command::Man) => print_man(),
        Some(Command::Config { print_default, path }) => print_config(print_default, path),
        Some(Command::Report {
            original,
            rewrite,
            format,
            explain,
        }) => report(&original, &rewrite, format.into(), explain, &settings()?),
        Some(Command::Export {
            original,
            rewrite,
            format,
            output,
            annotations,
            only,
        }) => {
            let only = only.into();
            let settings = settings()?;
            let format = format.map_or(settings.export_format, Into::into);
            export(
                &original,
                &rewrite,
                format,
                output.as_deref(),
                annotations,
                only,
                &settings,
            )
        }
        None => review(
            cli.original.as_deref(),
            cli.rewrite.as_deref(),
            &cli.more_copies,
            cli.annotations,
            &settings()?,
        ),
    }
}

fn print_completions(shell: clap_complete::Shell) -> anyhow::Result<u8> {
    let mut out = std::io::stdout().lock();
    clap_complete::generate(shell, &mut Cli::command(), "factdiff", &mut out);
    out.flush()?;
    Ok(EXIT_SAME)
}

fn print_man() -> anyhow::Result<u8> {
    let mut out = std::io::stdout().lock();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    out.flush()?;
    Ok(EXIT_SAME)
}

fn print_config(print_default: bool, path: bool) -> anyhow::Result<u8> {
    let mut out = std::io::stdout().lock();
    if print_default {
        out.write_all(factdiff::config::DEFAULT_TOML.as_bytes())?;
    } else if path {
        match factdiff::config::path() {
            Some(p) => writeln!(out, "{}", p.display())?,
            None => anyhow::bail!("no config directory: set XDG_CONFIG_HOME or HOME"),
        }
    } else {
        let config = factdiff::config::load()?;
        let shown = toml::to_string(&config).unwrap_or_default();
        let from = factdiff::config::path().map_or_else(String::new, |p| p.display().to_string());
        writeln!(
            out,
            "# settings read from {from} (keys not set take their defaults)"
        )?;
        out.write_all(shown.as_bytes())?;
    }
    out.flush()?;
    Ok(EXIT_SAME)
}

fn report(
    original: &Path,
    rewrites: &[std::path::PathBuf],
    format: factdiff::report::Format,
    explain: bool,
    settings: &Settings,
) -> anyhow::Result<u8> {
    if let [rewrite] = rewrites {
        return report_pair(original, rewrite, format, explain, settings);
    }
    if explain {
        anyhow::bail!(
            "--explain works on one copy: run 'factdiff report ORIGINAL COPY --explain' for each copy"
        );
    }
    if format == factdiff::report::Format::Html {
        anyhow::bail!(
            "an HTML page shows one copy: run 'factdiff report ORIGINAL COPY --format html' for each copy"
        );
    }
    let rewrites: Vec<&Path> = rewrites.iter().map(|p| p.as_path()).collect();
    let (a, copies) = load_copies(original, &rewrites)?;
    let compared: Vec<_> = copies
        .iter()
        .map(|b| settings.compare(a.document(), b.document()))
        .collect();
    let in_files: Vec<_> = compared
        .iter()
        .zip(&copies)
        .map(|(c, b)| file_comparison(c.clone(), &a, b))
        .collect();
    let shown_a = |s: Span| a.shown(s);
    let shown: Vec<_> = copies.iter().map(|b| move |s: Span| b.shown(s)).collect();
    let many = factdiff::report::Copies {
        original_name: &a.name,
        original: a.document(),
        reports: in_files
            .iter()
            .zip(&copies)
            .zip(&shown)
            .map(|((c, b), shown_b)| View {
                names: [&a.name, &b.name],
                docs: [&a.file, &b.file],
                comparison: c,
                verdicts: None,
                shown: [
                    a.prose.is_some().then_some(&shown_a as &dyn Fn(Span) -> String),
                    b.prose.is_some().then_some(shown_b as &dyn Fn(Span) -> String),
                ],
                files: None,
            })
            .collect(),
        compared: compared.iter().collect(),
    };
    let mut out = std::io::stdout().lock();
    out.write_all(many.render(format, settings.text_colors()).as_bytes())?;
    out.flush()?;
    Ok(if compared.iter().all(|c| c.summary.identical) {
        EXIT_SAME
    } else {
        EXIT_DIFFERENT
    })
}

fn report_pair(
    original: &Path,
    rewrite: &Path,
    format: factdiff::report::Format,
    explain: bool,
    settings: &Settings,
) -> anyhow::Result<u8> {
    if explain && format == factdiff::report::Format::Html {
        anyhow::bail!("--explain works with --format text, markdown or json");
    }
    let (a, b) = load_sources(original, rewrite)?;
    let compared = settings.compare(a.document(), b.document());
    if format == factdiff::report::Format::Html {
        // A page for people shows the compared prose, not the markup.
        // Line numbers still count the files' lines.
        let prose = View {
            files: (a.prose.is_some() || b.prose.is_some()).then_some([&a, &b]),
            ..View::from(&Report {
                original_name: &a.name,
                rewrite_name: &b.name,
                original: a.document(),
                rewrite: b.document(),
                comparison: &compared,
            })
        };
        std::io::stdout()
            .lock()
            .write_all(prose.render(format, None).as_bytes())?;
        return Ok(if compared.summary.identical {
            EXIT_SAME
        } else {
            EXIT_DIFFERENT
        });
    }
    let comparison = file_comparison(compared, &a, &b);
    let (shown_a, shown_b) = (|s: Span| a.shown(s), |s: Span| b.shown(s));
    let view = View {
        names: [&a.name, &b.name],
        docs: [&a.file, &b.file],
        comparison: &comparison,
        verdicts: None,
        shown: [
            a.prose.is_some().then_some(&shown_a as &dyn Fn(Span) -> String),
            b.prose.is_some().then_some(&shown_b as &dyn Fn(Span) -> String),
        ],
        files: None,
    };
    let mut out = std::io::stdout().lock();
    if explain {
        let explained = factdiff::report::explained(&view, format, settings.text_colors());
        out.write_all(explained.unwrap_or_default().as_bytes())?;
    } else {
        view.write(format, settings.text_colors(), &mut out)?;
    }
    out.flush()?;
    Ok(if comparison.summary.identical {
        EXIT_SAME
    } else {
        EXIT_DIFFERENT
    })
}

/// The original and each copy, with at most one of them read from stdin.
fn load_copies(original: &Path, copies: &[&Path]) -> anyhow::Result<(Source, Vec<Source>)> {
    let stdin = std::iter::once(&original).chain(copies);
    if stdin.filter(|p| p.as_os_str() == "-").count() > 1 {
        anyhow::bail!("only one of the inputs can be stdin ('-')");
    }
    let original = load_source(original, None)?;
    let copies = copies
        .iter()
        .map(|p| load_source(p, None))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((original, copies))
}

fn load_sources(original: &Path, rewrite: &Path) -> anyhow::Result<(Source, Source)> {
    if original.as_os_str() == "-" && rewrite.as_os_str() == "-" {
        anyhow::bail!("only one of the two inputs can be stdin ('-')");
    }
    Ok((load_source(original, None)?, load_source(rewrite, None)?))
}

/// `factdiff export`: the comparison with its verdicts and notes, to stdout
/// or (atomically) to a file. Warnings about the annotation file go to stderr.
fn export(
    original: &Path,
    rewrite: &Path,
    format: factdiff::report::Format,
    output: Option<&Path>,
    annotations: Option<std::path::PathBuf>,
    only: factdiff::annotate::export::Only,
    settings: &Settings,
) -> anyhow::Result<u8> {
    use factdiff::annotate::{Store, attach};
    let (a, b) = load_sources(original, rewrite)?;
    let comparison = settings.compare(a.document(), b.document());
    // Keyed and anchored on the compared text, as the review screen saves
    // them; an earlier version's review is followed as the screen does.
    let store = Store::for_pair(a.document(), b.document(), annotations)?.with_sources(&a.name, &b.name);
    let (loaded, earlier) = factdiff::annotate::follow::load_following(&store, a.document(), b.document())?;
    if let Some(e) = earlier {
        eprintln!(
            "factdiff: using the review of an earlier version of these texts ({}, '{}')",
            e.likeness.describe(),
            e.path.display()
        );
    }
    for warning in &loaded.warnings {
        eprintln!("factdiff: warning: {}", factdiff::sanitize::inert(warning));
    }
    let attached = attach(loaded.file, &comparison, a.document(), b.document());
    let verdicts = factdiff::report::view::Verdicts {
        annotations: &attached,
        only,
    };
    let files = (a.prose.is_some() || b.prose.is_some()).then_some([&a, &b]);
    let export = View::export([&a.name, &b.name], &comparison, verdicts, files);
    match output {
        Some(path) => {
            // Named with -o, so replacing is what was asked; but not silently.
            let existed = path.exists();
            factdiff::annotate::export::write_to(&export, format, path)?;
            if existed {
                eprintln!(
                    "factdiff: replaced '{}'",
                    factdiff::sanitize::inert(&path.display().to_string())
                );
            }
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(export.render(format, None).as_bytes())?;
            out.flush()?;
        }
    }
    Ok(EXIT_SAME)
}

fn review(
    original: Option<&Path>,
    rewrite: Option<&Path>,
    more_copies: &[std::path::PathBuf],
    annotations: Option<std::path::PathBuf>,
    settings: &Settings,
) -> anyhow::Result<u8> {
    // Ended by a signal: the shell convention, 128 + its number.
    let signal = match (original, rewrite) {
        (Some(a), Some(b)) if more_copies.is_empty() => {
            let (a, b) = load_sources(a, b)?;
            factdiff::tui::run_sources(a, b, annotations, settings.theme, settings.sidebar)?
        }
        (Some(a), Some(b)) => {
            let copies: Vec<&Path> = std::iter::once(b)
                .chain(more_copies.iter().map(|p| p.as_path()))
                .collect();
            let (original, copies) = load_copies(a, &copies)?;
            factdiff::tui::run_copies(original, copies, annotations, settings.theme, settings.sidebar)?
        }
        (None, None) => {
            let (a, b) = factdiff::tui::demo_pair();
            factdiff::tui::run_with(a, b, annotations, settings.theme, settings.sidebar)?
        }
        _ => anyhow::bail!("give both ORIGINAL and REWRITE, or neither for the demo"),
    };
    Ok(signal.map_or(EXIT_SAME, |s| 128u8.saturating_add(s)))
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<std::io::Error>())
        .any(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}

/// Error chains joined on one line, control characters made inert.
fn one_line(e: &anyhow::Error) -> String {
    let text = e.chain().map(ToString::to_string).collect::<Vec<_>>().join(": ");
    factdiff::sanitize::inert(&text).into_owned()
}

/// The first line of a clap error without its "error: " prefix, so a usage
/// mistake reads as one line like every other error.
fn usage_error(e: &clap::Error) -> String {
    let text = e.render().to_string();
    // The first paragraph: "required arguments were not provided:" is
    // followed by the argument names on lines of their own.
    let paragraph: Vec<&str> = text
        .lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty())
        .take_while(|l| !l.is_empty())
        .collect();
    let line = paragraph.join(" ");
    factdiff::sanitize::inert(line.trim_start_matches("error: ")).into_owned()
}
