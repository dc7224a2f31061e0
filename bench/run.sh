#!/usr/bin/env bash
# The benchmarks in one command: builds if needed, starts a fresh embedded Elasticsearch node (or uses ES_URL), runs the
# side-by-side comparison on the real corpus (BENCH_CORPUS, default ../shared/corpus/saudinewsnet.jsonl.gz; skipped,
# and said so, when missing), indexes 100k synthetic articles, replays the query mix, prints the figures and writes
# bench/RESULTS.md.
#   BENCH_ONLY=corpus bench/run.sh   the side-by-side run on the real corpus alone (~12 min)
#   bench/run.sh                  the full run (~30 min on 2 cores)
#   BENCH_DOCS=5000 BENCH_MEASURE_S=3 BENCH_WARMUP_S=1 BENCH_OUT=/tmp/r.md bench/run.sh    a quick smoke run
# Settings: BENCH_DOCS (100000), BENCH_SEED (42), BENCH_CLIENTS (1,8,32), BENCH_WARMUP_S (5), BENCH_MEASURE_S (20),
# BENCH_OUT (bench/RESULTS.md), ENGINE_HEAP (1g), BENCH_HEAP (1g, this JVM: the API and the load clients), ES_URL.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

stamp=bench/target/.built
if [ ! -f "$stamp" ] || [ ! -f bench/target/classpath.txt ] \
    || [ -n "$(find pom.xml */pom.xml mappings gazetteer */src/main -newer "$stamp" -print -quit 2>/dev/null)" ]; then
  echo "bench/run.sh: building…" >&2
  mvn -B -q -DskipTests package
  touch "$stamp"
fi

# a fresh data folder every run (the embedded node's data and the generated feed live there), removed afterwards
DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/akhbar-bench.XXXXXX")
export DATA_DIR
trap 'rm -rf "$DATA_DIR"' EXIT
unset PORT

# Snapshot what this tree built (our jars and classes, the engine's classpath): a rebuild of the tree during the run,
# by anyone, must not change the code under measurement half-way.
snap="$DATA_DIR/classpath"
mkdir -p "$snap/jars" "$DATA_DIR/engine-home/target"
cp -r bench/target/classes "$snap/bench-classes"
cp="$snap/bench-classes"
IFS=":" read -r -a entries < bench/target/classpath.txt || true  # no newline at the end
for e in "${entries[@]}"; do
  case "$e" in
    "$root"/*) cp "$e" "$snap/jars/" && cp="$cp:$snap/jars/$(basename "$e")" ;;
    *) cp="$cp:$e" ;;
  esac
done
if [ -z "${ES_URL:-}" ] && [ -z "${ENGINE_HOME:-}" ]; then
  cp -r engine/target/lib engine/target/classes "$DATA_DIR/engine-home/target/"
  export ENGINE_HOME="$DATA_DIR/engine-home"
fi

java -Xms"${BENCH_HEAP:-1g}" -Xmx"${BENCH_HEAP:-1g}" -Dfile.encoding=UTF-8 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$cp" io.akhbar.bench.BenchMain
