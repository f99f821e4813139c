#!/usr/bin/env bash
# End-to-end check of the review screen in a real terminal (tmux, 120x40):
# both texts side by side, f / c / note / q, annotations saved under
# $XDG_DATA_HOME and restored on reopening, `factdiff export` sees the note,
# an OSC title sequence inside a document never reaches the terminal, and
# a panic or a stop signal restores the terminal and keeps the note being
# typed. Usage: tmux_review.sh [FACTDIFF_BINARY]
# Exits non-zero on failure; skips (exit 0) when tmux is missing.
set -euo pipefail

if ! command -v tmux >/dev/null 2>&1; then
    echo "tmux_review: tmux not installed, skipping"
    exit 0
fi

root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-${FACTDIFF_BIN:-$root/target/debug/factdiff}}
if [[ ! -x $bin ]]; then
    (cd "$root" && cargo build -q)
fi

tmp=$(mktemp -d)
sock="factdiff-test-$$"
cleanup() {
    tmux -L "$sock" kill-server 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT

export XDG_DATA_HOME=$tmp/data
cp "$root/assets/demo/original.txt" "$tmp/original.txt"
cp "$root/assets/demo/rewrite.txt" "$tmp/rewrite.txt"

fail() {
    echo "tmux_review: FAIL: $*" >&2
    echo "--- screen ---" >&2
    tmux -L "$sock" capture-pane -p -t review 2>/dev/null >&2 || true
    exit 1
}

screen() { tmux -L "$sock" capture-pane -p -t review; }

# Waits up to 10 s for the screen to contain a fixed string.
wait_for() {
    for _ in $(seq 100); do
        if screen 2>/dev/null | grep -qF -- "$1"; then return 0; fi
        sleep 0.1
    done
    fail "screen never showed '$1'"
}

# Waits for the session to end (the program quit).
wait_gone() {
    for _ in $(seq 100); do
        tmux -L "$sock" has-session -t review 2>/dev/null || return 0
        sleep 0.1
    done
    fail "factdiff did not quit"
}

start() {
    tmux -L "$sock" new-session -d -s review -x 120 -y 40 \
        "env XDG_DATA_HOME='$XDG_DATA_HOME' '$bin' $*"
}

keys() { tmux -L "$sock" send-keys -t review "$@"; }

# 1. Both texts side by side (after the progress frame, if it shows).
start "'$tmp/original.txt' '$tmp/rewrite.txt'"
wait_for "reviewed 0/"
row=$(screen | grep -F "taken out of service" || true)
[[ -n $row ]] || fail "original text not shown"
screen | grep -F "withdrawn from" >/dev/null || fail "rewrite text not shown"
screen | grep -E "CARROW BAY.*CARROW BAY" >/dev/null || fail "texts are not side by side"

# 2. f selects a factual flag and the detail pane shows its whole reason;
# c confirms it; a note is written.
keys f
wait_for "[FACTUAL"
wait_for "date changed: ‘Tuesday’ → ‘Thursday’"
keys c
wait_for "reviewed 1/"
keys Enter
wait_for "Esc: done"
keys -l "tmux note one"
keys Escape
wait_for "note saved"
keys q
wait_gone

# 3. The annotation file exists under XDG_DATA_HOME and holds the note.
file=$(grep -rlF "tmux note one" "$XDG_DATA_HOME" 2>/dev/null | head -n1 || true)
[[ -n $file ]] || fail "no annotation file with the note under $XDG_DATA_HOME"
grep -qF '"confirmed"' "$file" || fail "verdict not saved in $file"

# 4. Reopening shows the verdict and the note; Ctrl-U (half a page up in
# less and vim) scrolls and leaves the verdict alone.
start "'$tmp/original.txt' '$tmp/rewrite.txt'"
wait_for "reviewed 1/"
wait_for "✎ tmux note one"
screen | grep -F "✓" >/dev/null || fail "confirmed mark not shown"
keys f C-d C-u
sleep 0.3
wait_for "reviewed 1/"
keys q
wait_gone

# 4b. One word of the rewrite edited: reopening (no --annotations) finds
# the earlier review, re-anchors it and says so; the verdict and the note
# are back, and the earlier file is kept.
sed -i 's/halted after fire/stopped after fire/' "$tmp/rewrite.txt"
grep -qF "stopped after fire" "$tmp/rewrite.txt" || fail "the edit did not apply"
start "'$tmp/original.txt' '$tmp/rewrite.txt'"
wait_for "earlier review (same files): 1 of 1 re-attached"
wait_for "reviewed 1/"
wait_for "✎ tmux note one"
keys q
wait_gone
[[ $(grep -rlF "tmux note one" "$XDG_DATA_HOME" | grep -c '\.json$') -ge 2 ]] ||
    fail "the earlier annotation file should be kept beside the new one"
# Opened once more: now found directly, no re-anchoring message.
start "'$tmp/original.txt' '$tmp/rewrite.txt'"
wait_for "reviewed 1/"
screen | grep -qF "earlier review (" && fail "the review should now be found by its own name"
keys q
wait_gone

# 5. The export command sees the note.
"$bin" export "$tmp/original.txt" "$tmp/rewrite.txt" --format json >"$tmp/export.json" ||
    fail "factdiff export failed"
grep -qF "tmux note one" "$tmp/export.json" || fail "export lacks the note"

# 6. An OSC title sequence in a document is shown inert, not obeyed.
printf 'Title \e]2;PWNED\a here.\n\nA plain sentence.\n' >"$tmp/osc-a.txt"
printf 'Title \e]2;PWNED\a there.\n\nA plain sentence.\n' >"$tmp/osc-b.txt"
start "'$tmp/osc-a.txt' '$tmp/osc-b.txt'"
tmux -L "$sock" select-pane -t review -T clean-title
wait_for "osc-b.txt"
wait_for "PWNED"
title=$(tmux -L "$sock" display -p -t review '#{pane_title}')
[[ $title != *PWNED* ]] || fail "document changed the pane title to '$title'"
screen | grep -F "␛]2;PWNED␇" >/dev/null || fail "escape not shown as visible symbols"
keys q
wait_gone

# 6b. One original, two copies: ] and [ switch, the title and status bar
# name the copy, each copy's verdict is saved where the two-file review of
# that pair finds it.
sed 's/42 passengers/44 passengers/' "$tmp/original.txt" >"$tmp/copy2.txt"
start "'$tmp/original.txt' '$tmp/rewrite.txt' '$tmp/copy2.txt'"
wait_for "copy 1/2 (] [)"
screen | grep -E "copy 1/2: .*/rewrite.txt" >/dev/null || fail "first copy not named in the title"
keys ']'
wait_for "copy 2/2 (] [)"
screen | grep -E "copy 2/2: .*/copy2.txt" >/dev/null || fail "second copy not named in the title"
keys f c
wait_for "reviewed 1/1 factual"
keys '['
wait_for "copy 1/2 (] [)"
wait_for "reviewed 1/"
keys q
wait_gone
start "'$tmp/original.txt' '$tmp/copy2.txt'"
wait_for "reviewed 1/1 factual"
screen | grep -E "rewrite: .*/copy2.txt" >/dev/null || fail "two-file review of the second copy"
keys q
wait_gone

# 7. A panic, SIGTERM, SIGINT or SIGHUP while a note is half typed: the
# shell gets its terminal back (cooked mode, main screen, no mouse
# reporting, cursor shown) and the half-typed note is in the file.
shell_session() {
    tmux -L "$sock" kill-session -t review 2>/dev/null || true
    tmux -L "$sock" new-session -d -s review -x 120 -y 40 "env -i PATH='$PATH' HOME='$HOME' TERM=xterm-256color bash --norc --noprofile"
    wait_for 'bash-'
}

# Runs factdiff from the shell, types a half note, ends it with $1 (a key
# or a signal name) and checks what the shell is left with.
interrupted() {
    local how=$1 want=$2 after=$tmp/after-$1.txt data=$tmp/data-$1
    keys -l "XDG_DATA_HOME='$data' FACTDIFF_PANIC_ON_KEY='%' '$bin' '$tmp/original.txt' '$tmp/rewrite.txt'; echo exit=\$? >'$after'; stty -a >>'$after'"
    keys Enter
    wait_for "reviewed 0/"
    keys f Enter
    wait_for "Esc: done"
    keys -l "half note $how"
    wait_for "half note $how"
    if [[ $how == panic ]]; then
        keys -l "%"
    else
        local pid
        pid=$(pgrep -P "$(tmux -L "$sock" display -p -t review '#{pane_pid}')" -x factdiff || true)
        [[ -n $pid ]] || fail "no factdiff process to send $how"
        kill -s "$how" "$pid"
    fi
    for _ in $(seq 100); do [[ -s $after ]] && grep -q icanon "$after" && break; sleep 0.1; done
    [[ -s $after ]] || fail "$how: factdiff did not exit"
    grep -qx "exit=$want" "$after" || fail "$how: $(head -n1 "$after"), wanted exit=$want"
    grep -qE '(^| )icanon( |$)' "$after" || fail "$how: terminal left in raw mode"
    grep -qE '(^| )echo( |$)' "$after" || fail "$how: terminal left without echo"
    local flags
    flags=$(tmux -L "$sock" display -p -t review '#{alternate_on}#{mouse_any_flag}#{mouse_button_flag}#{mouse_sgr_flag}#{cursor_flag}')
    [[ $flags == 00001 ]] || fail "$how: terminal state alternate/mouse/cursor = $flags, wanted 00001"
    grep -rqF "half note $how" "$data" || fail "$how: the half-typed note was lost"
}

shell_session
interrupted panic 101
screen | grep -F "panic injected" >/dev/null || fail "panic message not shown"
interrupted TERM 143
interrupted INT 130
interrupted HUP 129

echo "tmux_review: ok"
