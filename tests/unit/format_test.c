/*
 * format_test.c - unit tests of the row writers: CSV quoting and the
 * spreadsheet-safety mark, JSON escaping, UTF-16LE for Excel, TSV escaping
 * and --null, column choice, and the conversion of an annotation.
 */
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "format.h"
#include "record.h"
#include "util.h"
#include "tap.h"

/* Format one row whose every column is v, with columns cols (NULL: all). */
static const char *
row(enum lp_format fmt, const char *cols, const char *null, const char *v)
{
	static struct lp_buf b;
	struct lp_fmtcfg c;
	struct lp_str f[LP_NCOLS];
	const char *bad;
	int i;

	lp_fmt_defaults(&c);
	c.format = fmt;
	c.null = null;
	if (cols && lp_fmt_parse_fields(&c, cols, &bad))
		return "BAD FIELDS";
	for (i = 0; i < LP_NCOLS; i++)
		f[i] = (struct lp_str){ v, strlen(v) };
	b.len = 0;
	lp_fmt_row(&c, f, &b);
	lp_buf_addc(&b, '\0');
	return b.p;
}

static void
test_mark(void)
{
	static const char *const hostile[] = { "=1+1", "+7 701", "-3", "@SUM(A1)", "\tx", "\rx",
		"'=x", "''+x", NULL };
	static const char *const plain[] = { "", "article 5", "'tis", "''", "7", "a=b", " =x",
		"«=»", NULL };
	int i, all = 1;

	for (i = 0; hostile[i]; i++)
		all &= lp_fmt_needs_quote_mark(hostile[i], strlen(hostile[i]));
	check(all, "mark: = + - @ TAB CR, also after apostrophes");
	for (all = 1, i = 0; plain[i]; i++)
		all &= !lp_fmt_needs_quote_mark(plain[i], strlen(plain[i]));
	check(all, "no mark on plain cells, inner = or leading space");
}

static void
test_csv(void)
{
	check(!strcmp(row(LP_FMT_CSV, "doc,match", NULL, "plain"), "plain,plain\r\n"),
	      "csv: plain cells unquoted, CRLF");
	check(!strcmp(row(LP_FMT_CSV, "doc", NULL, "a,\"b\"\nc"), "\"a,\"\"b\"\"\nc\"\r\n"),
	      "csv: comma, quote and newline quoted, quotes doubled");
	check(!strcmp(row(LP_FMT_CSV, "doc", NULL, "=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"\r\n"),
	      "csv: a formula gets a leading apostrophe and quotes");
	check(!strcmp(row(LP_FMT_CSV, "doc,match", "NULL", ""), "NULL,NULL\r\n"), "csv: --null");
	check(!strcmp(row(LP_FMT_CSV, "doc", "-", ""), "\"'-\"\r\n"), "csv: a --null that looks like a formula is marked too");
}

static void
test_tsv(void)
{
	check(!strcmp(row(LP_FMT_TSV, "doc,match", NULL, "a\tb\\c\n"), "a\\tb\\\\c\\n\ta\\tb\\\\c\\n\n"),
	      "tsv: COPY escapes");
	check(!strcmp(row(LP_FMT_TSV, "doc", NULL, "=1+1"), "=1+1\n"), "tsv: byte-faithful, no mark");
	check(!strcmp(row(LP_FMT_TSV, "doc,value", "\\N", ""), "\\N\t\\N\n"), "tsv: --null written as given");
	check(!strcmp(row(LP_FMT_TSV, "doc", "\\N", "\\N"), "\\\\N\n"), "tsv: a value \\N stays apart from --null");
	check(!strcmp(row(LP_FMT_TSV, "context,doc,doc", NULL, "x"), "x\tx\tx\n"), "tsv: --fields order and repeats");
	check(!strcmp(row(LP_FMT_TSV, "doc,nosuch", NULL, "x"), "BAD FIELDS"), "--fields: unknown name refused");
}

static void
test_json(void)
{
	check(!strcmp(row(LP_FMT_JSONL, "doc,line", NULL, "12"), "{\"doc\":\"12\",\"line\":12}\n"),
	      "jsonl: line is a number, doc a string");
	check(!strcmp(row(LP_FMT_JSONL, "line", NULL, "012"), "{\"line\":\"012\"}\n"),
	      "jsonl: a number JSON does not allow stays a string");
	check(!strcmp(row(LP_FMT_JSONL, "match", NULL, "\"\\\t\n\r\x01/ж"), "{\"match\":\"\\\"\\\\\\t\\n\\r\\u0001/ж\"}\n"),
	      "jsonl: escapes");
	check(!strcmp(row(LP_FMT_JSONL, "match", NULL, "a\xff" "b"), "{\"match\":\"a\xef\xbf\xbd" "b\"}\n"),
	      "jsonl: a byte that is not UTF-8 becomes U+FFFD");
	check(!strcmp(row(LP_FMT_JSONL, "negated", NULL, "1"), "{\"negated\":true}\n") &&
	      !strcmp(row(LP_FMT_JSONL, "negated", NULL, "0"), "{\"negated\":false}\n") &&
	      !strcmp(row(LP_FMT_JSONL, "negated", NULL, ""), "{\"negated\":null}\n"),
	      "jsonl: negated is true, false or null");
	check(!strcmp(row(LP_FMT_JSONL, "value", NULL, ""), "{\"value\":\"\"}\n") &&
	      !strcmp(row(LP_FMT_JSONL, "value", "x", ""), "{\"value\":null}\n"),
	      "jsonl: empty is \"\", or null with --null");
}

static void
test_excel(void)
{
	struct lp_fmtcfg c;
	struct lp_str f[LP_NCOLS];
	struct lp_buf b = { 0 };
	int i;
	/* "=ә😀" then a tab, as UTF-16LE: quote, apostrophe, =, ә, surrogate pair, quote */
	static const unsigned char want[] = { '"', 0, '\'', 0, '=', 0, 0xd9, 0x04, 0x3d, 0xd8, 0x00, 0xde,
		'"', 0, '\t', 0, 'x', 0, '\r', 0, '\n', 0 };

	lp_fmt_defaults(&c);
	c.format = LP_FMT_EXCEL;
	c.header = 0;
	lp_fmt_parse_fields(&c, "match,doc", &(const char *){ NULL });
	for (i = 0; i < LP_NCOLS; i++)
		f[i] = (struct lp_str){ "x", 1 };
	f[13] = (struct lp_str){ "=\xd3\x99\xf0\x9f\x98\x80", 7 };
	lp_fmt_begin(&c, &b);
	check(b.len == 2 && !memcmp(b.p, "\xff\xfe", 2), "excel: UTF-16LE byte order mark");
	b.len = 0;
	lp_fmt_row(&c, f, &b);
	check(b.len == sizeof want && !memcmp(b.p, want, sizeof want), "excel: UTF-16LE, tabs, marked formula, surrogate pair");
	lp_buf_free(&b);
}

static void
test_ann(void)
{
	struct lp_ann a;
	struct lp_str f[LP_NCOLS];
	char nums[5][24];

	memset(&a, 0, sizeof a);
	a.doc = "d";
	a.line = 3;
	a.col = 7;
	a.start = 10;
	a.end = 12345678901ull;
	a.kind = "ref";
	a.label = "article";
	a.negated = 1;
	lp_fmt_ann_fields(&a, f, nums);
	check(f[LP_COL_END].n == 11 && !memcmp(f[LP_COL_END].p, "12345678901", 11) && f[LP_COL_LANG].n == 0,
	      "annotation fields: numbers, NULL strings empty");
	check(f[LP_COL_NEGATED].n == 0, "annotation fields: no negated flag for a ref");
	a.kind = "penalty";
	lp_fmt_ann_fields(&a, f, nums);
	check(f[LP_COL_NEGATED].n == 1 && f[LP_COL_NEGATED].p[0] == '1', "annotation fields: negated flag for a penalty");
	{
		struct lp_fmtcfg c;
		struct lp_buf b = { 0 };

		lp_fmt_defaults(&c);
		a.lang = "en";
		a.rule = "r";
		a.match = (struct lp_str){ "fine", 4 };
		a.context = (struct lp_str){ "a\tfine", 6 };
		lp_fmt_ann(&c, &a, &b);
		lp_buf_addc(&b, '\0');
		{
			/* the invariant `run` = `norm | tag | tsv` rests on: the default
			 * row is the A record's fields, for every kind */
			static const char *const kinds[] = { "ref", "act", "restrict", "penalty", "x" };
			struct lp_buf r = { 0 }, g = { 0 };
			int k, same = 1;
			for (k = 0; k < 5; k++) {
				a.kind = kinds[k];
				a.negated = k & 1;
				r.len = g.len = 0;
				lp_rec_ann(&r, &a, "");
				lp_fmt_ann(&c, &a, &g);
				same &= r.len == g.len && !memcmp(r.p, g.p, r.len);
			}
			check(same, "lp_fmt_ann default = lp_rec_ann, every kind");
			lp_buf_free(&r);
			lp_buf_free(&g);
			a.kind = "penalty";
			a.negated = 1;
		}
		check(!strcmp(b.p, "d\t3\t7\t10\t12345678901\ten\tpenalty\tarticle\t\t\t1\t\tr\tfine\ta\\tfine\n"),
		      "lp_fmt_ann: the default row, as an A record's fields");
		lp_buf_free(&b);
	}
}

/* The row's numbers are written without printf: the same digits as
 * printf's %ld and %PRIu64 on edge values. */
static void
test_numbers(void)
{
	static const long longs[] = { 0, 1, -1, 9, 10, 99, 100, 123456789, -987654321,
		2147483647L, -2147483647L - 1, LONG_MAX, LONG_MIN };
	static const uint64_t u64s[] = { 0, 1, 9, 10, 4294967295u, 4294967296u, 12345678901ull,
		9999999999999999999ull, UINT64_MAX };
	struct lp_ann a;
	struct lp_str f[LP_NCOLS];
	char nums[5][24], want[64];
	size_t i;
	int ok = 1;

	memset(&a, 0, sizeof a);
	for (i = 0; i < sizeof longs / sizeof *longs; i++) {
		a.line = longs[i];
		a.col = longs[sizeof longs / sizeof *longs - 1 - i];
		a.start = u64s[i % (sizeof u64s / sizeof *u64s)];
		a.end = u64s[(i + 3) % (sizeof u64s / sizeof *u64s)];
		lp_fmt_ann_fields(&a, f, nums);
		snprintf(want, sizeof want, "%ld", a.line);
		ok &= f[LP_COL_LINE].n == strlen(want) && !memcmp(f[LP_COL_LINE].p, want, f[LP_COL_LINE].n);
		snprintf(want, sizeof want, "%ld", a.col);
		ok &= f[LP_COL_COL].n == strlen(want) && !memcmp(f[LP_COL_COL].p, want, f[LP_COL_COL].n);
		snprintf(want, sizeof want, "%" PRIu64, a.start);
		ok &= f[LP_COL_START].n == strlen(want) && !memcmp(f[LP_COL_START].p, want, f[LP_COL_START].n);
		snprintf(want, sizeof want, "%" PRIu64, a.end);
		ok &= f[LP_COL_END].n == strlen(want) && !memcmp(f[LP_COL_END].p, want, f[LP_COL_END].n);
	}
	check(ok, "annotation numbers: the digits printf writes, LONG_MIN and UINT64_MAX included");
}

int
main(void)
{
	test_numbers();
	test_mark();
	test_csv();
	test_tsv();
	test_json();
	test_excel();
	test_ann();
	return fails != 0;
}
