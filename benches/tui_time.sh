#!/usr/bin/env bash
# Times the review screen in tmux on one pair (default ../shared's
# kjv-web-full): the first frame drawn, the aligned texts shown (a line of
# the original's first sentence visible), the detectors' flags shown (the
# status bar's "checking…" gone), and how long 300 queued `j` keys take to
# settle once they are (the screen unchanged for 1 s after).
#
#   benches/tui_time.sh [BIN] [DIR with a.txt b.txt] [TEXT seen once aligned]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-target/release/factdiff}")
dir=${2:-../shared/data/bible/kjv-web-full}
seen=${3:-In the beginning}
command -v tmux >/dev/null || { echo "tui_time: tmux not found"; exit 2; }
s=factdiff-tui-time-$$
trap 'tmux kill-session -t "$s" 2>/dev/null || true' EXIT
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
t0=$(now)
tmux new -d -s "$s" -x 120 -y 40 "$bin $dir/a.txt $dir/b.txt"
first="" aligned=""
while [ -z "$aligned" ]; do
  pane=$(tmux capture-pane -p -t "$s")
  [ -z "$first" ] && [ -n "$(echo "$pane" | tr -d ' \n')" ] && first=$(since "$t0")
  echo "$pane" | grep -q "$seen" && aligned=$(since "$t0")
  [ "$(since "$t0" | cut -d. -f1)" -ge 120 ] && { echo "tui_time: nothing aligned after 120 s"; exit 1; }
  sleep 0.1
done
while tmux capture-pane -p -t "$s" | grep -q "checking…"; do
  [ "$(since "$t0" | cut -d. -f1)" -ge 120 ] && { echo "tui_time: still checking after 120 s"; exit 1; }
  sleep 0.1
done
echo "first frame: ${first} s; aligned texts: ${aligned} s; flags: $(since "$t0") s"
sleep 1
last=$(tmux capture-pane -p -t "$s" | md5sum)
t1=$(now)
changed=$t1
tmux send-keys -t "$s" $(printf 'j %.0s' $(seq 300))
stable=0
while [ $stable -lt 100 ]; do
  sleep 0.01
  cur=$(tmux capture-pane -p -t "$s" | md5sum)
  if [ "$cur" != "$last" ]; then last=$cur changed=$(now) stable=0; else stable=$((stable + 1)); fi
done
awk -v a="$t1" -v b="$changed" 'BEGIN { printf "300 x j settled after %.2f s\n", b - a }'
