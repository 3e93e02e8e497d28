#!/usr/bin/env bash
# A national rehearsal, in simulation (see BENCHMARKS.md, "National rehearsal").
#
#   bench/national.sh [--provinces 34] [--communes 100] [--notices 100] [--campaigns 3]
#                     [--runners "1 4 10 20 34"] [--dir /dev/shm/loaxa-national]
#
# Writes `--provinces` synthetic provinces (examples/synth, one seed each) of
# `--communes` commune sites of `--notices` notices and `--campaigns`
# campaigns, under DIR/provinces/<province>/<commune>/, as the national CI
# recipe (ci-recipes/national-github-actions.yml) expects them. Then, as its
# matrix does, builds each province by one `loaxa build --sites` into
# DIR/public/<province>/ — one after the other on this machine, each timed
# alone (wall time and peak RSS from GNU time) — and runs the national job's
# `loaxa rollup` over all of them. The matrix's wall time on N runners is
# then the measured builds packed onto N runners (longest first) plus the
# roll-up: what the CI machines add (checkout, install, artifact upload and
# download, deployment) is not simulated and is said apart.
set -euo pipefail

provinces=34
communes=100
notices=100
campaigns=3
runners=(1 4 10 20 34)
dir=/dev/shm/loaxa-national
while [ $# -gt 0 ]; do
    case "$1" in
        --provinces) provinces="$2"; shift ;;
        --communes) communes="$2"; shift ;;
        --notices) notices="$2"; shift ;;
        --campaigns) campaigns="$2"; shift ;;
        --runners) read -r -a runners <<< "$2"; shift ;;
        --dir) dir="$2"; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

here="$(cd "$(dirname "$0")/.." && pwd)"
target="${CARGO_TARGET_DIR:-/tmp/target-bench}"
today=2026-06-30
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; }
(cd "$here" && CARGO_TARGET_DIR="$target" cargo build --release --quiet --bins --example synth)
loaxa="$target/release/loaxa"
synth="$target/release/examples/synth"

echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB;" \
     "$provinces provinces × $communes communes × ($notices notices, $campaigns campaigns)"
echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

name() { printf 'tinh-%02d' "$1"; }

# The sources: one province written by synth per seed, its province renamed
# so the national page tells them apart.
for p in $(seq "$provinces"); do
    src="$dir/provinces/$(name "$p")"
    [ -d "$src" ] && continue
    "$synth" --sites "$communes" --notices "$notices" --campaigns "$campaigns" \
        --seed "$p" --out "$src" >/dev/null
    find "$src" -path '*/data/site.yaml' -exec sed -i "s/^province: Hà Tĩnh$/province: Tỉnh số $p/" {} +
done
echo "# sources: $(du -sh "$dir/provinces" | cut -f1)"

# Runs a command under GNU time; prints "seconds peak_kib".
measure() {
    local log; log="$(mktemp)"
    /usr/bin/time -f '%e %M' -o "$log" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; tail -n 5 "$log" >&2; }
    tail -n1 "$log"; rm -f "$log"
}

# Each province as its own matrix job would: a fresh runner has no output.
rm -rf "$dir/public" "$dir"/.public.loaxa-* "$dir/public".loaxa-*
mkdir -p "$dir/public"
times=()
total_kib=0
echo
echo "| province | build (wall) | peak RSS | output | files |"
echo "|---|---:|---:|---:|---:|"
for p in $(seq "$provinces"); do
    out="$dir/public/$(name "$p")"
    read -r t m < <(measure "$loaxa" build --sites "$dir/provinces/$(name "$p")" --out "$out" --today "$today")
    times+=("$t")
    printf '| %s | %s s | %d MiB | %s | %d |\n' "$(name "$p")" "$t" $((m / 1024)) \
        "$(du -sh "$out" | cut -f1)" "$(find "$out" -type f | wc -l)"
    size=$(du -sk "$out" | cut -f1); total_kib=$((total_kib + size))
    # The roll-up reads only each province's data.json: the rest goes, or 34
    # provinces would hold ~10 GB of tmpfs (memory) at once.
    rm -rf "$dir/public/.$(name "$p").loaxa-spares"
    find "$out" -mindepth 1 -not -path "$out/data.json" -delete
done

shards=()
for p in $(seq "$provinces"); do shards+=("$dir/public/$(name "$p")"); done
read -r rt rm_ < <(measure "$loaxa" rollup "${shards[@]}" --out "$dir/public")
echo
echo "Roll-up of $provinces provinces: $rt s, peak $((rm_ / 1024)) MiB"
echo "Whole national output (the provinces' outputs as measured): $((total_kib / 1024)) MiB"

echo
echo "| runners | matrix (builds only) | + roll-up |"
echo "|---:|---:|---:|"
for n in "${runners[@]}"; do
    # Longest build first onto the runner free soonest.
    span=$(printf '%s\n' "${times[@]}" | sort -gr | awk -v n="$n" '
        { best = 1; for (i = 2; i <= n; i++) if (load[i] < load[best]) best = i; load[best] += $1 }
        END { m = 0; for (i = 1; i <= n; i++) if (load[i] > m) m = load[i]; printf "%.1f", m }')
    printf '| %d | %s s | %s s |\n' "$n" "$span" "$(awk -v a="$span" -v b="$rt" 'BEGIN {printf "%.1f", a + b}')"
done
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
