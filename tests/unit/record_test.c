/*
 * record_test.c - unit tests of the record stream: escaping, offset maps,
 * and the writer/reader round trip that `lexpipe run` relies on.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "lexpipe.h"
#include "record.h"
#include "util.h"
#include "tap.h"

static void
test_escape(void)
{
	struct lp_buf b = { 0 };
	const char in[] = "a\tb\nc\rd\\e";
	char *copy;
	size_t n;

	lp_escape(&b, in, sizeof in - 1);
	check(b.len == 13 && !memcmp(b.p, "a\\tb\\nc\\rd\\\\e", 13), "escape writes \\t \\n \\r \\\\");
	copy = lp_xstrndup(b.p, b.len);
	n = lp_unescape(copy, b.len);
	check(n == sizeof in - 1 && !memcmp(copy, in, n), "unescape undoes escape");
	free(copy);
	copy = lp_xstrdup("x\\by\\q\\");
	n = lp_unescape(copy, strlen(copy));
	check(n == 5 && !memcmp(copy, "x\by" "q\\", 5), "unescape: \\b, unknown escape, trailing backslash");
	free(copy);
	b.len = 0;
	lp_escape(&b, "plain текст", strlen("plain текст"));
	check(b.len == strlen("plain текст") && !memcmp(b.p, "plain текст", b.len), "escape leaves other bytes alone");
	lp_buf_free(&b);
}

static void
test_map(void)
{
	struct lp_map m = { 0 }, p = { 0 };
	char s[128];

	/* "Ст" from windows-1251 (2 letters: 2:1 each), then " 44" identity,
	 * then a dropped soft hyphen (0:2), then a no-break space (1:2) */
	lp_map_add(&m, 2, 1);
	lp_map_add(&m, 2, 1);
	lp_map_add(&m, 3, 3);
	lp_map_add(&m, 0, 2);
	lp_map_add(&m, 1, 2);
	lp_map_format(&m, s, sizeof s);
	check(!strcmp(s, "2:1*2,3,0:2,1:2"), "map text form");
	check(lp_map_parse(&p, s, strlen(s)) == 0 && p.nseg == m.nseg, "map parses back");
	lp_map_format(&p, s, sizeof s);
	check(!strcmp(s, "2:1*2,3,0:2,1:2"), "map round trip");
	check(lp_map_total_n(&m) == 8 && lp_map_total_o(&m) == 9, "map totals");
	check(lp_map_orig(&m, 0, 0) == 0, "start of text");
	check(lp_map_orig(&m, 2, 0) == 1, "second letter starts at byte 1");
	check(lp_map_orig(&m, 3, 0) == 1, "offset inside a letter rounds down at a start");
	check(lp_map_orig(&m, 3, 1) == 2, "offset inside a letter rounds up at an end");
	check(lp_map_orig(&m, 5, 0) == 3 && lp_map_orig(&m, 6, 1) == 4, "identity run");
	check(lp_map_orig(&m, 7, 1) == 5, "an end before dropped text leaves it out");
	check(lp_map_orig(&m, 7, 0) == 7, "a start after dropped text skips it");
	check(lp_map_orig(&m, 8, 1) == 9, "end of text");
	check(lp_map_parse(&p, "3,x", 3) != 0, "bad map rejected");
	check(lp_map_parse(&p, "2:1*0", 5) != 0, "zero repeat rejected");
	check(lp_map_parse(&p, "5:5*3", 5) == 0 && lp_map_total_n(&p) == 15 && lp_map_total_o(&p) == 15,
	      "repeated identity items keep their length");
	lp_map_free(&m);
	lp_map_free(&p);
}

static void
test_roundtrip(void)
{
	struct lp_buf b = { 0 };
	struct lp_line l, r;
	struct lp_reader rd;
	const char *why = NULL;
	FILE *fp;
	const char text[] = "п. 6 ст. 44\tзакона \\ x";

	memset(&l, 0, sizeof l);
	l.doc = "dir/a b.txt";
	l.lineno = 7;
	l.start = 100;
	l.end = 100 + sizeof text - 1;
	memcpy(l.lang, "ru", 3);
	l.flags = LP_HYPHEN;
	lp_map_add(&l.map, sizeof text - 1, sizeof text - 1);
	l.text = text;
	l.len = sizeof text - 1;
	lp_rec_line(&b, &l);
	lp_rec_doc(&b, "d", "CP1251");
	fp = tmpfile();
	fwrite(b.p, 1, b.len, fp);
	fputs("L\tx\t1\t0\t3\tru\t-\t2\tabc\n", fp); /* map does not cover the text */
	fputs("L\tx\t1\t0\t2\tru\t-\t2\t\xff\xfe\n", fp); /* not UTF-8 */
	rewind(fp);
	lp_reader_init(&rd, fp, "mem");
	memset(&r, 0, sizeof r);
	check(lp_reader_next(&rd) == 1, "reader reads an L record");
	lp_reader_split(&rd);
	check(lp_parse_line(&rd, &r, &why) == 0, "L record parses");
	check(!strcmp(r.doc, l.doc) && r.lineno == 7 && r.start == 100 && r.end == l.end &&
	      !strcmp(r.lang, "ru") && r.flags == LP_HYPHEN && r.len == l.len &&
	      !memcmp(r.text, text, r.len), "L record round trip keeps every field");
	check(lp_reader_next(&rd) == 1 && rd.buf[0] == 'D', "next record is the D record");
	check(lp_reader_next(&rd) == 1, "reads a bad L record");
	lp_reader_split(&rd);
	check(lp_parse_line(&rd, &r, &why) != 0 && why && strstr(why, "map"), "uncovered text is malformed");
	check(lp_reader_next(&rd) == 1, "reads a non-UTF-8 L record");
	lp_reader_split(&rd);
	check(lp_parse_line(&rd, &r, &why) != 0, "invalid UTF-8 text is malformed");
	check(lp_reader_next(&rd) == 0, "end of stream");
	check(rd.recno == 4, "records are counted for messages");
	lp_reader_free(&rd);
	fclose(fp);
	lp_map_free(&l.map);
	lp_map_free(&r.map);
	lp_buf_free(&b);
}

/* The reader's fast UTF-8 check against lp_util's full one, on texts
 * valid and broken at the edges of its eight-byte and two-byte paths:
 * the same verdict, and the same byte named when it refuses. */
static void
test_utf8_check(void)
{
	static const char *texts[] = {
		"plain ascii text, long enough for words", "Закон о собраниях", "Қазақстан Республикасының заңы",
		"12345678\xd0", "1234567\xd0\xb0", "\xd0", "\xd0\xb0\xd0", "abc\xc0\x80", "abc\xc1\xbf",
		"\x80" "abc", "abcdefgh\x80", "\xe2\x80\x94 dash", "\xed\xa0\x80 surrogate", "\xe0\x80\xaf overlong",
		"\xf0\x9f\x98\x80 emoji", "\xf4\x90\x80\x80 too big", "ok \xd2\x9b\xd3\x99 then \xff",
		"abcdefg\xe2\x80", "Статья 5\xc2\xa0закона", "\xdf\xbf\xc2\x80", "\xc2" "A",
	};
	size_t i;
	int ok = 1;

	for (i = 0; i < sizeof texts / sizeof *texts; i++) {
		size_t n = strlen(texts[i]), v = lp_u8valid(texts[i], n);
		struct lp_reader rd;
		struct lp_line r;
		const char *why = NULL;
		char rec[256], want[64];
		FILE *fp = tmpfile();
		int rc;

		snprintf(rec, sizeof rec, "L\tx\t1\t0\t%zu\tru\t-\t%zu\t%s\n", n, n, texts[i]);
		fputs(rec, fp);
		rewind(fp);
		lp_reader_init(&rd, fp, "mem");
		memset(&r, 0, sizeof r);
		rc = lp_reader_next(&rd) == 1 ? (lp_reader_split(&rd), lp_parse_line(&rd, &r, &why)) : -2;
		snprintf(want, sizeof want, "(byte %zu of the text)", v + 1);
		if (v == n ? rc != 0 : rc == 0 || !why || !strstr(why, want)) {
			ok = 0;
			fprintf(stderr, "  text %zu: lp_u8valid %zu of %zu, parse %d (%s)\n", i, v, n, rc, why ? why : "");
		}
		lp_reader_free(&rd);
		lp_map_free(&r.map);
		fclose(fp);
	}
	check(ok, "L record text: the reader's UTF-8 check = lp_u8valid, broken bytes named alike");
}

static void
test_ann(void)
{
	struct lp_buf b = { 0 };
	struct lp_ann a;
	const char *want = "A\td\t3\t5\t10\t20\tru\trestrict\tprohibition\t\t\t1\t#art_5\tr1\tзапрещ\\tается\tx\\ny\n";

	memset(&a, 0, sizeof a);
	a.doc = "d";
	a.line = 3;
	a.col = 5;
	a.start = 10;
	a.end = 20;
	a.lang = "ru";
	a.kind = "restrict";
	a.label = "prohibition";
	a.negated = 1;
	a.provision = (struct lp_str){ "#art_5", 6 };
	a.rule = "r1";
	a.match = (struct lp_str){ "запрещ\tается", strlen("запрещ\tается") };
	a.context = (struct lp_str){ "x\ny", 3 };
	lp_rec_ann(&b, &a, "A\t");
	check(b.len == strlen(want) && !memcmp(b.p, want, b.len), "A record fields, order and escaping");
	b.len = 0;
	a.kind = "ref";
	lp_rec_ann(&b, &a, "");
	check(b.len > 0 && strstr(b.p, "\tref\tprohibition\t\t\t\t#art_5") != NULL, "negated is empty for refs");
	lp_buf_free(&b);
}

int
main(void)
{
	test_escape();
	test_map();
	test_roundtrip();
	test_utf8_check();
	test_ann();
	return fails != 0;
}
