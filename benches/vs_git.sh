#!/usr/bin/env bash
# Times `factdiff report --format json` against `git diff --no-index
# --word-diff` on one pair (default ../shared's kjv-web-full) in one run:
# best of N (default 3) interleaved, then the ratio, and the peak RSS of
# each per input byte (GNU time's %M).
#
#   benches/vs_git.sh [BIN] [DIR with a.txt b.txt] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/factdiff}
dir=${2:-../shared/data/bible/kjv-web-full}
runs=${3:-3}
a=$dir/a.txt b=$dir/b.txt
[ -f "$a" ] && [ -f "$b" ] || { echo "vs_git: $a / $b not found"; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bytes=$(( $(wc -c <"$a") + $(wc -c <"$b") ))
measure() { # out-prefix cmd... ; prints "wall rss_kb"
  /usr/bin/time -f '%e %M' -o "$tmp/t" "$@" >"$tmp/out" 2>/dev/null || true
  tail -n 1 "$tmp/t" # GNU time adds a line for a non-zero exit
}
best_f=999999 best_g=999999 rss_f=0 rss_g=0
for _ in $(seq "$runs"); do
  read -r w m < <(measure "$bin" report "$a" "$b" --format json)
  best_f=$(awk -v a="$best_f" -v b="$w" 'BEGIN { print (b < a ? b : a) }'); rss_f=$m
  read -r w m < <(measure git diff --no-index --word-diff "$a" "$b")
  best_g=$(awk -v a="$best_g" -v b="$w" 'BEGIN { print (b < a ? b : a) }'); rss_g=$m
done
awk -v f="$best_f" -v g="$best_g" -v rf="$rss_f" -v rg="$rss_g" -v by="$bytes" 'BEGIN {
  printf "factdiff report: %.2f s, peak RSS %.0f MB (%.1f x input bytes)\n", f, rf / 1024, rf * 1024 / by
  printf "git --word-diff: %.2f s, peak RSS %.0f MB (%.1f x input bytes)\n", g, rg / 1024, rg * 1024 / by
  printf "ratio factdiff / git: %.1f (target <= 1.7); RSS per input byte %.1f (target < 10)\n", (g > 0 ? f / g : 0), rf * 1024 / by
}'
