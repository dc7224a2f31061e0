#!/usr/bin/env bash
# The indexer on its own:  ./indexer.sh index PATH...   |   ./indexer.sh retag (re-tag stored articles in place)   |   ./indexer.sh generate --count N --seed S --out FILE
# Same environment as run.sh (ES_URL, DATA_DIR, INDEX_ALIAS, ...). Exit codes: 0 all indexed, 1 something was not
# indexed (see the dead-letter file), 2 bad arguments or input paths, 3 Elasticsearch unusable.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
stamp="$here/indexer/target/.built"
if [ ! -f "$stamp" ] || [ -n "$(cd "$here" && find pom.xml */pom.xml mappings gazetteer */src/main -newer "$stamp" -print -quit 2>/dev/null)" ]; then
  echo "indexer.sh: building…" >&2
  (cd "$here" && mvn -B -q -DskipTests package)
  touch "$stamp"
fi
export DATA_DIR="${DATA_DIR:-$here/data}" ENGINE_HOME="${ENGINE_HOME:-$here/engine}"
exec java -Xmx1g -Dfile.encoding=UTF-8 -cp "$here/indexer/target/classes:$(cat "$here/indexer/target/classpath.txt")" \
  io.akhbar.indexer.IndexerMain "$@"
