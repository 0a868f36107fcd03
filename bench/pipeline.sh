#!/usr/bin/env bash
# Pipeline benchmark: generates a region preset (once; kept under bench/data, never committed), then
# times into a fresh warehouse: the first ingest, a re-run on the unchanged landing, a re-run after
# one school form changed, then the indicators, detect and publish jobs, on the preset's mixed xlsx and
# csv forms. Prints one line per step, as recorded in bench/HISTORY.md (bench/run writes RESULTS.md).
#   bench/pipeline.sh region-m
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PRESET="${1:-region-m}"
DATA="$ROOT/bench/data/$PRESET"
WAREHOUSE="$ROOT/bench/data/warehouse-$PRESET"
VPR="$ROOT/bin/vpr"
export VPR_DRIVER_MEMORY="${VPR_DRIVER_MEMORY:-8g}"

if [ ! -f "$DATA/schools.csv" ]; then
  "$VPR" generate --preset "$PRESET" --out "$DATA"
fi
# Build first, so that no timed step includes a build.
"$VPR" --version > /dev/null
rm -rf "$WAREHOUSE" "$ROOT/bench/data/publish-$PRESET"
LOCATIONS=(--landing "$DATA/landing" --registry "$DATA/schools.csv" --specs "$DATA/specs"
  --control "$DATA/control.csv" --recheck "$DATA/recheck" --warehouse "$WAREHOUSE"
  --publish-dir "$ROOT/bench/data/publish-$PRESET")

timed() {
  local label="$1" job="$2"; shift 2
  local start end
  start=$(date +%s.%N)
  "$VPR" "$job" "${LOCATIONS[@]}" "$@" > "$ROOT/bench/data/last-$label.log" 2>&1
  end=$(date +%s.%N)
  printf '| %s | %s | %s | %.1f s | %s |\n' "$(date -u +%F)" "$PRESET" "$label" "$(echo "$end - $start" | bc)" \
    "$(grep -m1 -E 'rows:|unit_indicators: |classes_flagged: |school x works flagged' "$ROOT/bench/data/last-$label.log" \
      | sed 's/^ *//')"
}

FILES=$(find "$DATA/landing" -type f | wc -l)
echo "# $PRESET: $FILES files, $(nproc) cores, driver memory $VPR_DRIVER_MEMORY"
timed first-ingest ingest
timed unchanged-rerun ingest
# One school form changes: the first csv form gets one more blank line at the end.
# (awk, not head: head would close the pipe early and pipefail would end the script.)
ONE=$(find "$DATA/landing" -name 'edu*.csv' | sort | awk 'NR == 1')
# The original waits outside the landing, or ingest would see the copy as a new file.
cp "$ONE" "$ROOT/bench/data/one-form.orig" && printf '\n' >> "$ONE"
timed one-file-changed ingest
mv "$ROOT/bench/data/one-form.orig" "$ONE"
timed indicators indicators
timed detect detect
timed publish publish
