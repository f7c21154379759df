# format.awk - read lexpipe's output formats back, by their documented rules,
# into one canonical form: one row a line, the values COPY-escaped (\t \n \r
# \\) and joined by tabs.  Run with LC_ALL=C (bytes, not characters).
#
#   awk -v fmt=tsv   -f format.awk rows.tsv     (header skipped; fields unescaped)
#   awk -v fmt=csv   -f format.awk rows.csv     (RFC 4180; the safety apostrophe dropped)
#   awk -v fmt=excel -f format.awk rows.txt     (the same after iconv -f UTF-16LE, tabs)
#   awk -v fmt=jsonl -f format.awk rows.jsonl   (true 1, false 0, null empty)
#
# -v null=STR: a value equal to STR (tsv, csv) or JSON null is read as empty.
# -v header=0: the input has no header row.

function esc(s,    out, i, c) {
	out = ""
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		if (c == "\t") c = "\\t"
		else if (c == "\n") c = "\\n"
		else if (c == "\r") c = "\\r"
		else if (c == "\\") c = "\\\\"
		out = out c
	}
	return out
}

# The TSV's escaping, undone: \t \n \r \\ (and \b \f \v, as COPY).
function unesc(s,    out, i, c, d) {
	out = ""
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		if (c == "\\" && i < length(s)) {
			d = substr(s, ++i, 1)
			if (d == "t") c = "\t"
			else if (d == "n") c = "\n"
			else if (d == "r") c = "\r"
			else if (d == "b") c = "\b"
			else if (d == "f") c = "\f"
			else if (d == "v") c = "\v"
			else c = d
		}
		out = out c
	}
	return out
}

# The spreadsheet-safety mark: one apostrophe before apostrophes and = + - @ TAB CR.
function unmark(s) {
	if (s ~ /^'+[-=+@\t\r]/)
		return substr(s, 2)
	return s
}

function isnull(s) {
	return null != "" && s == null
}

function emit(n, v,    i, line) {
	line = ""
	for (i = 1; i <= n; i++)
		line = line (i > 1 ? "\t" : "") esc(v[i])
	print line
}

function hexval(h,    i, n, c) {
	n = 0
	for (i = 1; i <= length(h); i++) {
		c = index("0123456789abcdef", tolower(substr(h, i, 1))) - 1
		n = n * 16 + c
	}
	return n
}

function utf8(cp) {
	if (cp < 128) return sprintf("%c", cp)
	if (cp < 2048) return sprintf("%c%c", 192 + int(cp / 64), 128 + cp % 64)
	if (cp < 65536) return sprintf("%c%c%c", 224 + int(cp / 4096), 128 + int(cp / 64) % 64, 128 + cp % 64)
	return sprintf("%c%c%c%c", 240 + int(cp / 262144), 128 + int(cp / 4096) % 64, 128 + int(cp / 64) % 64, 128 + cp % 64)
}

# One JSON object a line: values in key order; strings decoded.
function jsonl(s,    i, c, n, v, str, d, cp, lo, tok) {
	n = 0
	i = 1
	if (substr(s, 1, 1) != "{") { bad = bad "not an object: " s "\n"; return }
	i = 2
	while (i <= length(s)) {
		c = substr(s, i, 1)
		if (c == "}" ) break
		if (c == ",") { i++; continue }
		# the key
		if (c != "\"") { bad = bad "expected a key at " i ": " s "\n"; return }
		d = index(substr(s, i + 1), "\"")
		i += d + 1
		if (substr(s, i, 1) != ":") { bad = bad "expected : at " i "\n"; return }
		i++
		c = substr(s, i, 1)
		if (c == "\"") {
			str = ""
			for (i++; i <= length(s); i++) {
				c = substr(s, i, 1)
				if (c == "\"") break
				if (c == "\\") {
					d = substr(s, ++i, 1)
					if (d == "n") c = "\n"
					else if (d == "t") c = "\t"
					else if (d == "r") c = "\r"
					else if (d == "b") c = "\b"
					else if (d == "f") c = "\f"
					else if (d == "u") {
						cp = hexval(substr(s, i + 1, 4)); i += 4
						if (cp >= 55296 && cp < 56320 && substr(s, i + 1, 2) == "\\u") {
							lo = hexval(substr(s, i + 3, 4)); i += 6
							cp = 65536 + (cp - 55296) * 1024 + (lo - 56320)
						}
						c = utf8(cp)
					} else c = d
				}
				str = str c
			}
			i++
			v[++n] = str
		} else {
			tok = substr(s, i)
			sub(/[,}].*/, "", tok)
			i += length(tok)
			if (tok == "true") tok = "1"
			else if (tok == "false") tok = "0"
			else if (tok == "null") tok = ""
			v[++n] = tok
		}
	}
	emit(n, v)
}

# CSV: a state machine over the bytes; a record may span lines.
function csvline(s,    i, c, n) {
	n = length(s)
	for (i = 1; i <= n; i++) {
		c = substr(s, i, 1)
		if (inq) {
			if (c == "\"") {
				if (substr(s, i + 1, 1) == "\"") { fld = fld "\""; i++ }
				else inq = 0
			} else fld = fld c
		} else if (c == "\"" && fld == "" && !wasq) {
			inq = 1; wasq = 1
		} else if (c == sep) {
			endfield()
		} else if (c == "\r" && i == n) {
			# the CR of the record's CRLF
		} else {
			fld = fld c
		}
	}
	if (inq) { fld = fld "\n"; return }
	endfield()
	if (nrec++ > 0 || header == "0") emit(nf, f)
	nf = 0
}

function endfield() {
	f[++nf] = isnull(fld) ? "" : unmark(fld)
	fld = ""
	wasq = 0
}

BEGIN {
	sep = fmt == "excel" ? "\t" : ","
	if (header == "") header = 1
}
fmt == "tsv" {
	if (NR == 1 && header != "0") next
	n = split($0, t, "\t")
	for (k = 1; k <= n; k++) t[k] = isnull(t[k]) ? "" : unesc(t[k])
	emit(n, t)
}
fmt == "csv" || fmt == "excel" { csvline($0) }
fmt == "jsonl" { jsonl($0) }
END {
	if (bad != "") { printf "%s", bad > "/dev/stderr"; exit 1 }
}
