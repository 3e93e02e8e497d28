#!/usr/bin/env bash
# loaxa against Hugo on the same notices, measured (see BENCHMARKS.md).
#
#   bench/compare-hugo.sh [--100k] [--sizes "1000 10000"] [--runs N] [--fs tmpfs|disk|both] [--no-province]
#
# For 1,000 and 10,000 notices (and 100,000 with --100k), `examples/synth`
# writes one site for loaxa (the notices plus 20 campaigns of 2 indicators ×
# 60 figures and a 69-row breakdown) and the same notices as a Hugo site.
# Each round runs loaxa then Hugo back to back ("paired"), so a burst of load
# from elsewhere on the machine hits both; we report the median of each and
# the median of the per-round ratios. Wall time and peak RSS come from GNU
# time. Two scenarios:
#   cold: the output folder (and loaxa's spare tree beside it) is deleted
#         before the run (deletion not timed): nothing from before;
#   warm: the output of the previous run is there (a rebuild: loaxa fills its
#         spare tree, the one published before last, and swaps it in; Hugo
#         overwrites in place).
# On tmpfs (/dev/shm) and on the disk that holds /work (ext4 here).
# Then a province: 69 commune sites built by one `loaxa build --sites`.
set -euo pipefail

runs=5
sizes=(1000 10000)
filesystems=(tmpfs disk)
province=1
while [ $# -gt 0 ]; do
    case "$1" in
        --100k) sizes+=(100000) ;;
        --sizes) read -r -a sizes <<< "$2"; shift ;;
        --runs) runs="$2"; shift ;;
        --fs) case "$2" in both) filesystems=(tmpfs disk) ;; *) filesystems=("$2") ;; esac; shift ;;
        --no-province) province=0 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

here="$(cd "$(dirname "$0")/.." && pwd)"
target="${CARGO_TARGET_DIR:-/tmp/target-bench}"
today=2026-06-30

need() { command -v "$1" >/dev/null 2>&1; }
need hugo || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo; }
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; }

(cd "$here" && CARGO_TARGET_DIR="$target" cargo build --release --quiet --bins --example synth)
loaxa="$target/release/loaxa"
synth="$target/release/examples/synth"

echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
     "$(free -g | awk '/Mem:/ {print $2}') GiB; $(hugo version | cut -d' ' -f1-2)"
echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

place() { case "$1" in tmpfs) echo /dev/shm/loaxa-bench ;; disk) echo "$here/target/loaxa-bench" ;; esac; }

# Runs a command under GNU time; prints "seconds peak_kib".
measure() {
    local log; log="$(mktemp)"
    /usr/bin/time -f '%e %M' -o "$log" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; cat "$log" >&2; }
    tail -n1 "$log"; rm -f "$log"
}

median() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'; }

# One scenario: paired rounds of loaxa and Hugo; prints a table row.
compare() {
    local fs="$1" n="$2" scenario="$3" dir="$4"
    local lt=() ht=() lm=() hm=() ratios=()
    for _ in $(seq "$runs"); do
        if [ "$scenario" = cold ]; then
            rm -rf "$dir/out-loaxa" "$dir/.out-loaxa.loaxa-spare" "$dir/hugo/public"; sync
        fi
        read -r t m < <(measure "$loaxa" build --root "$dir/site" --out "$dir/out-loaxa" --today "$today")
        lt+=("$t"); lm+=("$m")
        if [ "$scenario" = cold ]; then sync; fi
        read -r t2 m2 < <(measure hugo --quiet --source "$dir/hugo" --destination "$dir/hugo/public")
        ht+=("$t2"); hm+=("$m2")
        ratios+=("$(awk -v a="$t" -v b="$t2" 'BEGIN {printf "%.4f", a/b}')")
    done
    local l h r lmem hmem
    l=$(printf '%s\n' "${lt[@]}" | median); h=$(printf '%s\n' "${ht[@]}" | median)
    r=$(printf '%s\n' "${ratios[@]}" | median)
    lmem=$(printf '%s\n' "${lm[@]}" | sort -g | tail -n1); hmem=$(printf '%s\n' "${hm[@]}" | sort -g | tail -n1)
    printf '| %7s | %-5s | %-4s | %7s s | %7s s | %5s | %5d MiB | %5d MiB |\n' \
        "$n" "$fs" "$scenario" "$l" "$h" "$r" $((lmem / 1024)) $((hmem / 1024))
    echo "  loaxa runs: ${lt[*]}   hugo runs: ${ht[*]}   load: $(cut -d' ' -f1 /proc/loadavg)" >&2
}

echo
echo "| notices | fs    | run  | loaxa (median) | Hugo (median) | ratio | loaxa peak | Hugo peak |"
echo "|--------:|-------|------|---------:|---------:|------:|----------:|----------:|"
for fs in "${filesystems[@]}"; do
    for n in "${sizes[@]}"; do
        dir="$(place "$fs")/n$n"
        if [ ! -f "$dir/site/data/site.yaml" ]; then
            rm -rf "$dir"; mkdir -p "$dir"
            "$synth" --notices "$n" --campaigns 20 --out "$dir/site" --hugo "$dir/hugo"
        fi
        for scenario in cold warm; do
            compare "$fs" "$n" "$scenario" "$dir"
        done
    done
done

if [ "$province" = 1 ]; then
    dir="$(place tmpfs)/province"
    if [ ! -d "$dir/sites" ]; then
        rm -rf "$dir"; mkdir -p "$dir"
        "$synth" --sites 69 --notices 100 --campaigns 3 --out "$dir/sites"
    fi
    pt=(); pm=()
    for _ in $(seq "$runs"); do
        read -r t m < <(measure "$loaxa" build --sites "$dir/sites" --out "$dir/out" --today "$today")
        pt+=("$t"); pm+=("$m")
    done
    echo
    echo "Province (tmpfs): 69 communes × (100 notices, 3 campaigns), one \`loaxa build --sites\`:" \
         "median $(printf '%s\n' "${pt[@]}" | median) s, peak $(( $(printf '%s\n' "${pm[@]}" | sort -g | tail -n1) / 1024 )) MiB" \
         "(runs: ${pt[*]})"
fi
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
