#!/usr/bin/env bash
# Runs every fuzz target for a fixed time, one after the other, and prints
# the runs (executions) per target.
#
#   fuzz/run.sh SECONDS [TARGET...]     # default: every target
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). On a stable toolchain the
# nightly-only flags libFuzzer needs are unlocked with RUSTC_BOOTSTRAP=1.
# Safe Rust only (`#![forbid(unsafe_code)]`), so no sanitizer (`-s none`):
# the targets check panics and their own invariants. One process per
# target, one target at a time; corpora are kept in
# fuzz/corpus/TARGET, crashes in fuzz/artifacts/TARGET, logs in fuzz/logs.
set -euo pipefail
cd "$(dirname "$0")"

seconds=${1:?usage: fuzz/run.sh SECONDS [TARGET...]}
shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(cargo fuzz list)
fi
export RUSTC_BOOTSTRAP=1
mkdir -p logs

printf '%-16s %8s %12s %10s %s\n' target seconds execs execs/s result
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t"
    seeds=(); [ -d "seeds/$t" ] && seeds=("seeds/$t")
    log="logs/$t.log"
    status=ok
    # -max_len: 4 KiB inputs (libFuzzer's default); rss limit 2 GiB.
    cargo fuzz run -s none "$t" "corpus/$t" "${seeds[@]}" -- -max_total_time="$seconds" -max_len=4096 \
        -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1 || status=CRASH
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    printf '%-16s %8s %12s %10s %s\n' "$t" "$seconds" "$execs" "$rate" "$status"
done
