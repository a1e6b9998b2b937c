#!/usr/bin/env bash
# Benchmark: how much CPU the running stack burns while nobody calls it, per component, from /proc.
# Run it on a warmed stack (after a benchmark, not right after ./risiti up, when the JIT is still compiling): what an
# idle stack burns is paid at every load too, and on 2 cores it is what makes "half load" more than half busy.
#   bench/idle-cpu.sh [seconds]     (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_IDLE="${1:-60}"
TCK=$(getconf CLK_TCK)
[ -d .risiti/pids ] || { echo "idle-cpu: no running stack (.risiti/pids); start one with ./risiti up --detach" >&2; exit 1; }

# CPU ticks of a process, and of its children when $2 says so (PostgreSQL's backends; not the launcher's, which are
# the other components)
ticks() {
  local total=0 pid children=""
  [ "${2:-}" = children ] && children=$(pgrep -P "$1" 2>/dev/null || true)
  for pid in $1 $children; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}

declare -A pids before
for f in .risiti/pids/*.pid; do
  name=$(basename "$f" .pid)
  pids[$name]=$(cat "$f")
done
pids[launcher+gateway]=$(cat .risiti/supervisor.pid)
# PostgreSQL is its postmaster and the backends it forked; every other component is one process
counted() { [ "$1" = postgres ] && echo children || true; }
for name in "${!pids[@]}"; do before[$name]=$(ticks "${pids[$name]}" "$(counted "$name")"); done
machine_before=$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat)
sleep "$SECONDS_IDLE"
machine_after=$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat)

printf '%-22s %s\n' "component" "idle CPU (% of one core, ${SECONDS_IDLE} s)"
for name in "${!pids[@]}"; do
  used=$(( $(ticks "${pids[$name]}" "$(counted "$name")") - before[$name] ))
  printf '%-22s %6.1f\n' "$name" "$(awk -v u="$used" -v t="$TCK" -v s="$SECONDS_IDLE" 'BEGIN { print 100 * u / t / s }')"
done | sort -k2 -nr
awk -v t="$TCK" -v s="$SECONDS_IDLE" -v m=$((machine_after - machine_before)) \
    'BEGIN { printf "%-22s %6.1f (everything on the machine, kernel included)\n", "whole machine", 100 * m / t / s }'
