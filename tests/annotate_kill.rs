//! Kill loop: a child process saves ever-growing annotation sets while this
//! test SIGKILLs it at random moments; after every kill the file on disk must
//! parse and hold one complete state, never a torn or shrunken one.
//!
//! The child is this same test executable re-invoked with an environment
//! variable and `--exact child_save_loop`, so no helper leaks into the CLI.

use factdiff::annotate::{
    Anchor, Annotation, AnnotationFile, PositionSelector, QuoteSelector, Side, Store, Target,
};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Set in the child only: the annotation file to save to.
const CHILD_ENV: &str = "FACTDIFF_KILL_LOOP_FILE";
const MIN_KILLS: usize = 200;
/// Stop early (after MIN_KILLS) rather than run past this.
const BUDGET: Duration = Duration::from_secs(15);

fn store(path: PathBuf) -> Store {
    Store::at(path, "o".repeat(64), "r".repeat(64))
}

fn span_note(id: String, note: String) -> Annotation {
    let anchor = Anchor {
        position: PositionSelector { start: 0, end: 4 },
        quote: QuoteSelector {
            exact: "text".into(),
            prefix: String::new(),
            suffix: String::new(),
        },
    };
    let mut a = Annotation::new(
        id,
        Target::Span {
            side: Side::Rewrite,
            anchor,
        },
    );
    a.note = note;
    a
}

/// The generation a consistent file is at: `head` says "generation k" and
/// exactly the notes n1..=nk exist, each saying its own number. Anything else
/// is a torn or mixed state.
fn generation(file: &AnnotationFile) -> Result<usize, String> {
    let head = file
        .annotations
        .iter()
        .find(|a| a.id == "head")
        .ok_or("no head annotation")?;
    let k: usize = head
        .note
        .strip_prefix("generation ")
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| format!("bad head note {:?}", head.note))?;
    if file.annotations.len() != k + 1 {
        return Err(format!(
            "generation {k} but {} annotations",
            file.annotations.len()
        ));
    }
    for i in 1..=k {
        let id = format!("n{i}");
        let ann = file
            .annotations
            .iter()
            .find(|a| a.id == id)
            .ok_or(format!("missing {id}"))?;
        if ann.note != format!("note {i}") {
            return Err(format!("{id} has note {:?}", ann.note));
        }
    }
    Ok(k)
}

/// The child: continue from the generation on disk, forever.
#[test]
fn child_save_loop() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return; // Run as a normal test: nothing to do.
    };
    let store = store(PathBuf::from(path));
    let loaded = store.load().expect("child load");
    assert!(loaded.warnings.is_empty(), "child found {:?}", loaded.warnings);
    let mut file = loaded.file;
    if file.annotations.is_empty() {
        file.annotations
            .push(span_note("head".into(), "generation 0".into()));
    }
    loop {
        let k = generation(&file).expect("child state") + 1;
        file.annotations
            .push(span_note(format!("n{k}"), format!("note {k}")));
        let head = file
            .annotations
            .iter_mut()
            .find(|a| a.id == "head")
            .expect("head");
        head.note = format!("generation {k}");
        head.touch();
        file = store.save(&file).expect("child save").file;
    }
}

/// xorshift64: enough randomness for kill timing without a dependency.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

fn spawn_child(file: &Path, log: &Path) -> std::process::Child {
    Command::new(std::env::current_exe().expect("own executable"))
        .args(["child_save_loop", "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, file)
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(log).expect("log file"))
        .spawn()
        .expect("spawn child")
}

/// How many entries of `dir` have `part` in their name.
fn count_named(dir: &Path, part: &str) -> usize {
    std::fs::read_dir(dir)
        .expect("list dir")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().contains(part))
        })
        .count()
}

/// After a kill: the file (if any yet) parses and is a complete state no
/// older than the last one seen.
fn check_after_kill(path: &Path, last: usize) -> Result<usize, String> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return if last == 0 {
            Ok(0)
        } else {
            Err("file vanished".into())
        };
    };
    let file = AnnotationFile::from_json(&text).map_err(|e| format!("unparsable after kill: {e}"))?;
    let k = generation(&file)?;
    if k < last {
        return Err(format!("went back from generation {last} to {k}"));
    }
    Ok(k)
}

#[test]
fn sigkill_never_leaves_a_torn_file() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return; // Never recurse from inside a child.
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("pair.json");
    let log = dir.path().join("child.log");
    let clock = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    // Truncating the nanoseconds is fine: any nonzero seed will do.
    let mut seed = (clock.as_nanos() as u64 ^ u64::from(std::process::id()) << 32) | 1;
    println!("kill loop seed {seed}");
    let started = Instant::now();
    let (mut kills, mut advanced, mut last, mut bad) = (0usize, 0usize, 0usize, Vec::new());
    let mut mid_write = 0;
    while kills < MIN_KILLS || (started.elapsed() < BUDGET && kills < MIN_KILLS + 50) {
        let mut child = spawn_child(&path, &log);
        std::thread::sleep(Duration::from_micros(next(&mut seed) % 25_000));
        if let Some(status) = child.try_wait().expect("poll child") {
            let log = std::fs::read_to_string(&log).unwrap_or_default();
            panic!("child exited by itself ({status}):\n{log}");
        }
        child.kill().expect("SIGKILL child");
        child.wait().expect("reap child");
        kills += 1;
        mid_write += usize::from(count_named(dir.path(), ".tmp") > 0);
        match check_after_kill(&path, last) {
            Ok(k) => {
                advanced += usize::from(k > last);
                last = k;
            }
            Err(why) => bad.push(format!("kill {kills}: {why}")),
        }
        assert!(
            started.elapsed() < BUDGET * 2,
            "kill loop too slow: {kills} kills"
        );
    }
    let corrupt = count_named(dir.path(), ".corrupt-");
    println!(
        "kill loop: {kills} SIGKILLs ({mid_write} left a temp file: killed mid-write), {advanced} advanced \
         the file, final generation {last}, {} bad files, {corrupt} moved aside, {:.1}s",
        bad.len(),
        started.elapsed().as_secs_f32()
    );
    assert!(bad.is_empty(), "{bad:#?}");
    assert_eq!(corrupt, 0, "a save left a file the next load found corrupt");
    assert!(kills >= MIN_KILLS);
    assert!(advanced > 0 && last > 0, "the child never got to save");
}
