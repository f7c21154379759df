/*
 * format.c - write one annotation row as TSV, CSV, JSON Lines or CSV for
 * Excel (see format.h and README.md "Output formats").
 *
 * The values come in unescaped and are trusted to be UTF-8 only as far as
 * the formats need: the JSON and Excel writers replace a byte that is not
 * part of a valid sequence with U+FFFD (a hand-made record stream may hold
 * one), TSV and CSV copy bytes as they are.
 */
#include <inttypes.h>
#include <string.h>

#include "escape.h"
#include "format.h"

const char *const lp_col_names[LP_NCOLS] = {
	"doc", "line", "col", "start", "end", "lang", "kind", "label", "canonical",
	"value", "negated", "provision", "rule", "match", "context",
};

void
lp_fmt_defaults(struct lp_fmtcfg *c)
{
	memset(c, 0, sizeof *c);
	c->format = LP_FMT_TSV;
	c->header = 1;
	c->context = -1;
}

int
lp_fmt_parse_format(const char *s, enum lp_format *f)
{
	static const struct { const char *name; enum lp_format f; } names[] = {
		{ "tsv", LP_FMT_TSV }, { "csv", LP_FMT_CSV }, { "jsonl", LP_FMT_JSONL },
		{ "excel", LP_FMT_EXCEL },
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(s, names[i].name)) {
			*f = names[i].f;
			return 0;
		}
	return -1;
}

int
lp_fmt_parse_fields(struct lp_fmtcfg *c, const char *list, const char **bad)
{
	const char *p = list;

	c->ncols = 0;
	for (;;) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		int i, found = -1;

		for (i = 0; i < LP_NCOLS; i++)
			if (strlen(lp_col_names[i]) == n && !memcmp(lp_col_names[i], p, n))
				found = i;
		if (found < 0 || c->ncols == LP_COLS_MAX) {
			*bad = p;
			return -1;
		}
		c->cols[c->ncols++] = found;
		if (!e)
			return 0;
		p = e + 1;
	}
}

/* ---- UTF-8 in, UTF-8 or UTF-16LE out ---- */

/* Length of the valid UTF-8 sequence at s, or 0 when s[0] does not start one. */
static size_t
seqlen(const char *s, size_t n)
{
	size_t l = (size_t)lp_u8len((unsigned char)s[0]);

	if ((unsigned char)s[0] < 0x80)
		return 1;
	if (l == 1 || l > n)
		return 0;
	return lp_u8valid(s, l) == l ? l : 0;
}

/* Write code point cp at o as UTF-16LE; returns the bytes written (2 or 4). */
static size_t
u16at(unsigned char *o, uint32_t cp)
{
	if (cp >= 0x10000) {
		uint32_t v = cp - 0x10000, hi = 0xd800 + (v >> 10), lo = 0xdc00 + (v & 0x3ff);
		o[0] = hi & 0xff, o[1] = (unsigned char)(hi >> 8);
		o[2] = lo & 0xff, o[3] = (unsigned char)(lo >> 8);
		return 4;
	}
	o[0] = cp & 0xff, o[1] = (unsigned char)(cp >> 8);
	return 2;
}

/* Append s: as it is, or converted to UTF-16LE (never more than twice
 * the UTF-8 length, so the room is reserved once). */
static void
put(struct lp_buf *out, const char *s, size_t n, int u16)
{
	size_t i = 0;
	unsigned char *o;

	if (!u16 || n == 0) {
		lp_buf_add(out, s, n);
		return;
	}
	lp_buf_reserve(out, 2 * n);
	o = (unsigned char *)out->p + out->len;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t l;
		int dl;

		if (c < 0x80) {
			o[0] = c, o[1] = 0;
			o += 2;
			i++;
			continue;
		}
		if ((l = seqlen(s + i, n - i)) == 0) {
			o += u16at(o, 0xfffd);
			i++;
			continue;
		}
		o += u16at(o, lp_u8dec(s + i, l, &dl));
		i += l;
	}
	out->len = (size_t)((char *)o - out->p);
}

/* ---- cells ---- */

int
lp_fmt_needs_quote_mark(const char *s, size_t n)
{
	size_t i = 0;

	/* a value that already starts with apostrophes before a trigger gets
	 * one more, so dropping one leading apostrophe always gives it back */
	while (i < n && s[i] == '\'')
		i++;
	return i < n && strchr("=+-@\t\r", s[i]) && s[i] != '\0';
}

/* One CSV cell (RFC 4180 quoting; sep is ',' or '\t'), neutralized. */
static void
csv_cell(struct lp_buf *out, const char *s, size_t n, char sep, int u16)
{
	int mark = lp_fmt_needs_quote_mark(s, n), quote = mark;
	size_t i, run = 0;

	for (i = 0; i < n && !quote; i++)
		quote = s[i] == sep || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
	if (quote)
		put(out, "\"", 1, u16);
	if (mark)
		put(out, "'", 1, u16);
	for (i = 0; i < n; i++) {
		if (s[i] != '"')
			continue;
		put(out, s + run, i + 1 - run, u16);
		put(out, "\"", 1, u16); /* a quote is doubled */
		run = i + 1;
	}
	put(out, s + run, n - run, u16);
	if (quote)
		put(out, "\"", 1, u16);
}

/* A JSON string: the escapes JSON requires, U+FFFD for a byte that is not UTF-8. */
static void
json_str(struct lp_buf *out, const char *s, size_t n)
{
	size_t i = 0, run = 0;

	lp_buf_addc(out, '"');
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		const char *e = NULL;
		char u[8];
		size_t l;

		if (c >= 0x20 && c != '"' && c != '\\') {
			if (c < 0x80) {
				i++;
				continue;
			}
			if ((l = seqlen(s + i, n - i)) > 0) {
				i += l;
				continue;
			}
			e = "\xef\xbf\xbd"; /* U+FFFD */
		} else if (c == '"') {
			e = "\\\"";
		} else if (c == '\\') {
			e = "\\\\";
		} else if (c == '\n') {
			e = "\\n";
		} else if (c == '\r') {
			e = "\\r";
		} else if (c == '\t') {
			e = "\\t";
		} else {
			snprintf(u, sizeof u, "\\u%04x", c);
			e = u;
		}
		lp_buf_add(out, s + run, i - run);
		lp_buf_add(out, e, strlen(e));
		run = ++i;
	}
	lp_buf_add(out, s + run, n - run);
	lp_buf_addc(out, '"');
}

/* A JSON number when the value is a plain decimal that JSON allows. */
static int
is_json_int(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > 19 || (s[0] == '0' && n > 1))
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static void
json_value(const struct lp_fmtcfg *c, struct lp_buf *out, int col, struct lp_str v)
{
	switch (col) {
	case LP_COL_LINE: case LP_COL_COL: case LP_COL_START: case LP_COL_END:
		if (is_json_int(v.p, v.n)) {
			lp_buf_add(out, v.p, v.n);
			return;
		}
		break;
	case LP_COL_NEGATED:
		/* a flag: true, false, or null where it does not apply */
		if (v.n == 1 && (v.p[0] == '0' || v.p[0] == '1')) {
			lp_buf_add(out, v.p[0] == '1' ? "true" : "false", v.p[0] == '1' ? 4 : 5);
			return;
		}
		if (v.n == 0) {
			lp_buf_add(out, "null", 4);
			return;
		}
		break;
	}
	if (v.n == 0 && c->null) {
		lp_buf_add(out, "null", 4);
		return;
	}
	json_str(out, v.p, v.n);
}

/* ---- rows ---- */

static int
col_at(const struct lp_fmtcfg *c, int i)
{
	return c->ncols ? c->cols[i] : i;
}

static int
ncols(const struct lp_fmtcfg *c)
{
	return c->ncols ? c->ncols : LP_NCOLS;
}

static void
cell(const struct lp_fmtcfg *c, struct lp_buf *out, struct lp_str v)
{
	if (v.n == 0 && c->null) {
		v.p = c->null;
		v.n = strlen(c->null);
		if (c->format == LP_FMT_TSV) {
			lp_buf_add(out, v.p, v.n); /* as given: "\N" is COPY's NULL */
			return;
		}
	}
	switch (c->format) {
	case LP_FMT_TSV: lp_escape(out, v.p, v.n); break;
	case LP_FMT_CSV: csv_cell(out, v.p, v.n, ',', 0); break;
	case LP_FMT_EXCEL: csv_cell(out, v.p, v.n, '\t', 1); break;
	case LP_FMT_JSONL: break;
	}
}

static void
row_end(const struct lp_fmtcfg *c, struct lp_buf *out)
{
	switch (c->format) {
	case LP_FMT_TSV: case LP_FMT_JSONL: lp_buf_addc(out, '\n'); break;
	case LP_FMT_CSV: lp_buf_add(out, "\r\n", 2); break;
	case LP_FMT_EXCEL: put(out, "\r\n", 2, 1); break;
	}
}

static void
sep(const struct lp_fmtcfg *c, struct lp_buf *out)
{
	switch (c->format) {
	case LP_FMT_TSV: lp_buf_addc(out, '\t'); break;
	case LP_FMT_CSV: lp_buf_addc(out, ','); break;
	case LP_FMT_EXCEL: put(out, "\t", 1, 1); break;
	case LP_FMT_JSONL: lp_buf_addc(out, ','); break;
	}
}

void
lp_fmt_begin(const struct lp_fmtcfg *c, struct lp_buf *out)
{
	int i;

	if (c->format == LP_FMT_EXCEL)
		lp_buf_add(out, "\xff\xfe", 2); /* UTF-16LE byte order mark */
	if (!c->header || c->format == LP_FMT_JSONL)
		return;
	for (i = 0; i < ncols(c); i++) {
		const char *name = lp_col_names[col_at(c, i)];
		if (i)
			sep(c, out);
		cell(c, out, (struct lp_str){ name, strlen(name) });
	}
	row_end(c, out);
}

/* A TSV row as cell(), sep() and row_end() write it, with one reservation
 * (an escaped byte is at most two) and lp_escape_to straight into the
 * buffer: per cell calls were most of a row's cost. */
static void
tsv_row(const struct lp_fmtcfg *c, const struct lp_str f[LP_NCOLS], struct lp_buf *out)
{
	size_t need = 1, nl = c->null ? strlen(c->null) : 0;
	int i, n = ncols(c);
	char *d;

	for (i = 0; i < n; i++) {
		const struct lp_str *v = &f[col_at(c, i)];
		size_t vn = v->p ? v->n : 0;
		need += 1 + (vn == 0 && c->null ? nl : 2 * vn);
	}
	lp_buf_reserve(out, need);
	d = out->p + out->len;
	for (i = 0; i < n; i++) {
		const struct lp_str *v = &f[col_at(c, i)];
		size_t vn = v->p ? v->n : 0;

		if (i)
			*d++ = '\t';
		if (vn == 0 && c->null) {
			memcpy(d, c->null, nl); /* as given: "\\N" is COPY's NULL */
			d += nl;
		} else if (vn) {
			d = lp_escape_to(d, v->p, vn);
		}
	}
	*d++ = '\n';
	out->len = (size_t)(d - out->p);
}

void
lp_fmt_row(const struct lp_fmtcfg *c, const struct lp_str f[LP_NCOLS], struct lp_buf *out)
{
	int i;

	if (c->format == LP_FMT_TSV) {
		tsv_row(c, f, out);
		return;
	}
	if (c->format == LP_FMT_JSONL)
		lp_buf_addc(out, '{');
	for (i = 0; i < ncols(c); i++) {
		int col = col_at(c, i);
		struct lp_str v = f[col];

		if (!v.p)
			v = (struct lp_str){ "", 0 };
		if (i)
			sep(c, out);
		if (c->format == LP_FMT_JSONL) {
			json_str(out, lp_col_names[col], strlen(lp_col_names[col]));
			lp_buf_addc(out, ':');
			json_value(c, out, col, v);
		} else {
			cell(c, out, v);
		}
	}
	if (c->format == LP_FMT_JSONL)
		lp_buf_addc(out, '}');
	row_end(c, out);
}

static struct lp_str
cstr(const char *s)
{
	return (struct lp_str){ s ? s : "", s ? strlen(s) : 0 };
}

static struct lp_str
sstr(struct lp_str s)
{
	return s.p ? s : (struct lp_str){ "", 0 };
}

/* A number in decimal, as printf's %ld / %PRIu64 writes it (four of them
 * a row: printf is most of a row's cost).  Returns the length. */
static size_t
put_num(char out[24], uint64_t v, int neg)
{
	size_t k = 0;

	if (neg)
		out[k++] = '-';
	k += lp_put_u64(out + k, v);
	out[k] = '\0';
	return k;
}

static size_t
put_long(char out[24], long v)
{
	/* the magnitude of LONG_MIN does not fit in a long: negate unsigned */
	return v < 0 ? put_num(out, 0 - (uint64_t)v, 1) : put_num(out, (uint64_t)v, 0);
}

void
lp_fmt_ann_fields(const struct lp_ann *a, struct lp_str f[LP_NCOLS], char nums[5][24])
{
	f[LP_COL_DOC] = cstr(a->doc);
	f[LP_COL_LINE] = (struct lp_str){ nums[0], put_long(nums[0], a->line) };
	f[LP_COL_COL] = (struct lp_str){ nums[1], put_long(nums[1], a->col) };
	f[LP_COL_START] = (struct lp_str){ nums[2], put_num(nums[2], a->start, 0) };
	f[LP_COL_END] = (struct lp_str){ nums[3], put_num(nums[3], a->end, 0) };
	f[LP_COL_LANG] = cstr(a->lang);
	f[LP_COL_KIND] = cstr(a->kind);
	f[LP_COL_LABEL] = cstr(a->label);
	f[LP_COL_CANONICAL] = sstr(a->canonical);
	f[LP_COL_VALUE] = sstr(a->value);
	/* as in an A record: a flag for restrictions and penalties only */
	nums[4][0] = a->negated ? '1' : '0';
	nums[4][1] = '\0';
	f[LP_COL_NEGATED] = (struct lp_str){ nums[4],
		a->kind && (!strcmp(a->kind, "restrict") || !strcmp(a->kind, "penalty")) ? 1u : 0u };
	f[LP_COL_PROVISION] = sstr(a->provision);
	f[LP_COL_RULE] = cstr(a->rule);
	f[LP_COL_MATCH] = sstr(a->match);
	f[LP_COL_CONTEXT] = sstr(a->context);
}

void
lp_fmt_ann(const struct lp_fmtcfg *c, const struct lp_ann *a, struct lp_buf *out)
{
	struct lp_str f[LP_NCOLS];
	char nums[5][24];

	lp_fmt_ann_fields(a, f, nums);
	lp_fmt_row(c, f, out);
}
