#!/usr/bin/env bash
# Builds postmortem in release mode, installs the Python peers' packages from PyPI, and prints
# the benchmark tables (add --json to get JSON). Figures are recorded in Benchmarks/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet lxml simpy
swift build -c release --product postmortem
swift build -c release --product postmortem-bench
BIN="$(swift build -c release --show-bin-path)"
"$BIN/postmortem-bench" ingest --megabytes "${INGEST_MB:-30}" --runs "${RUNS:-5}" --postmortem "$BIN/postmortem" "$@"
if "$BIN/postmortem-bench" --help | grep -q engine; then
    "$BIN/postmortem-bench" engine --runs "${RUNS:-5}" "$@"
fi
# Prose accuracy and speed on the real postmortems, when the corpus is beside the package.
if [ -f ../shared/corpora/postmortems/EXPECTED.tsv ]; then
    "$BIN/postmortem-bench" accuracy --corpus ../shared/corpora/postmortems --quiet
fi
# Accuracy on the captured status archives, when the corpus is on this machine.
ARCHIVES="${ARCHIVES:-../shared/corpora/status-archives}"
if [ -f "$ARCHIVES/README.md" ]; then
    "$BIN/postmortem-bench" archives --corpus "$ARCHIVES"
fi
