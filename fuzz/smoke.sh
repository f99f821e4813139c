#!/bin/sh
# Runs each fuzz target briefly over the committed seeds only (no corpus is
# written), for CI. Skips cleanly when nightly Rust or cargo-fuzz is missing.
#   fuzz/smoke.sh [SECONDS_PER_TARGET]   (default 20)
set -eu

cd "$(dirname "$0")"
seconds="${1:-20}"

if ! cargo +nightly --version >/dev/null 2>&1; then
    echo "fuzz smoke: skipped (no nightly toolchain; rustup toolchain install nightly)"
    exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "fuzz smoke: skipped (cargo-fuzz missing; cargo install cargo-fuzz)"
    exit 0
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT INT TERM

for target in segment compare; do
    echo "fuzz smoke: $target for ${seconds}s over seeds/$target"
    mkdir -p "$scratch/$target"
    # New inputs go to the scratch dir; the seeds are only read.
    cargo +nightly fuzz run "$target" "$scratch/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -max_len=4096 -print_final_stats=1
done
echo "fuzz smoke: passed"
