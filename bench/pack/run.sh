#!/usr/bin/env bash
# Delivery pack benchmark (docs/benchmarks.md, "Delivery pack"): 100,000 signatures in Korean, Chinese,
# Cyrillic and Latin scripts (4 % in Arabic, Hebrew, Thai or Devanagari) are written with generate_series into a fresh embedded PostgreSQL 18, the petition
# is closed, a pack is generated (one pass: digest) and its PDF and CSV are written to files (two passes each:
# digest check, then the rows), all inside a JVM limited to -Xmx512m (the Spring application and the embedded
# database's client included). Prints seconds per step, the JVM's peak heap and, as the ceiling, the time psql
# takes to copy the same rows, in the same order, to /dev/null.
#
#   bash bench/pack/run.sh                      # 100,000 signatures
#   SIGNATURES=20000 bash bench/pack/run.sh     # a quick run
#
# Needs a JDK 21+ (JAVA_HOME, default /usr/lib/jvm/temurin-25-jdk-amd64) and psql (postgresql-client).
# The files and report.txt are left in target/bench-pack/.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
SIGNATURES="${SIGNATURES:-100000}"
HEAP="${HEAP:-512m}"
./mvnw -B -q test -Dtest=DeliveryPackBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dcheckstyle.skip -Dspring-javaformat.skip \
  -DargLine="-Xmx${HEAP} -Dbench.signatures=${SIGNATURES} -Dbench.out=$(pwd)/target/bench-pack"
echo "uptime: $(uptime)"
cat target/bench-pack/report.txt
