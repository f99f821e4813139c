#!/usr/bin/env bash
# Byte-identity check for speed work: runs `report --format json` on every
# article pair under tests/pairs/, on ../shared's seed pair and on the Bible
# pairs, and compares each output byte for byte with a reference binary's.
#
#   benches/same_output.sh save  REF_BIN   # write reference outputs
#   benches/same_output.sh check [BIN]     # compare (default target/release/factdiff)
#
# Reference outputs live in $SAME_OUTPUT_DIR (default /tmp/factdiff-same-output).
# The exit status of the binary is recorded too (1 means "flags found").
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?usage: same_output.sh save REF_BIN | check [BIN]}
bin=${2:-target/release/factdiff}
dir=${SAME_OUTPUT_DIR:-/tmp/factdiff-same-output}
shared=../shared

cases() { # name original rewrite
  for p in tests/pairs/*/; do
    n=$(basename "$p")
    [ -f "$p/original.txt" ] && echo "pair-$n $p/original.txt $p/rewrite.txt"
  done
  [ -d "$shared/eval/pairs/seed" ] && echo "seed $shared/eval/pairs/seed/original.txt $shared/eval/pairs/seed/rewrite.txt"
  for b in mark full; do
    d=$shared/data/bible/kjv-web-$b
    [ -d "$d" ] && echo "bible-$b $d/a.txt $d/b.txt"
  done
  return 0
}

run() { # bin a b out
  local rc=0
  "$1" report "$2" "$3" --format json >"$4" 2>/dev/null || rc=$?
  echo "$rc" >"$4.rc"
}

case $mode in
save)
  mkdir -p "$dir"
  cases | while read -r name a b; do run "$bin" "$a" "$b" "$dir/$name.json"; done
  echo "same_output: saved $(ls "$dir"/*.json | wc -l) reference outputs in $dir"
  ;;
check)
  [ -d "$dir" ] || { echo "same_output: no reference outputs in $dir (run save first)"; exit 2; }
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  failed=0 n=0
  while read -r name a b; do
    n=$((n + 1))
    run "$bin" "$a" "$b" "$tmp/$name.json"
    if ! cmp -s "$dir/$name.json" "$tmp/$name.json" || ! cmp -s "$dir/$name.json.rc" "$tmp/$name.json.rc"; then
      echo "same_output: DIFFERS: $name"; failed=1
    fi
  done < <(cases)
  [ $failed -eq 0 ] && echo "same_output: all $n outputs byte-identical"
  exit $failed
  ;;
*) echo "unknown mode $mode"; exit 2 ;;
esac
