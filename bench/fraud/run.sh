#!/usr/bin/env bash
# The fraud tools (issue 13) on one petition of 100,000 signatures made in the last day: the stats, the
# suspect list, a bulk invalidation's preview, the invalidation and the restore of a third of them (with the
# public count checked after each), and what the allow and block lists cost a signature with 200 entries.
#
#   bash bench/fraud/run.sh                    # 100,000 signatures
#   SIGNATURES=20000 bash bench/fraud/run.sh   # a smoke run
#
# It runs FraudToolsScaleBench (skipped in the normal build) against the real embedded PostgreSQL, like the
# integration tests; the figures are printed as lines starting with BENCH.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
echo "commit $(git rev-parse --short HEAD), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -q test -Dtest=FraudToolsScaleBench -Dbench.fraud=true -Dbench.fraud.signatures="${SIGNATURES:-100000}" \
	-Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep '^BENCH' || {
	echo "no figures: see target/surefire-reports/" >&2
	exit 1
}
