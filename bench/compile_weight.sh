#!/usr/bin/env bash
# Compile weight of each plaid-rs crate: cold debug build time (own target
# dir, cleaned before each crate) and the crate count of the normal
# dependency tree. Run from the repository root; waits (up to 10 min) for a
# 1-minute load average below 1.5 and prints the load next to each number.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${WEIGHT_TARGET_DIR:-/tmp/weight}
crates=${*:-plaid-core plaid-ureq plaid-reqwest plaid-hyper plaid-sandbox}
load() { cut -d' ' -f1 /proc/loadavg; }
echo "| crate | clean \`cargo build -p\` wall | user+sys cpu | \`cargo tree -e normal\` crates | load before |"
echo "|---|---|---|---|---|"
for c in $crates; do
    for _ in $(seq 60); do
        awk '{exit !($1 < 1.5)}' /proc/loadavg && break
        sleep 10
    done
    before=$(load)
    rm -rf "$CARGO_TARGET_DIR"
    start=$(date +%s.%N)
    /usr/bin/time -f "%U %S" -o /tmp/weight-time.txt cargo build -q -p "$c" >/dev/null
    end=$(date +%s.%N)
    cpu=$(awk '{printf "%.1f", $1+$2}' /tmp/weight-time.txt)
    wall=$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.1f", b-a}')
    n=$(cargo tree -p "$c" -e normal --prefix none | sed 's/ (\*)$//' | sort -u | wc -l)
    echo "| $c | ${wall} s | ${cpu} s | $n | $before |"
done
