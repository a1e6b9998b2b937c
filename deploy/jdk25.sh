# Sourced by ./risiti and .ci/run: exports JAVA_HOME pointing at a JDK 25, or exits with a clear message.

is_jdk25() {
  [ -x "$1/bin/java" ] && "$1/bin/java" -version 2>&1 | head -n1 | grep -Eq 'version "25([."]|$)'
}

if [ -n "${JAVA_HOME:-}" ] && is_jdk25 "$JAVA_HOME"; then
  :
else
  found=""
  for candidate in /usr/lib/jvm/*25* /Library/Java/JavaVirtualMachines/*25*/Contents/Home "$HOME"/.sdkman/candidates/java/25*; do
    if [ -d "$candidate" ] && is_jdk25 "$candidate"; then found="$candidate"; break; fi
  done
  if [ -z "$found" ] && command -v java >/dev/null 2>&1; then
    javahome="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    if is_jdk25 "$javahome"; then found="$javahome"; fi
  fi
  if [ -z "$found" ]; then
    echo "risiti: needs a JDK 25 (Java 25). Install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
    [ -n "${JAVA_HOME:-}" ] && echo "        JAVA_HOME=$JAVA_HOME is not a JDK 25." >&2
    exit 1
  fi
  export JAVA_HOME="$found"
fi
export PATH="$JAVA_HOME/bin:$PATH"
