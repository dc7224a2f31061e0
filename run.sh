#!/usr/bin/env bash
# The main job: index seeds/ (or the given folders of pages and .jsonl feeds) and serve the API and the page.
#   ./run.sh                 index seeds/ into the embedded Elasticsearch node, serve on http://localhost:7070
#   ./run.sh PATH...         index those instead (folders are searched recursively)
# Environment: PORT (7070), DATA_DIR (the project's data/), ES_URL (+ ES_USERNAME/ES_PASSWORD or ES_API_KEY) to use
# a cluster instead of the embedded node, ENGINE_HEAP (1g), INDEX_ALIAS (articles). Ctrl-C stops everything.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

command -v java >/dev/null || { echo "run.sh: java (JDK 17+) is not installed" >&2; exit 2; }
command -v mvn >/dev/null || { echo "run.sh: mvn (Maven) is not installed" >&2; exit 2; }

# Build when nothing is built yet or a source, mapping or gazetteer file changed since the last build.
stamp="$here/search-api/target/.built"
if [ ! -f "$stamp" ] || [ -n "$(cd "$here" && find pom.xml */pom.xml mappings gazetteer */src/main -newer "$stamp" -print -quit 2>/dev/null)" ]; then
  echo "run.sh: building (the first run downloads dependencies from Maven Central)…" >&2
  (cd "$here" && mvn -B -q -DskipTests package)
  touch "$stamp"
fi

export DATA_DIR="${DATA_DIR:-$here/data}" ENGINE_HOME="${ENGINE_HOME:-$here/engine}"
[ $# -gt 0 ] || set -- "$here/seeds"
exec java -Xmx512m -Dfile.encoding=UTF-8 \
  -cp "$here/search-api/target/classes:$(cat "$here/search-api/target/classpath.txt")" \
  io.akhbar.api.SearchApiMain "$@"
