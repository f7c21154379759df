/*
 * fuzz_tagpath.c - the whole tag path: norm's sink into the tagger, the
 * tagger's annotations into rows, in one process as `lexpipe run` does, and
 * again through the record stream as `norm | tag` does.
 *
 * Input: byte 0 picks --buffer-size, byte 1 the encoding (detected, or one
 * of the supported ones) and the options; the rest is the file.  The
 * patterns are the repository's, plus tests/fuzz/patterns/hostile (empty
 * matches, lookbehind, backtracking) when byte 1 asks for them.
 *
 * Checked, besides the sanitizers: every annotation points inside the file
 * (start <= end <= size), at a real line and column; its match is non-empty
 * valid UTF-8 and its context holds it; and the rows are the same through
 * the record stream as in one process.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "norm.h"
#include "record.h"
#include "tagger.h"
#include "util.h"

static const char *const encs[] = {
	NULL, "UTF-8", "UTF-16LE", "UTF-16BE", "CP1251", "KOI8-R", "KOI8-U", "CP866",
	"ISO-8859-5", "MACCYRILLIC", "RK1048", "PT154",
};

struct rows {
	struct lp_buf b;
	size_t size; /* of the file */
	long lines;
};

static struct rows *cur;

static void
ann(void *ctx, const struct lp_ann *a)
{
	struct rows *r = cur;

	(void)ctx;
	if (a->start > a->end || a->end > r->size)
		fz_fail("annotation at %llu..%llu in a file of %zu bytes",
		        (unsigned long long)a->start, (unsigned long long)a->end, r->size);
	if (a->line < 1 || a->col < 1)
		fz_fail("annotation at line %ld col %ld", a->line, a->col);
	if (a->match.n == 0 || lp_u8valid(a->match.p, a->match.n) != a->match.n)
		fz_fail("annotation match is empty or not UTF-8");
	if (lp_u8valid(a->context.p, a->context.n) != a->context.n)
		fz_fail("annotation context is not UTF-8");
	if (!memmem(a->context.p, a->context.n, a->match.p, a->match.n))
		fz_fail("the context does not hold the match");
	lp_rec_ann(&r->b, a, "");
}

static struct lp_tagger *
tagger(int hostile)
{
	static struct lp_tagger *t[2];
	static int tried[2];

	if (!tried[hostile]) {
		struct lp_sink out;
		static char *sets[] = { "hostile" };

		tried[hostile] = 1;
		memset(&out, 0, sizeof out);
		out.ann = ann;
		if (hostile)
			t[1] = lp_tagger_new(FZ_TOP "/tests/fuzz/patterns", sets, 1, &out);
		else
			t[0] = lp_tagger_new(FZ_TOP "/patterns", NULL, 0, &out);
		if (!t[hostile])
			fz_fail("patterns do not load");
	}
	return t[hostile];
}

/* The record stream between norm and tag, kept in memory. */
static struct lp_buf stream;

static void
w_doc(void *ctx, const char *doc, const char *enc)
{
	(void)ctx;
	lp_rec_doc(&stream, doc, enc);
}

static void
w_line(void *ctx, const struct lp_line *l)
{
	(void)ctx;
	lp_rec_line(&stream, l);
}

static void
w_end(void *ctx, const struct lp_docstats *st)
{
	(void)ctx;
	lp_rec_end(&stream, st);
}

/* `norm | tag`: the stream read back, L records into the tagger. */
static void
through_records(struct lp_tagger *t)
{
	FILE *fp;
	struct lp_reader r;
	struct lp_line l;
	const char *why;

	if (stream.len == 0)
		return;
	fp = fmemopen(stream.p, stream.len, "r");
	if (!fp)
		fz_fail("fmemopen");
	memset(&l, 0, sizeof l);
	lp_reader_init(&r, fp, "-");
	while (lp_reader_next(&r) > 0) {
		if (r.buf[0] == 'L') {
			lp_reader_split(&r);
			if (lp_parse_line(&r, &l, &why))
				fz_fail("norm wrote a malformed record: %s", why);
			lp_tagger_line(t, &l);
		} else {
			lp_tagger_flush(t);
		}
	}
	lp_tagger_flush(t);
	lp_reader_free(&r);
	lp_map_free(&l.map);
	fclose(fp);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lp_normcfg cfg;
	struct lp_norm *nz;
	struct lp_sink tsink, wsink;
	struct lp_docstats st;
	struct lp_tagger *t;
	struct rows inproc = { 0 }, piped = { 0 };
	unsigned b0, b1;

	fz_quiet();
	b0 = fz_byte(&data, &size);
	b1 = fz_byte(&data, &size);
	memset(&cfg, 0, sizeof cfg);
	cfg.bufsize = b0 < 64 ? b0 + 1 : (size_t)(b0 - 63) * 97;
	cfg.from = encs[(b1 & 15) % (sizeof encs / sizeof encs[0])];
	cfg.opt.nfkc = (b1 & 16) != 0;
	cfg.opt.join_hyphens = (b1 & 32) != 0;
	cfg.line_max = (b1 & 64) ? 64 : 0;
	t = tagger((b1 & 128) != 0);
	lp_status = 0;

	/* `run`: norm's sink is the tagger */
	inproc.size = piped.size = size;
	cur = &inproc;
	nz = lp_norm_new(&cfg);
	lp_tagger_sink(t, &tsink);
	lp_norm_fd(nz, fz_file(data, size), "fuzz", &tsink, &st);
	lp_tagger_flush(t);

	/* `norm | tag`: the same file through the record stream */
	cur = &piped;
	memset(&wsink, 0, sizeof wsink);
	wsink.doc_begin = w_doc;
	wsink.line = w_line;
	wsink.doc_end = w_end;
	stream.len = 0;
	lp_norm_fd(nz, fz_file(data, size), "fuzz", &wsink, &st);
	through_records(t);
	lp_norm_free(nz);

	if (inproc.b.len != piped.b.len || (inproc.b.len && memcmp(inproc.b.p, piped.b.p, inproc.b.len)))
		fz_fail("run and norm | tag give different rows");
	lp_buf_free(&inproc.b);
	lp_buf_free(&piped.b);
	return 0;
}
