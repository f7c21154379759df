/*
 * fuzz_norm.c - decoding and normalization, fed in slices of every size.
 *
 * Input: byte 0 picks --buffer-size (1..64, or larger steps), byte 1 the
 * encoding (detected, each supported one, and names lexpipe must refuse)
 * and the options, byte 2 a small --line-max; the rest is the file.
 *
 * Checked, besides the sanitizers: every L record is valid UTF-8 with no
 * NUL, CR or LF, its map covers its text and its original bytes; lines come
 * in order, each exactly once, with the spans an independent splitter finds;
 * the E record counts them and the bytes; every record survives the reader;
 * and the stream does not depend on the buffer size.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fuzz.h"
#include "norm.h"
#include "record.h"
#include "util.h"

static const char *const encs[] = {
	NULL, "UTF-8", "UTF-16LE", "UTF-16BE", "CP1251", "KOI8-R", "KOI8-U", "CP866",
	"ISO-8859-5", "MACCYRILLIC", "RK1048", "PT154", "utf8", "UTF-16", "UTF-32",
	"SHIFT_JIS", "UTF-7", "GB18030", "ISO-2022-JP", "UCS-2", "IBM037", "no-such-encoding",
};

struct check {
	struct lp_buf out; /* the serialized stream */
	size_t size;       /* input bytes */
	long lineno;
	uint64_t prev_end;
	int conts, docs, ends;
	char enc[32];      /* as the D record names it */
	struct fz_span *lines; /* merged L records: a line's first start, last end */
	size_t nlines, lcap;
	struct lp_docstats st;
};

static void
c_doc(void *ctx, const char *doc, const char *enc)
{
	struct check *c = ctx;

	c->docs++;
	snprintf(c->enc, sizeof c->enc, "%s", enc);
	lp_rec_doc(&c->out, doc, enc);
}

static void
c_line(void *ctx, const struct lp_line *l)
{
	struct check *c = ctx;
	size_t i;

	if (lp_u8valid(l->text, l->len) != l->len)
		fz_fail("line %ld: text is not valid UTF-8", l->lineno);
	for (i = 0; i < l->len; i++)
		if (l->text[i] == '\0' || l->text[i] == '\n' || l->text[i] == '\r')
			fz_fail("line %ld: byte %zu of the text is %d", l->lineno, i, l->text[i]);
	if (lp_map_total_n(&l->map) != l->len)
		fz_fail("line %ld: map covers %llu text bytes of %zu", l->lineno,
		        (unsigned long long)lp_map_total_n(&l->map), l->len);
	if (lp_map_total_o(&l->map) != l->end - l->start || l->end < l->start)
		fz_fail("line %ld: map covers %llu original bytes of %llu..%llu", l->lineno,
		        (unsigned long long)lp_map_total_o(&l->map), (unsigned long long)l->start,
		        (unsigned long long)l->end);
	if (l->start < c->prev_end || l->end > c->size)
		fz_fail("line %ld: span %llu..%llu after %llu in %zu bytes", l->lineno,
		        (unsigned long long)l->start, (unsigned long long)l->end,
		        (unsigned long long)c->prev_end, c->size);
	if (l->flags & LP_CONT) {
		c->conts++;
		if (c->nlines == 0 || l->lineno != c->lineno)
			fz_fail("line %ld: a continuation of nothing", l->lineno);
		if (l->start != c->prev_end)
			fz_fail("line %ld: a gap before a continuation", l->lineno);
		c->lines[c->nlines - 1].end = l->end;
	} else {
		if (l->lineno != c->lineno + 1)
			fz_fail("line %ld follows line %ld", l->lineno, c->lineno);
		if (c->nlines == c->lcap) {
			c->lcap = c->lcap ? 2 * c->lcap : 64;
			c->lines = lp_xrealloc(c->lines, c->lcap * sizeof *c->lines);
		}
		c->lines[c->nlines++] = (struct fz_span){ l->start, l->end };
	}
	c->lineno = l->lineno;
	c->prev_end = l->end;
	lp_rec_line(&c->out, l);
}

static void
c_end(void *ctx, const struct lp_docstats *st)
{
	struct check *c = ctx;

	c->ends++;
	c->st = *st;
	lp_rec_end(&c->out, st);
}

/* Every record the writer wrote reads back and writes out the same. */
static void
round_trip(const struct lp_buf *b)
{
	FILE *fp;
	struct lp_reader r;
	struct lp_line l;
	struct lp_buf again = { 0 };
	const char *why;

	if (b->len == 0)
		return;
	fp = fmemopen(b->p, b->len, "r");
	if (!fp)
		fz_fail("fmemopen");
	memset(&l, 0, sizeof l);
	lp_reader_init(&r, fp, "-");
	while (lp_reader_next(&r) > 0) {
		if (r.buf[0] != 'L') {
			lp_buf_add(&again, r.buf, r.len);
			lp_buf_addc(&again, '\n');
			continue;
		}
		lp_reader_split(&r);
		if (lp_parse_line(&r, &l, &why))
			fz_fail("record %ld written by norm is malformed: %s", r.recno, why);
		lp_rec_line(&again, &l);
	}
	if (again.len != b->len || memcmp(again.p, b->p, b->len))
		fz_fail("the record stream does not read back as written");
	lp_reader_free(&r);
	lp_map_free(&l.map);
	lp_buf_free(&again);
	fclose(fp);
}

static int
family16(const char *enc)
{
	if (!strcasecmp(enc, "UTF-16LE"))
		return 1;
	if (!strcasecmp(enc, "UTF-16BE"))
		return 2;
	return 0;
}

static int
is_utf8(const char *enc)
{
	return !strcasecmp(enc, "UTF-8") || !strcasecmp(enc, "UTF8");
}

static void
run(const struct lp_normcfg *cfg, const uint8_t *data, size_t size, struct check *c)
{
	struct lp_norm *nz = lp_norm_new(cfg);
	struct lp_sink sink;
	struct lp_docstats st;

	memset(c, 0, sizeof *c);
	c->size = size;
	memset(&sink, 0, sizeof sink);
	sink.ctx = c;
	sink.doc_begin = c_doc;
	sink.line = c_line;
	sink.doc_end = c_end;
	lp_norm_fd(nz, fz_file(data, size), "fuzz", &sink, &st);
	lp_norm_free(nz);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lp_normcfg cfg;
	struct check c, d;
	unsigned b0, b1, b2;

	fz_quiet();
	b0 = fz_byte(&data, &size);
	b1 = fz_byte(&data, &size);
	b2 = fz_byte(&data, &size);
	memset(&cfg, 0, sizeof cfg);
	cfg.bufsize = b0 < 64 ? b0 + 1 : (size_t)(b0 - 63) * 97;
	cfg.from = encs[(b1 & 31) % (sizeof encs / sizeof encs[0])];
	cfg.opt.nfkc = (b1 & 32) != 0;
	cfg.opt.join_hyphens = (b1 & 64) != 0;
	cfg.line_max = (b1 & 128) ? 16 + b2 : 0;

	lp_status = 0;
	run(&cfg, data, size, &c);
	if (c.docs != c.ends || c.docs > 1)
		fz_fail("%d D records, %d E records", c.docs, c.ends);
	if (c.docs == 1) {
		size_t bom = 0, n, i;
		const char *enc = c.enc;
		struct fz_span *ref;

		if (c.st.bytes != size)
			fz_fail("E says %llu bytes, the file has %zu", (unsigned long long)c.st.bytes, size);
		if ((size_t)c.st.lines != c.nlines)
			fz_fail("E says %ld lines, %zu were sent", c.st.lines, c.nlines);
		/* a BOM of the encoding the D record names is not text */
		if (is_utf8(enc) && size >= 3 && !memcmp(data, "\xef\xbb\xbf", 3))
			bom = 3;
		else if (size >= 2 && ((family16(enc) == 1 && !memcmp(data, "\xff\xfe", 2)) ||
		                       (family16(enc) == 2 && !memcmp(data, "\xfe\xff", 2))))
			bom = 2;
		n = fz_lines(data, size, bom, family16(enc), &ref);
		if (n != c.nlines)
			fz_fail("%zu lines in the file (%s), %zu in the stream", n, enc, c.nlines);
		for (i = 0; i < n; i++)
			if (ref[i].start != c.lines[i].start || ref[i].end != c.lines[i].end)
				fz_fail("line %zu is %llu..%llu in the file, %llu..%llu in the stream", i + 1,
				        (unsigned long long)ref[i].start, (unsigned long long)ref[i].end,
				        (unsigned long long)c.lines[i].start, (unsigned long long)c.lines[i].end);
		free(ref);
		round_trip(&c.out);
		/* the buffer size must not show in the output */
		if (c.conts == 0 && cfg.bufsize != LP_BUFSIZE_DEFAULT) {
			struct lp_normcfg big = cfg;
			big.bufsize = LP_BUFSIZE_DEFAULT;
			run(&big, data, size, &d);
			if (d.out.len != c.out.len || memcmp(d.out.p, c.out.p, c.out.len))
				fz_fail("--buffer-size %zu changes the record stream", cfg.bufsize);
			lp_buf_free(&d.out);
			free(d.lines);
		}
	}
	lp_buf_free(&c.out);
	free(c.lines);
	return 0;
}
