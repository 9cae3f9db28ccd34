#!/usr/bin/env bash
# bench/run.sh N [--postgres] — end-to-end throughput and memory of Délib on a synthetic cohort (issue #6).
#
# What it does: generates a cohort of N students (about 13 mark rows each) into a temp folder, then runs the
# session-1 job and the session-2 job, one after the other, on a fresh database (embedded H2 under the temp
# folder via -Ddelib.data; with --postgres, a throwaway PostgreSQL cluster started for the occasion). It builds
# nothing: it runs $JAR (default target/delib.jar). Nothing is written outside the temp folder.
#
# How to read it: one table per run.
#   wall        process wall time (JVM start to exit, /usr/bin/time) and its parts: startup (JVM start to job
#               launched: Spring, Flyway), the job itself (launched to completed), shutdown.
#   steps       per Spring Batch step: duration (from the "Executing step"/"Step: [...] executed" log lines in
#               delib.log), rows read/written (from `delib status`), rows/s = rows read / duration.
#   heap        from the GC log (-Xlog:gc), per step over the collections that happened during it ("-" = none):
#               "pre-GC" is the largest heap occupancy just before a collection (the peak of used heap, within GC
#               granularity; it mostly follows how much heap the collector chose to use); "post-GC" is the largest
#               occupancy just after one. post-GC is an UPPER BOUND on the live set: a young GC leaves
#               old-generation garbage in place, so it can be several times the real live data (check with a full
#               GC, e.g. `jcmd PID GC.class_histogram`, if it matters).
#   RSS         peak resident set size of the whole JVM process (/usr/bin/time -v), heap + metaspace + code + H2.
#   cpu         user+sys CPU seconds of the JVM process (not PostgreSQL's, with --postgres); load = 1-min load
#               average before/after (a loaded machine inflates wall times but hardly CPU seconds).
#   marks/s     mark rows in marks.csv / job time (and / process wall).
#
# Options and environment:
#   --postgres            run on a throwaway PostgreSQL (needs postgresql's initdb/pg_ctl; as root they run as
#                         user postgres)
#   --seed S              generator seed (default 42)
#   --sessions "1 2"      which sessions to run, in order (default "1 2")
#   JAR=path              the jar to run (default target/delib.jar, relative to the repository)
#   BENCH_XMX=1g          the JVM's -Xmx (default 1g)
#   BENCH_GC=...          the garbage collector's option (default -XX:+UseParallelGC, the throughput collector the
#                         README recommends for large runs; BENCH_GC= runs with the JVM's default, G1)
#   BENCH_JIT=...         the JIT compiler's options (default: the inlining limits the README recommends for large
#                         runs, which halve the C2 compiler's CPU; BENCH_JIT= runs with the JVM's defaults)
#   BENCH_JAVA_OPTS=...   extra JVM options (e.g. -XX:StartFlightRecording=...)
#   BENCH_TMP=dir         work folder (default: a new mktemp -d under /tmp); BENCH_KEEP=1 keeps it afterwards
set -euo pipefail

usage() { echo "usage: bench/run.sh N [--postgres] [--seed S] [--sessions \"1 2\"]" >&2; exit 2; }

REPO=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 1 ] || usage
N=$1; shift
[[ $N =~ ^[0-9]+$ ]] || usage
POSTGRES=0; SEED=42; SESSIONS="1 2"
while [ $# -gt 0 ]; do
    case $1 in
        --postgres) POSTGRES=1 ;;
        --seed) SEED=${2:?}; shift ;;
        --sessions) SESSIONS=${2:?}; shift ;;
        *) usage ;;
    esac
    shift
done

JAR=${JAR:-$REPO/target/delib.jar}
case $JAR in /*) ;; *) JAR=$PWD/$JAR ;; esac
[ -f "$JAR" ] || { echo "no jar at $JAR (build it first, or set JAR=...)" >&2; exit 2; }
XMX=${BENCH_XMX:-1g}
GC=${BENCH_GC--XX:+UseParallelGC}
read -r -a GC_OPTS <<< "$GC"
JIT=${BENCH_JIT--XX:MaxInlineLevel=4 -XX:FreqInlineSize=60 -XX:InlineSmallCode=600 -XX:MaxInlineSize=20}
read -r -a JIT_OPTS <<< "$JIT"
read -r -a EXTRA <<< "${BENCH_JAVA_OPTS:-}"
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }

if [ -n "${BENCH_TMP:-}" ]; then T=$BENCH_TMP; mkdir -p "$T"; else T=$(mktemp -d /tmp/delib-bench.XXXXXX); fi
chmod 755 "$T"
PG_STARTED=0
cleanup() {
    if [ $PG_STARTED = 1 ]; then pg pg_ctl -D "$T/pg/data" -m fast stop >/dev/null 2>&1 || true; fi
    if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "work folder kept: $T"; else rm -rf "$T"; fi
}
trap cleanup EXIT

# --- PostgreSQL (optional) -----------------------------------------------------------------------------------
pg() {  # runs a PostgreSQL server binary, as user postgres when we are root (initdb refuses root)
    local bin=$1; shift
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$PGBIN/$bin" "$@"; else "$PGBIN/$bin" "$@"; fi
}
DB_ARGS=()
if [ $POSTGRES = 1 ]; then
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] || { echo "--postgres: no PostgreSQL server installed" >&2; exit 2; }
    mkdir -p "$T/pg"
    [ "$(id -u)" = 0 ] && chown postgres "$T/pg"
    PORT=$(( 20000 + RANDOM % 20000 ))
    pg initdb -D "$T/pg/data" -U delib --auth=trust -E UTF8 --locale=C.UTF-8 >"$T/pg-initdb.log" 2>&1 \
        || { cat "$T/pg-initdb.log" >&2; exit 1; }
    pg pg_ctl -D "$T/pg/data" -l "$T/pg/server.log" -w \
        -o "-p $PORT -k $T/pg -c listen_addresses=127.0.0.1" start >/dev/null
    PG_STARTED=1
    pg createdb -h 127.0.0.1 -p "$PORT" -U delib delib
    DB_ARGS=(--db-url "jdbc:postgresql://127.0.0.1:$PORT/delib" --db-user delib)
    DB_LABEL="PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') (throwaway, port $PORT, default settings)"
else
    DB_LABEL="embedded H2 in $T/data"
fi

now_ms() { date +%s%3N; }
load1() { cut -d' ' -f1 /proc/loadavg; }

echo "Délib bench: N=$N students, seed $SEED, sessions: $SESSIONS, -Xmx$XMX${GC:+ $GC}${JIT:+ $JIT}${EXTRA:+ ${EXTRA[*]}}"
echo "jar: $JAR ($(sha1sum "$JAR" | cut -c1-12))"
echo "database: $DB_LABEL"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "work folder: $T"

# --- the cohort ----------------------------------------------------------------------------------------------
t0=$(now_ms)
java -Xmx"$XMX" -jar "$JAR" generate --students "$N" --seed "$SEED" --out "$T/input" >"$T/generate.log" 2>&1 \
    || { cat "$T/generate.log" >&2; exit 1; }
t1=$(now_ms)
MARKS=$(( $(wc -l < "$T/input/marks.csv") - 1 ))
echo "generate: $(tail -1 "$T/generate.log") — process $(awk -v d=$((t1 - t0)) 'BEGIN{printf "%.1f", d/1000}') s;" \
     "input $(du -sh "$T/input" | cut -f1)"

# --- one run -------------------------------------------------------------------------------------------------
run_session() {
    local s=$1 job="$T/bench-session$s.yml" tag="s$s"
    cat > "$job" <<EOF
programme: LIC-INFO
academic_year: 2025-2026
session: $s
input: $T/input
output: $T/output
jury_date: $([ "$s" = 1 ] && echo 2026-01-30 || echo 2026-07-10)
EOF
    local dlog="$T/data/delib.log" before=0
    [ -f "$dlog" ] && before=$(wc -l < "$dlog")
    local l0 l1 ts te rc=0
    l0=$(load1); ts=$(now_ms)
    /usr/bin/time -f '%e %U %S %M' -o "$T/time-$tag.txt" \
        java -Xmx"$XMX" "${GC_OPTS[@]}" "${JIT_OPTS[@]}" -Xlog:gc:file="$T/gc-$tag.log":timemillis "${EXTRA[@]}" \
        -Ddelib.data="$T/data" \
        -jar "$JAR" run "$job" "${DB_ARGS[@]}" >"$T/console-$tag.log" 2>&1 || rc=$?
    te=$(now_ms); l1=$(load1)
    tail -n +$((before + 1)) "$dlog" > "$T/delib-$tag.log"
    if [ $rc != 0 ]; then
        echo; echo "session $s FAILED (exit $rc):"; tail -20 "$T/console-$tag.log"; return 1
    fi
    java -Ddelib.data="$T/data" -jar "$JAR" status "$job" "${DB_ARGS[@]}" >"$T/status-$tag.txt" 2>&1 || true

    echo
    echo "== session $s: java -Xmx$XMX${GC:+ $GC} -Ddelib.data=$T/data -jar $(basename "$JAR") run $(basename "$job")"
    grep -E '^Completed run|decisions:' "$T/console-$tag.log" | sed 's/^/   /'
    # The status's first block is this run (newest first); its step lines: name STATE read R, written W, ...
    awk 'NR > 1 && /^[^ ]/ {exit} NR > 1 {gsub(",", ""); print $1, $4, $6}' "$T/status-$tag.txt" > "$T/counts-$tag.txt"
    awk -v ts="$ts" -v te="$te" -v marks="$MARKS" -v l0="$l0" -v l1="$l1" \
        -v timef="$T/time-$tag.txt" -v countf="$T/counts-$tag.txt" -v gcf="$T/gc-$tag.log" '
    function ms(d, t,   a, b) {   # "2026-11-23" "12:02:07.496" -> epoch ms (local time, as the log is written)
        split(d, a, "-"); split(t, b, "[:.]")
        return mktime(a[1] " " a[2] " " a[3] " " b[1] " " b[2] " " b[3]) * 1000 + b[4]
    }
    function mb(v,   u, x) { u = substr(v, length(v)); x = substr(v, 1, length(v) - 1) + 0
        return u == "G" ? x * 1024 : u == "K" ? x / 1024 : u == "B" ? x / 1048576 : x }
    function fmt(x) { return x < 0 ? "-" : sprintf("%.0f MB", x) }
    BEGIN {
        getline tl < timef; split(tl, tm, " ")
        while ((getline l < countf) > 0) { split(l, c, " "); rd[c[1]] = c[2]; wr[c[1]] = c[3] }
        while ((getline l < gcf) > 0) {
            if (l !~ /->/ || l !~ /GC\(/) continue
            match(l, /\[[0-9]+ms\]/); g_t[++ng] = substr(l, RSTART + 1, RLENGTH - 4) + 0
            match(l, /[0-9.]+[BKMG]->[0-9.]+[BKMG]\([0-9.]+[BKMG]\)/); s = substr(l, RSTART, RLENGTH)
            split(s, v, /->|\(|\)/); g_pre[ng] = mb(v[1]); g_post[ng] = mb(v[2]); g_com[ng] = mb(v[3])
            if (match(l, /[0-9.]+ms$/)) pause += substr(l, RSTART, RLENGTH - 2)
        }
    }
    /Executing step: \[/ { n = $0; sub(/.*Executing step: \[/, "", n); sub(/\].*/, "", n)
                           order[++ns] = n; st[n] = ms($1, $2) }
    /Step: \[.*\] executed in/ { n = $0; sub(/.*Step: \[/, "", n); sub(/\].*/, "", n); en[n] = ms($1, $2) }
    /Job: .* launched with/ { jl = ms($1, $2) }
    /Job: .* completed with/ { jc = ms($1, $2) }
    END {
        wall = tm[1]; job = (jc - jl) / 1000
        printf "   wall %.1f s = startup %.1f s + job %.1f s + shutdown %.1f s;  cpu %.1f s (user %.1f + sys %.1f);" \
               "  load %s -> %s\n", wall, (jl - ts) / 1000, job, (te - jc) / 1000, tm[2] + tm[3], tm[2], tm[3], l0, l1
        for (i = 1; i <= ng; i++) { if (g_pre[i] > pre) pre = g_pre[i]; if (g_post[i] > post) post = g_post[i]
                                    if (g_com[i] > com) com = g_com[i] }
        printf "   heap: peak pre-GC %s, peak post-GC %s, max committed %s; %d GCs, %.1f s paused;" \
               "  peak RSS %.0f MB\n", fmt(pre), fmt(post), fmt(com), ng, pause / 1000, tm[4] / 1024
        printf "   %d mark rows: %.0f marks/s over the job, %.0f marks/s over the process wall\n",
               marks, (job > 0 ? marks / job : 0), (wall > 0 ? marks / wall : 0)
        printf "   %-18s %9s %10s %10s %11s %13s %13s %5s\n", "step", "time (s)", "read", "written", "rows/s",
               "heap pre-GC", "heap post-GC", "GCs"
        for (i = 1; i <= ns; i++) {
            n = order[i]; d = (en[n] - st[n]) / 1000; p = -1; q = -1; k = 0
            for (j = 1; j <= ng; j++) if (g_t[j] >= st[n] && g_t[j] <= en[n]) {
                k++; if (g_pre[j] > p) p = g_pre[j]; if (g_post[j] > q) q = g_post[j] }
            # A partition is "deliberate-part:partitionN" in the log, "partitionN" under its step in the status.
            pn = n; if (sub(/^.*:/, "", pn)) shown = "  " pn; else shown = n
            r = (pn in rd) ? rd[pn] : "?"; w = (pn in wr) ? wr[pn] : "?"
            rate = (r + 0 > 0 && d > 0) ? sprintf("%.0f", r / d) : "-"
            printf "   %-18s %9.2f %10s %10s %11s %13s %13s %5d\n", shown, d, r, w, rate, fmt(p), fmt(q), k
        }
    }' "$T/delib-$tag.log"
    # The documents step's own account: how long each document took, the transcripts per second.
    grep -o 'documents [^ ]*: .*' "$T/delib-$tag.log" | sed 's/^/   /' || true
}

status=0
for s in $SESSIONS; do run_session "$s" || { status=1; break; }; done
exit $status
