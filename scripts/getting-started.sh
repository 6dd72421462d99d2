#!/usr/bin/env bash
# Runs the curl walkthrough of docs/getting-started.md, as written, against the built API (npm run build
# first) started on its own database and Redis key prefix, with the fake OpenAI as the model provider and
# mail written to the API log. Fails on the first call that does not answer 2xx. Only three lines are
# adapted: the API address, the mailed token (read from the log) and the webhook URL (a local one).
#   DATABASE_ADMIN_URL  where to create and drop the database (default postgres://postgres@127.0.0.1:5432/postgres)
#   WALK_PORT           the API's port (default 3917; the fake OpenAI uses the next one)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH" # Node 24, as npm scripts get it

admin=${DATABASE_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
port=${WALK_PORT:-3917}
fake_port=$((port + 1))
name=tollgate_walk_$$
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql "$admin" -qc "DROP DATABASE IF EXISTS $name" >/dev/null || true
  if command -v redis-cli >/dev/null; then
    redis-cli --scan --pattern "$name:*" | xargs -r redis-cli del >/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

psql "$admin" -qc "CREATE DATABASE $name"
ts-node --transpile-only -e "require('./test/fakes/fake-openai').startFakeOpenAi($fake_port)" &
pids+=($!)
DATABASE_URL="${admin%/*}/$name" REDIS_KEY_PREFIX=$name PORT=$port HOST=127.0.0.1 \
  PUBLIC_BASE_URL=http://localhost:$port OPENAI_BASE_URL=http://127.0.0.1:$fake_port/v1 OPENAI_API_KEY=sk-fake \
  OUTBOUND_ALLOW_PRIVATE_ADDRESSES=true SMTP_URL= LOG_LEVEL=info \
  node dist/src/main.js >"$work/api.log" 2>&1 &
pids+=($!)
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break || sleep 1; done

# The doc's first bash block, with the three adaptations; each must still match the doc.
node - "$port" "$work/api.log" >"$work/walk.sh" <<'EOF'
const [port, log] = process.argv.slice(2);
let block = require('fs').readFileSync('docs/getting-started.md', 'utf8').split('```bash\n')[1].split('```')[0];
const replace = (from, to) => {
  if (!block.includes(from)) throw new Error(`docs/getting-started.md no longer contains: ${from}`);
  block = block.replace(from, to);
};
replace('API=http://localhost:3000', `API=http://localhost:${port}`);
replace(`'{"token":"<token from the mail>"}'`, `"{\\"token\\":\\"$(mail_token)\\"}"`);
replace('https://example.com/hooks/tollgate', `http://127.0.0.1:${+port + 1}/hooks/tollgate`);
replace(/(.*# until status is "completed")/.exec(block)[1], 'until_completed');
process.stdout.write(`
curl() { command curl --fail-with-body "$@"; }
mail_token() {
  for _ in $(seq 50); do
    grep -o 'verify-email: ev_[A-Za-z0-9_-]*' ${log} | tail -1 | cut -d' ' -f2 | grep . && return
    sleep 0.2
  done
  return 1
}
until_completed() {
  for _ in $(seq 100); do
    curl -s $API/api/v1/invoices/runs/$RUN "\${H[@]}" | grep -q '"status":"completed"' && return
    sleep 0.3
  done
  return 1
}
${block}
test "$(head -c 5 invoice.pdf)" = "%PDF-"
`);
EOF
if (cd "$work" && bash -euo pipefail walk.sh >walk.out 2>&1); then
  echo "getting-started walkthrough: every call answered 2xx, invoice.pdf is a PDF"
else
  echo "getting-started walkthrough failed; its output, then the API log's last lines:" >&2
  cat "$work/walk.out" >&2
  tail -20 "$work/api.log" >&2
  exit 1
fi
