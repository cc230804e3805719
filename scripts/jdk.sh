# Finds a JDK 25 or newer: $JAVA_HOME first, then the usual install folders. Sourced by ./rnn4j and ./run-tests.
# Sets JAVA_HOME and exports it, or prints what to do and exits.

jdk_version() {
  # major version from the JDK's release file (JAVA_VERSION="25.0.1"), empty if none
  local release="$1/release"
  [ -f "$release" ] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release" | head -n 1
}

is_jdk25() {
  local home="$1" version
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  version=$(jdk_version "$home")
  [ -n "$version" ] && [ "$version" -ge 25 ]
}

find_jdk25() {
  if [ -n "${JAVA_HOME:-}" ] && is_jdk25 "$JAVA_HOME"; then
    return 0
  fi
  local candidate
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /opt/*/jdk* \
                   "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
                   /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    if [ -d "$candidate" ] && is_jdk25 "$candidate"; then
      JAVA_HOME="$candidate"
      export JAVA_HOME
      return 0
    fi
  done
  echo "rnn4j: no JDK 25 found (looked at \$JAVA_HOME and /usr/lib/jvm, /usr/java, /opt, ~/.sdkman, ~/.jdks)." >&2
  echo "       Install a JDK 25 (for example Temurin 25) and set JAVA_HOME to it." >&2
  exit 1
}

find_jdk25
