#!/usr/bin/env bash
# Save → new figure painted in the browser, under `loaxa serve`, measured
# (see BENCHMARKS.md "Preview").
#
#   bench/reload-paint.sh [--notices N] [--rounds R]
#
# `examples/synth` writes a site of N notices (10,000 by default) and 20
# campaigns; `loaxa serve` (release build) previews it; Chromium (driven by
# playwright-core, tests/browser/live-reload.cjs) opens the first campaign's
# page at phone size. Each round changes the count of that campaign's latest
# figure in the file (as an editor saves it) and times the save until the
# new number is painted in the tab: the watcher's settle time, the rebuild,
# the reload the page asks for, and two animation frames. Prints each round
# and the median.
set -euo pipefail

notices=10000
rounds=15
while [ $# -gt 0 ]; do
    case "$1" in
        --notices) notices="$2"; shift ;;
        --rounds) rounds="$2"; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

here="$(cd "$(dirname "$0")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$here/target}"
work="$(mktemp -d /dev/shm/loaxa-reload.XXXXXX 2>/dev/null || mktemp -d)"
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

cargo build --release --quiet --manifest-path "$here/Cargo.toml" --bin loaxa --example synth
"$target/release/examples/synth" --notices "$notices" --campaigns 20 --out "$work/site" >/dev/null
campaign="$work/site/data/campaigns/chien-dich-01.yaml"

"$target/release/loaxa" serve --root "$work/site" --port 0 --today 2026-06-30 \
    >"$work/out.txt" 2>"$work/log.txt" &
server=$!
for _ in $(seq 1 600); do
    port="$(grep -o 'http://127.0.0.1:[0-9]*' "$work/out.txt" 2>/dev/null | head -1 | cut -d: -f3 || true)"
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { cat "$work/log.txt" >&2; exit 1; }

# The plan: the campaign file with the latest `count:` of its first
# indicator set to a new number each round, and that number as the page
# writes it (Vietnamese thousands dot).
node - "$campaign" "$port" "$rounds" >"$work/plan.json" <<'JS'
const fs = require('fs');
const [file, port, rounds] = process.argv.slice(2);
const lines = fs.readFileSync(file, 'utf8').split('\n');
const start = lines.findIndex(l => /^  - id: /.test(l));
let end = lines.findIndex((l, i) => i > start && /^  - id: /.test(l));
if (end < 0) end = lines.length;
let last = -1;
for (let i = start; i < end; i++) if (/count: \d+/.test(lines[i])) last = i;
const plan = { url: `http://127.0.0.1:${port}/chien-dich/chien-dich-01/`, file, rounds: [] };
for (let r = 0; r < Number(rounds); r++) {
  const n = 25001 + r * 7;
  const edited = lines.slice();
  edited[last] = edited[last].replace(/count: \d+/, `count: ${n}`);
  plan.rounds.push({ text: edited.join('\n'), expect: n.toLocaleString('de-DE') });
}
process.stdout.write(JSON.stringify(plan));
JS

report="$(cd "$here/tests/browser" && NODE_PATH="$here/tests/browser/node_modules" \
    node live-reload.cjs bench "$work/plan.json")"
echo "notices: $notices, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$report" | node -e '
const r = JSON.parse(require("fs").readFileSync(0, "utf8"));
const t = r.times_ms.slice().sort((a, b) => a - b);
console.log("rounds (ms):", r.times_ms.join(" "));
console.log("median:", t[Math.floor(t.length / 2)], "ms; min:", t[0], "ms; max:", t[t.length - 1], "ms");
const o = r.reload_only_ms.slice().sort((a, b) => a - b);
console.log("reload and paint alone (ms):", r.reload_only_ms.join(" "), "median:", o[Math.floor(o.length / 2)]);
'
echo "rebuilds (ms), from the server's log:" $(grep -oE '\(([0-9]+) ms\)' "$work/log.txt" | tail -n "$rounds" | tr -d '()ms' | tr '\n' ' ')
