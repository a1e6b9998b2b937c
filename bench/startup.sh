#!/usr/bin/env bash
# Benchmark: JVM start time and idle RSS of each service, and the whole stack's `./risiti up` time.
# Runs the stack twice: cold (no class-data archives) and warm (archives from the first run).
# Needs the ports of docs/local-stack-contract.md free. Prints a table; nothing is asserted.
#   bench/startup.sh [idle-seconds]     (default 20 s of idle before RSS is read)
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/jdk25.sh
IDLE="${1:-20}"
SERVICES=(auth-service customer-service invoice-service billing-service nrs-gateway-service webhook-service nrs-sandbox)

./risiti down >/dev/null 2>&1 || true
rm -rf .risiti/cds

run() {
  local label="$1"
  local t0 t1
  t0=$(date +%s.%N)
  ./risiti up --detach >/dev/null
  t1=$(date +%s.%N)
  local up
  up=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
  sleep "$IDLE"
  printf '\n%s run: ./risiti up --detach took %.1f s (Kafka, PostgreSQL, mail, sandbox, 6 services, gateway)\n' "$label" "$up"
  printf '%-22s %14s %14s %12s\n' "service" "quarkus start" "pid→ready" "idle RSS"
  for s in "${SERVICES[@]}"; do
    local pid log started ready rss
    pid=$(cat ".risiti/pids/$s.pid" 2>/dev/null || echo "")
    log=".risiti/logs/$s.log"
    # Quarkus' own figure: "started in 1.234s"
    started=$(grep -o 'started in [0-9.]*s' "$log" | tail -n1 | grep -o '[0-9.]*' || echo "?")
    # the launcher's figure, from process start to /q/health/ready answering: "<name> ready ... (1.9s)"
    ready=$(grep -E "ready +$s " .risiti/logs/launcher.log | grep -o '([0-9.]*s)' | tail -n1 | tr -d '()' || echo "?")
    rss=$(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' "/proc/$pid/status" 2>/dev/null || echo "?")
    printf '%-22s %13ss %14s %12s\n' "$s" "$started" "${ready:-?}" "$rss"
  done
  local kpid
  kpid=$(pgrep -f 'ng.risiti.kafkabroker.BrokerMain' | head -n1 || true)
  [ -n "$kpid" ] && awk '/VmRSS/ {printf "%-22s %14s %14s %9.0f MB\n", "kafka broker", "", "", $2/1024}' "/proc/$kpid/status"
  ./risiti down >/dev/null
}

run cold
run warm

# Each service alone (PostgreSQL and Kafka already up), so start time is not shared with five other JVMs on 2 cores.
# CPU to ready is every thread's (main, JIT compilers, GC, event loops): on 2 cores, start time cannot fall below half
# of it, which says whether a start-time budget is a matter of waiting or of work.
printf '\nalone (warm archives): each service started by itself\n'
printf '%-22s %14s %14s %12s\n' "service" "quarkus start" "CPU to ready" "idle RSS"
TCK=$(getconf CLK_TCK)
for s in "${SERVICES[@]:0:6}"; do
  ./risiti up --detach --only "postgres,kafka,$s" >/dev/null
  pid=$(cat ".risiti/pids/$s.pid")
  cpu=$(awk -v t="$TCK" '{printf "%.1f s", ($14 + $15) / t}' "/proc/$pid/stat")
  sleep 5
  started=$(grep -o 'started in [0-9.]*s' ".risiti/logs/$s.log" | tail -n1 | grep -o '[0-9.]*')
  rss=$(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' "/proc/$pid/status")
  printf '%-22s %13ss %14s %12s\n' "$s" "$started" "$cpu" "$rss"
  ./risiti down >/dev/null
done
