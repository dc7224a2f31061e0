#!/usr/bin/env bash
# The evaluation on a real corpus:  ./evaluate.sh [CORPUS]   (default ../shared/corpus/saudinewsnet.jsonl.gz)
#  1. tagging: precision/recall on the hand-labelled samples of relevance/, plausibility over the whole corpus
#     (./indexer.sh evaluate; no Elasticsearch);
#  1b. wire copies: precision on relevance/duplicate-pairs.tsv, recall against exact-opening duplicates
#     (./indexer.sh evaluate-stories; no Elasticsearch);
#  2. names across scripts: the Latin-script queries of relevance/names-queries.tsv through this product and through
#     a hand-built index with the built-in arabic analyzer, side by side (needs Elasticsearch: ES_URL, else the
#     embedded node; indexes the corpus twice, a few minutes on two cores).
#  Tuning the names part: NAMES_EVAL_KEEP=1 with a kept DATA_DIR reuses the two indices when only the query side
#  changed (seconds instead of minutes); NAMES_EVAL_ONLY=n001,n163 runs those queries and prints their requests and
#  misses; NAMES_EVAL_ANALYZE="text" prints how the unstemmed field writes a text.
# Exit code 2 when the corpus is missing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus="${1:-${CORPUS:-$here/../shared/corpus/saudinewsnet.jsonl.gz}}"
if [ ! -f "$corpus" ]; then
  echo "evaluate: the corpus is not at $corpus: give its path as the argument (the shared SaudiNewsNet corpus is ../shared/corpus/saudinewsnet.jsonl.gz)" >&2
  exit 2
fi
cd "$here"
./indexer.sh evaluate --corpus "$corpus"
./indexer.sh evaluate-stories --corpus "$corpus"
stamp="$here/search-api/target/.built"
if [ ! -f "$stamp" ] || [ -n "$(find pom.xml */pom.xml mappings gazetteer */src/main -newer "$stamp" -print -quit 2>/dev/null)" ]; then
  echo "evaluate: building…" >&2
  mvn -B -q -DskipTests package
  touch "$stamp"
fi
export DATA_DIR="${DATA_DIR:-$(mktemp -d)}" ENGINE_HOME="${ENGINE_HOME:-$here/engine}" ENGINE_HEAP="${ENGINE_HEAP:-2g}"
echo "## Names across scripts on $(basename "$corpus")"
exec java -Xmx1g -Dfile.encoding=UTF-8 -cp "$here/search-api/target/classes:$(cat "$here/search-api/target/classpath.txt")" \
  io.akhbar.api.NamesEvaluation "$corpus" relevance/names-queries.tsv
