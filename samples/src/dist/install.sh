#!/bin/sh
# Installs the uc15mail command: the launcher to PREFIX/bin/uc15mail and the jar to PREFIX/lib/uc15mail/.
# Usage: ./install.sh [PREFIX]      (default /usr/local; run with sudo for it)
# Run it from the directory that holds uc15mail.jar and the launcher (samples/target/ after mvn package).
set -e

prefix=${1:-/usr/local}
here=$(cd "$(dirname "$0")" && pwd)

for f in uc15mail uc15mail.jar; do
  if [ ! -f "$here/$f" ]; then
    echo "install.sh: $here/$f is missing; build it first: mvn -B -DskipTests package" >&2
    exit 1
  fi
done

mkdir -p "$prefix/bin" "$prefix/lib/uc15mail"
cp "$here/uc15mail.jar" "$prefix/lib/uc15mail/uc15mail.jar"
chmod 644 "$prefix/lib/uc15mail/uc15mail.jar"
# The class-data-sharing archive records the jar's path: make it again for the installed jar (a few seconds).
# Without it (or if this fails) the launcher simply starts without class-data sharing.
rm -f "$prefix/lib/uc15mail/uc15mail.jsa"
java_cmd=java
[ -n "${JAVA_HOME:-}" ] && java_cmd=$JAVA_HOME/bin/java
"$java_cmd" -XX:ArchiveClassesAtExit="$prefix/lib/uc15mail/uc15mail.jsa" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$prefix/lib/uc15mail/uc15mail.jar" io.github.uc15mail.cli.CdsTraining \
  >/dev/null 2>&1 || rm -f "$prefix/lib/uc15mail/uc15mail.jsa"
cp "$here/uc15mail" "$prefix/bin/uc15mail"
chmod 755 "$prefix/bin/uc15mail"
echo "installed $prefix/bin/uc15mail (jar in $prefix/lib/uc15mail)"
