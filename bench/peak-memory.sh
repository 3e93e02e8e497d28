#!/usr/bin/env bash
# Peak memory of `loaxa build` as the site grows (issue 14, item 2; see
# BENCHMARKS.md, "Memory and preview").
#
#   bench/peak-memory.sh [--sizes "10000 100000"] [--runs N] [--loaxa PATH]...
#
# `examples/synth` writes a site of N notices (every shape: tables, lists,
# long letters) and 20 campaigns on tmpfs; each is built cold (no output
# before) then warm (over the previous output), `--runs` times each, by
# GNU time. Prints the highest peak RSS and the median wall time per row.
# Several `--loaxa` binaries are run in turn in each round (paired: a burst
# of load from elsewhere hits them all).
set -euo pipefail

runs=3
sizes=(10000 100000)
binaries=()
while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) read -r -a sizes <<< "$2"; shift ;;
        --runs) runs="$2"; shift ;;
        --loaxa) binaries+=("$2"); shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

here="$(cd "$(dirname "$0")/.." && pwd)"
target="${CARGO_TARGET_DIR:-/tmp/target-bench}"
if [ ${#binaries[@]} -eq 0 ]; then
    (cd "$here" && CARGO_TARGET_DIR="$target" cargo build --release --quiet --bin loaxa)
    binaries=("$target/release/loaxa")
fi
(cd "$here" && CARGO_TARGET_DIR="$target" cargo build --release --quiet --example synth)
synth="$target/release/examples/synth"
work="$(mktemp -d /dev/shm/loaxa-memory.XXXXXX)"
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '| notices | run | binary | wall (median) | peak RSS (highest) |\n|---:|---|---|---:|---:|\n'
for n in "${sizes[@]}"; do
    site="$work/site-$n"
    "$synth" --notices "$n" --out "$site" > /dev/null
    for run in cold warm; do
        for b in "${!binaries[@]}"; do : > "$work/wall-$b"; : > "$work/rss-$b"; done
        for _ in $(seq "$runs"); do
            for b in "${!binaries[@]}"; do
                out="$work/out-$b"
                if [ "$run" = cold ]; then rm -rf "$out" "$work/.out-$b.loaxa-spare"; fi
                /usr/bin/time -f '%e %M' -o "$work/time" \
                    "${binaries[$b]}" build --root "$site" --today 2026-06-30 --out "$out" > /dev/null 2>&1
                read -r wall rss < "$work/time"
                echo "$wall" >> "$work/wall-$b"
                echo "$rss" >> "$work/rss-$b"
            done
        done
        for b in "${!binaries[@]}"; do
            wall=$(median < "$work/wall-$b")
            rss=$(sort -n "$work/rss-$b" | tail -n 1)
            printf '| %s | %s | %s | %s s | %s MiB |\n' "$n" "$run" "${binaries[$b]}" "$wall" "$((rss / 1024))"
        done
    done
    rm -rf "$site" "$work"/out-* "$work"/.out-*
done
