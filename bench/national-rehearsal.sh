#!/usr/bin/env bash
# The national rehearsal (issue 14, item 5), in simulation on one machine.
#
# PROVINCES synthetic provinces of COMMUNES commune sites with NOTICES notices
# and CAMPAIGNS campaigns each (examples/synth). Each province is built as one
# job of ci-recipes/national-github-actions.yml builds it —
# `loaxa build --sites provinces/P --out public/P` — here one after another,
# each timed by GNU time (wall, CPU, peak memory); then the national job,
# `loaxa rollup public/* --out public`, timed the same way. The matrix's wall
# time on R runners is worked out from the measured shard times.
#
# To keep the disk in bounds (a province's pages are ~300 MB), each shard's
# pages are counted and then removed, leaving what the roll-up reads (its
# data.json) and its ranking page. KEEP=1 keeps them.
#
#   bench/national-rehearsal.sh                  # 34 × 100 × 100, as in the issue
#   PROVINCES=3 bench/national-rehearsal.sh      # a quick look
#
# Needs GNU time (/usr/bin/time, Debian's `time`). Writes under WORK.
set -euo pipefail
cd "$(dirname "$0")/.."

PROVINCES=${PROVINCES:-34}
COMMUNES=${COMMUNES:-100}
NOTICES=${NOTICES:-100}
CAMPAIGNS=${CAMPAIGNS:-3}
WORK=${WORK:-/tmp/loaxa-national}
TODAY=2026-06-30 # the synthetic sites' today (examples/synth)

cargo build --release --quiet --bin loaxa --example synth
loaxa=$PWD/target/release/loaxa
synth=$PWD/target/release/examples/synth

rm -rf "$WORK"
mkdir -p "$WORK/provinces" "$WORK/public"
results="$WORK/shards.tsv"
printf 'province\twall_s\tcpu_s\tpeak_kib\tfiles\tbytes\n' >"$results"

for i in $(seq 1 "$PROVINCES"); do
  p=$(printf 'p%02d' "$i")
  src="$WORK/provinces/$p"
  "$synth" --sites "$COMMUNES" --notices "$NOTICES" --campaigns "$CAMPAIGNS" \
    --seed "$i" --out "$src" >/dev/null
  # Each province its own name, so the national ranking tells them apart.
  sed -i "s/^province: .*/province: Tỉnh số $i/" "$src"/*/data/site.yaml
  /usr/bin/time -o "$WORK/time.txt" -f '%e %U %S %M' \
    "$loaxa" build --sites "$src" --out "$WORK/public/$p" --today "$TODAY" >/dev/null 2>&1
  read -r wall user sys peak <"$WORK/time.txt"
  files=$(find "$WORK/public/$p" -type f | wc -l)
  bytes=$(du -sb "$WORK/public/$p" | cut -f1)
  cpu=$(awk "BEGIN { print $user + $sys }")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$p" "$wall" "$cpu" "$peak" "$files" "$bytes" >>"$results"
  echo "$p: ${wall} s wall, ${cpu} s CPU, $((peak / 1024)) MiB peak, $files files, $((bytes / 1048576)) MiB" >&2
  if [ "${KEEP:-0}" != 1 ]; then
    find "$WORK/public/$p" -mindepth 1 -maxdepth 1 -type d -exec rm -rf {} +
  fi
  rm -rf "$src"
done

/usr/bin/time -o "$WORK/time.txt" -f '%e %U %S %M' \
  "$loaxa" rollup "$WORK"/public/p* --out "$WORK/public" >/dev/null 2>&1
read -r r_wall r_user r_sys r_peak <"$WORK/time.txt"
r_bytes=$(stat -c %s "$WORK/public/index.html")
r_json=$(stat -c %s "$WORK/public/data.json")

python3 - "$results" "$PROVINCES" "$COMMUNES" "$NOTICES" "$r_wall" "$r_user" "$r_sys" "$r_peak" "$r_bytes" "$r_json" <<'EOF'
import csv, math, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter='\t'))
P, C, N = map(int, sys.argv[2:5])
r_wall, r_user, r_sys = map(float, sys.argv[5:8])
r_peak, r_bytes, r_json = map(int, sys.argv[8:11])
wall = [float(r['wall_s']) for r in rows]
cpu = [float(r['cpu_s']) for r in rows]
peak = [int(r['peak_kib']) / 1024 for r in rows]
files = sum(int(r['files']) for r in rows)
size = sum(int(r['bytes']) for r in rows)
print(f"## National rehearsal: {P} provinces × {C} communes × {N} notices ({P*C:,} sites, {P*C*N:,} notices)\n")
print("| | median | max |")
print("|---|---|---|")
print(f"| one shard, wall | {statistics.median(wall):.1f} s | {max(wall):.1f} s |")
print(f"| one shard, CPU | {statistics.median(cpu):.1f} s | {max(cpu):.1f} s |")
print(f"| one shard, peak memory | {statistics.median(peak):.0f} MiB | {max(peak):.0f} MiB |")
print(f"| one shard, output | {size/len(rows)/2**20:.0f} MiB, {files//len(rows):,} files | |")
print(f"\nRoll-up of {P*C:,} communes: {r_wall:.2f} s wall, {r_user+r_sys:.2f} s CPU, "
      f"{r_peak/1024:.0f} MiB peak; index.html {r_bytes/1024:.0f} KiB, data.json {r_json/1024:.0f} KiB.")
print(f"Whole national output: {size/2**30:.1f} GiB in {files:,} files.\n")
print("| runners | matrix wall (build steps only) |")
print("|---|---|")
for runners in (1, 5, 10, 20, P):
    waves = math.ceil(P / runners)
    # Jobs start in waves; each wave lasts as long as its slowest shard.
    slowest = sorted(wall, reverse=True)
    total = sum(slowest[w * runners] for w in range(waves)) + r_wall
    print(f"| {runners} | {total:.0f} s |")
EOF
