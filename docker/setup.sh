#!/bin/bash
# One-shot setup of the secured stack, the way Elastic's own compose example does it: a CA and node certificates
# (elasticsearch-certutil) into the shared certs volume, then, once the cluster answers over TLS, the two roles and
# the two service users of this product (least privilege: the indexer writes the alias, the API only reads it).
# NODES: the node names to make certificates for (space-separated); ES_URL: the node to configure.
set -euo pipefail
cd /usr/share/elasticsearch
for v in ELASTIC_PASSWORD AKHBAR_INDEXER_PASSWORD AKHBAR_API_PASSWORD; do
  if [ -z "${!v:-}" ]; then echo "setup: set $v in .env (see .env.example)" >&2; exit 1; fi
done

certs=config/certs
if [ ! -f $certs/ca.zip ]; then
  echo "setup: creating the CA"
  bin/elasticsearch-certutil ca --silent --pem -out $certs/ca.zip
  unzip -q $certs/ca.zip -d $certs
fi
if [ ! -f $certs/certs.zip ]; then
  echo "setup: creating the node certificates for: $NODES"
  { echo "instances:"; for n in $NODES; do
      printf '  - name: %s\n    dns: [%s, localhost]\n    ip: [127.0.0.1]\n' "$n" "$n"; done; } > $certs/instances.yml
  bin/elasticsearch-certutil cert --silent --pem -out $certs/certs.zip --in $certs/instances.yml \
    --ca-cert $certs/ca/ca.crt --ca-key $certs/ca/ca.key
  unzip -q $certs/certs.zip -d $certs
fi
chown -R root:root $certs
find $certs -type d -exec chmod 750 {} \;
find $certs -type f -exec chmod 640 {} \;
chmod 644 $certs/ca/ca.crt  # the services read the CA (never the keys)

echo "setup: waiting for $ES_URL"
until curl -s --cacert $certs/ca/ca.crt "$ES_URL" | grep -q "missing authentication credentials"; do sleep 5; done

api() {  # METHOD PATH [BODY]: as the elastic superuser, failing on any refusal
  curl -sS --fail-with-body --cacert $certs/ca/ca.crt -u "elastic:${ELASTIC_PASSWORD}" -H "Content-Type: application/json" \
    -X "$1" "$ES_URL$2" ${3:+-d "$3"} > /dev/null
}
for role in akhbar_writer akhbar_reader; do
  api PUT "/_security/role/$role" "$(cat /setup/roles/$role.json)"
done
api PUT /_security/user/akhbar_indexer "{\"password\":\"${AKHBAR_INDEXER_PASSWORD}\",\"roles\":[\"akhbar_writer\"]}"
api PUT /_security/user/akhbar_api "{\"password\":\"${AKHBAR_API_PASSWORD}\",\"roles\":[\"akhbar_reader\"]}"
echo "setup: done (roles akhbar_writer, akhbar_reader; users akhbar_indexer, akhbar_api)"
