#!/usr/bin/env bash
# Builds the libFuzzer targets with AddressSanitizer and runs each for a fixed time, seeded with
# the repository's fixtures. Usage: Fuzz/run.sh [seconds per target] [target ...]
#   Fuzz/run.sh                 every target, 600 s each
#   Fuzz/run.sh 60 fuzz-html    one target for a minute
#   FUZZ_ARGS=-detect_leaks=0 Fuzz/run.sh 600 fuzz-store   extra libFuzzer flags for every target
# Each run keeps its growing corpus in Fuzz/corpus/<target> and any crashing input in
# Fuzz/artifacts/<target>/ (both ignored by git); a crash stops the script with libFuzzer's status.
set -euo pipefail
cd "$(dirname "$0")"
root="$(cd .. && pwd)"

seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=()
    for folder in Sources/fuzz-*; do targets+=("$(basename "$folder")"); done
fi

nice -n 10 swift build -c release -Xswiftc -sanitize=fuzzer,address 2>&1 | grep -v "Cannot export local symbol" | tail -3
bin="$(swift build -c release -Xswiftc -sanitize=fuzzer,address --show-bin-path)"
# Leaks inside the toolchain (see lsan.supp) are not findings; every other leak stops the run.
export LSAN_OPTIONS="suppressions=$PWD/lsan.supp"

# Seeds per target: every fixture, plus the data files of the YAML formats.
seeds() {
    echo "$root/Fixtures"
    case "$1" in
        fuzz-policy-yaml) echo "$root/Sources/PostmortemMetrics/Policies" ;;
        fuzz-manifest-yaml) echo "$root/Reports" ;;
    esac
    return 0
}

for target in "${targets[@]}"; do
    mkdir -p "corpus/$target" "artifacts/$target"
    mapfile -t seed_folders < <(seeds "$target")
    echo "== $target: ${seconds}s, seeds: ${seed_folders[*]}"
    nice -n 10 "$bin/$target" \
        -max_total_time="$seconds" -timeout=30 -rss_limit_mb=3072 -max_len=131072 \
        -print_final_stats=1 -artifact_prefix="artifacts/$target/" ${FUZZ_ARGS:-} \
        "corpus/$target" "${seed_folders[@]}" 2>&1 | grep -v -E "^#[0-9]+.*(NEW|REDUCE|pulse)" | tail -25
    status=${PIPESTATUS[0]}
    if [ "$status" -ne 0 ]; then
        echo "== $target: libFuzzer exited with $status; crashing input in Fuzz/artifacts/$target/"
        exit "$status"
    fi
done
