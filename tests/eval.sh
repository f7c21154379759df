#!/bin/sh
# tests/eval.sh - score lexpipe against the gold corpus (see tests/gold/FORMAT.md).
#
# usage: tests/eval.sh [-v] LEXPIPE PATTERNS_DIR GOLD_DIR
#
# 1. Every GOLD_DIR/LANG/NAME.txt is extracted into a temporary directory under the same
#    relative path, without its `##` comment lines and `#=` expectation lines. Each
#    expectation is recorded with the number of the extracted line it follows.
# 2. `LEXPIPE run --patterns PATTERNS_DIR --no-header TMPDIR` is run once on that directory.
#    Its TSV columns: doc line col start end lang kind label canonical value negated
#    provision rule match context (PostgreSQL COPY text escaping).
# 3. A key is built per output row: ref/act -> canonical; restrict -> label, plus
#    " negated" when negated is 1; penalty -> label, plus " VALUE" when value is non-empty.
#    Only rows of the kinds a file declares (`## kinds: ...`) are kept for that file.
# 4. Gold and output are compared as multisets per (file, line, kind, key).
#
# Output: a table `lang kind label tp fp fn precision recall f1`; one line per lang x kind
# (label `*`), for restrict and penalty also one per lang x kind x label, and an `all`
# line per kind. The language is the gold file's directory (en, ru, kk).
# With -v, every false positive and false negative is listed first:
#   FP file:line kind key <TAB> document line
#   FN file:line kind key <TAB> document line
# Keys are compared in COPY-escaped form (a backslash in a gold key is written `\\` in
# the comparison, as lexpipe writes it). The exit status is 0 whenever the evaluation
# ran (it measures, it does not judge); 2 on usage errors.
#
# POSIX sh + awk (mawk is enough).

verbose=0
if [ "${1-}" = "-v" ]; then
    verbose=1
    shift
fi
if [ $# -ne 3 ]; then
    echo "usage: $0 [-v] LEXPIPE PATTERNS_DIR GOLD_DIR" >&2
    exit 2
fi
lexpipe=$1
patterns=$2
gold=$3
while :; do
    case $gold in
        ?*/) gold=${gold%/} ;;
        *) break ;;
    esac
done
if [ ! -d "$gold" ]; then
    echo "$0: $gold: not a directory" >&2
    exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/lexpipe-eval.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
trap 'rm -rf "$work"; exit 130' HUP INT TERM
docs=$work/docs
mkdir "$docs" || exit 2
: > "$work/expect"     # rel TAB line TAB kind TAB key
: > "$work/kinds"      # rel TAB kind
: > "$work/files"      # rel

find "$gold" -type f -name '*.txt' | LC_ALL=C sort > "$work/list"
while IFS= read -r f; do
    rel=${f#"$gold"/}
    case $rel in
        */*) ;;
        *) echo "$0: skipping $f (expected GOLD_DIR/LANG/NAME.txt)" >&2; continue ;;
    esac
    mkdir -p "$docs/${rel%/*}" || exit 2
    printf '%s\n' "$rel" >> "$work/files"
    awk -v rel="$rel" -v expf="$work/expect" -v kindf="$work/kinds" '
        function esc(s,    r, i, c) {
            r = ""
            for (i = 1; i <= length(s); i++) {
                c = substr(s, i, 1)
                if (c == "\\") r = r "\\\\"
                else if (c == "\t") r = r "\\t"
                else r = r c
            }
            return r
        }
        { sub(/\r$/, "") }
        /^##/ {
            if ($0 ~ /^##[ \t]*kinds:/) {
                s = $0; sub(/^##[ \t]*kinds:[ \t]*/, "", s)
                n = split(s, k, /[ \t,]+/)
                for (i = 1; i <= n; i++) if (k[i] != "") { print rel "\t" k[i] >> kindf; nk++ }
            }
            next
        }
        /^#=/ {
            s = $0; sub(/^#=[ \t]*/, "", s); sub(/[ \t]+$/, "", s)
            if (match(s, /[ \t]/)) { kind = substr(s, 1, RSTART - 1); key = substr(s, RSTART + 1); sub(/^[ \t]+/, "", key) }
            else { kind = s; key = "" }
            if (kind == "" || key == "") { printf "%s:%d: malformed expectation: %s\n", rel, NR, $0 > "/dev/stderr"; next }
            if (nl == 0) { printf "%s:%d: expectation before the first document line\n", rel, NR > "/dev/stderr"; next }
            print rel "\t" nl "\t" kind "\t" esc(key) >> expf
            next
        }
        { nl++; print }
        END { if (!nk) printf "%s: no \"## kinds:\" line; nothing will be scored\n", rel > "/dev/stderr" }
    ' "$f" > "$docs/$rel" || exit 2
done < "$work/list"

if [ ! -s "$work/files" ]; then
    echo "$0: no gold files under $gold" >&2
    exit 2
fi

"$lexpipe" run --patterns "$patterns" --no-header "$docs" > "$work/out"
rc=$?
if [ $rc -ne 0 ]; then
    echo "$0: warning: $lexpipe exited with status $rc; scoring whatever it printed" >&2
fi

awk -F '\t' -v docs="$docs" -v work="$work" -v verbose="$verbose" '
function normdoc(d,    p) {
    gsub(/\/\/+/, "/", d)
    p = docs "/"
    if (substr(d, 1, length(p)) == p) d = substr(d, length(p) + 1)
    sub(/^(\.\/)+/, "", d)
    return d
}
function langof(rel) { return (index(rel, "/") ? substr(rel, 1, index(rel, "/") - 1) : rel) }
function labelof(kind, key,    l) {
    if ((kind SUBSEP key) in syslab) return syslab[kind, key]
    l = key
    if (kind == "restrict") sub(/ negated$/, "", l)
    else if (kind == "penalty") sub(/ .*$/, "", l)
    return l
}
function add(lang, kind, label, t, p, n) {
    TP[lang, kind, label] += t; FP[lang, kind, label] += p; FN[lang, kind, label] += n
    seen[lang, kind, label] = 1
}
function ratio(a, b) { return b > 0 ? sprintf("%.3f", a / b) : "-" }
function row(lang, kind, label,    t, p, n) {
    t = TP[lang, kind, label] + 0; p = FP[lang, kind, label] + 0; n = FN[lang, kind, label] + 0
    printf "%-5s %-9s %-20s %6d %6d %6d %9s %9s %9s\n", lang, kind, label, t, p, n, \
        ratio(t, t + p), ratio(t, t + n), ratio(2 * t, 2 * t + p + n) > (work "/table")
}
function doctext(rel, ln,    f, s, i) {
    if (!(rel in loaded)) {
        loaded[rel] = 1; f = docs "/" rel; i = 0
        while ((getline s < f) > 0) text[rel, ++i] = s
        close(f)
    }
    return ((rel SUBSEP ln) in text) ? text[rel, ln] : ""
}
FILENAME == work "/files" { isgold[$1] = 1; next }
FILENAME == work "/kinds" { declared[$1, $2] = 1; dlk[langof($1), $2] = 1; next }
FILENAME == work "/expect" {
    g = $1 SUBSEP ($2 + 0) SUBSEP $3 SUBSEP $4
    G[g]++; grp[g] = 1
    next
}
{   # lexpipe output
    sub(/\r$/, "")
    if (NF < 11) { bad++; next }
    rel = normdoc($1)
    if (!(rel in isgold)) { stray++; next }
    kind = $7
    if (!((rel SUBSEP kind) in declared)) next
    if (kind == "restrict") {
        key = $8
        if ($11 == "1" || $11 == "t" || $11 == "true") key = key " negated"
    } else if (kind == "penalty") {
        key = $8
        if ($10 != "" && $10 != "\\N") key = key " " $10
    } else if ($9 == "\\N") key = ""
    else key = $9
    if (kind == "restrict" || kind == "penalty") syslab[kind, key] = $8
    g = rel SUBSEP ($2 + 0) SUBSEP kind SUBSEP key
    S[g]++; grp[g] = 1
}
END {
    if (bad) printf "warning: %d output rows with fewer than 11 columns ignored\n", bad > "/dev/stderr"
    if (stray) printf "warning: %d output rows for documents outside the gold set ignored\n", stray > "/dev/stderr"
    for (g in grp) {
        split(g, a, SUBSEP)
        rel = a[1]; ln = a[2]; kind = a[3]; key = a[4]
        gs = G[g] + 0; ss = S[g] + 0
        t = gs < ss ? gs : ss; p = ss - t; n = gs - t
        lang = langof(rel)
        add(lang, kind, "*", t, p, n)
        add("all", kind, "*", t, p, n)
        if (kind == "restrict" || kind == "penalty") add(lang, kind, labelof(kind, key), t, p, n)
        if (verbose) {
            s = sprintf("%s:%d %s %s\t%s", rel, ln, kind, key, doctext(rel, ln))
            sk = sprintf("%s\t%09d\t%s\t%s", rel, ln, kind, key)
            for (i = 0; i < p; i++) print sk "\tFP " s > (work "/verbose")
            for (i = 0; i < n; i++) print sk "\tFN " s > (work "/verbose")
        }
    }
    for (k in dlk) { split(k, a, SUBSEP); seen[a[1], a[2], "*"] = 1; seen["all", a[2], "*"] = 1 }
    # ordering: languages en ru kk, then others alphabetically, then all;
    # kinds ref act restrict penalty, then others; label * first, then labels alphabetically
    nl = split("en ru kk", L, " "); nkd = split("ref act restrict penalty", K, " ")
    for (i = 1; i <= nl; i++) haveL[L[i]] = 1
    for (i = 1; i <= nkd; i++) haveK[K[i]] = 1
    for (k in seen) {
        split(k, a, SUBSEP)
        if (a[1] != "all" && !(a[1] in haveL)) { haveL[a[1]] = 1; xl[++nxl] = a[1] }
        if (!(a[2] in haveK)) { haveK[a[2]] = 1; xk[++nxk] = a[2] }
        if (a[3] != "*" && !((a[2] SUBSEP a[3]) in haveLab)) { haveLab[a[2], a[3]] = 1; labs[a[2], ++nlab[a[2]]] = a[3] }
    }
    isort(xl, nxl); for (i = 1; i <= nxl; i++) L[++nl] = xl[i]
    isort(xk, nxk); for (i = 1; i <= nxk; i++) K[++nkd] = xk[i]
    L[++nl] = "all"
    printf "%-5s %-9s %-20s %6s %6s %6s %9s %9s %9s\n", "lang", "kind", "label", "tp", "fp", "fn", "precision", "recall", "f1" > (work "/table")
    for (i = 1; i <= nl; i++) for (j = 1; j <= nkd; j++) {
        lang = L[i]; kind = K[j]
        if (!((lang SUBSEP kind SUBSEP "*") in seen)) continue
        row(lang, kind, "*")
        if (lang == "all") continue
        m = 0; delete tmp
        for (x = 1; x <= nlab[kind]; x++) if ((lang SUBSEP kind SUBSEP labs[kind, x]) in seen) tmp[++m] = labs[kind, x]
        isort(tmp, m)
        for (x = 1; x <= m; x++) row(lang, kind, tmp[x])
    }
    close(work "/table"); close(work "/verbose")
}
function isort(arr, n,    i, j, v) {
    for (i = 2; i <= n; i++) { v = arr[i]; for (j = i - 1; j >= 1 && arr[j] > v; j--) arr[j + 1] = arr[j]; arr[j + 1] = v }
}
' "$work/files" "$work/kinds" "$work/expect" "$work/out"

if [ "$verbose" = 1 ] && [ -s "$work/verbose" ]; then
    LC_ALL=C sort "$work/verbose" | awk -F '\t' '{ s = $5; for (i = 6; i <= NF; i++) s = s "\t" $i; print s }'
    echo
fi
cat "$work/table"
exit 0
