/*
 * fuzz_records.c - the record stream parser: lp_reader, lp_parse_line, and
 * what `lexpipe tag` and `lexpipe tsv` do with each record.
 *
 * Input: byte 0 picks the longest record accepted (16-byte steps, or the
 * default), byte 1 the path: tag (records into the tagger, as cmd_tag
 * does) or tsv (A records checked and copied, as tsv_file does); the rest is
 * the stream, as a hand-made file or a broken pipe might give it.
 *
 * Checked, besides the sanitizers: a record lp_parse_line accepts has valid
 * UTF-8 text and a map that covers it; every annotation the tagger makes
 * from accepted records has valid UTF-8 fields and reads back as an A
 * record of 16 fields.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "record.h"
#include "tagger.h"
#include "util.h"

static struct lp_buf anns;

static void
ann(void *ctx, const struct lp_ann *a)
{
	(void)ctx;
	if (a->line < 1 || a->col < 1)
		fz_fail("annotation at line %ld col %ld", a->line, a->col);
	if (a->match.n == 0 || lp_u8valid(a->match.p, a->match.n) != a->match.n)
		fz_fail("annotation match is empty or not UTF-8");
	if (lp_u8valid(a->context.p, a->context.n) != a->context.n)
		fz_fail("annotation context is not UTF-8");
	lp_rec_ann(&anns, a, "A\t");
}

static struct lp_tagger *
tagger(void)
{
	static struct lp_tagger *t;
	static int tried;
	struct lp_sink out;

	if (!tried) {
		tried = 1;
		memset(&out, 0, sizeof out);
		out.ann = ann;
		t = lp_tagger_new(FZ_TOP "/patterns", NULL, 0, &out);
		if (!t)
			fz_fail("the patterns in %s/patterns do not load", FZ_TOP);
	}
	return t;
}

/* Every annotation reads back as an A record of 16 fields. */
static void
check_anns(void)
{
	size_t i, tabs = 0;

	for (i = 0; i < anns.len; i++) {
		if (anns.p[i] == '\t')
			tabs++;
		else if (anns.p[i] == '\n') {
			if (tabs != LP_ANN_FIELDS)
				fz_fail("an A record with %zu fields", tabs + 1);
			tabs = 0;
		}
	}
	anns.len = 0;
}

static void
tag_path(struct lp_reader *r)
{
	struct lp_tagger *t = tagger();
	struct lp_line l;

	memset(&l, 0, sizeof l);
	r->keep_raw = 1;
	while (lp_reader_next(r) > 0) {
		const char *why = NULL;

		if (r->toolong)
			continue;
		if (r->raw.len != r->len || (r->len && memcmp(r->raw.p, r->buf, r->len)))
			fz_fail("record %ld: the raw copy differs", r->recno);
		if (r->len >= 2 && r->buf[0] == 'L' && r->buf[1] == '\t') {
			lp_reader_split(r);
			if (lp_parse_line(r, &l, &why) == 0) {
				if (lp_u8valid(l.text, l.len) != l.len)
					fz_fail("record %ld: accepted text is not UTF-8", r->recno);
				if (lp_map_total_n(&l.map) != l.len ||
				    lp_map_total_o(&l.map) != l.end - l.start)
					fz_fail("record %ld: accepted map does not cover the line", r->recno);
				lp_tagger_line(t, &l);
			} else {
				if (!why || !*why)
					fz_fail("record %ld: rejected with no reason", r->recno);
				lp_tagger_flush(t);
			}
		} else {
			lp_tagger_flush(t);
		}
	}
	lp_tagger_flush(t);
	lp_map_free(&l.map);
	check_anns();
}

static void
tsv_path(struct lp_reader *r)
{
	while (lp_reader_next(r) > 0) {
		size_t i, tabs = 0;

		if (r->toolong || r->len < 2 || r->buf[0] != 'A' || r->buf[1] != '\t')
			continue;
		for (i = 0; i < r->len; i++)
			tabs += r->buf[i] == '\t';
		if (tabs == LP_ANN_FIELDS) {
			lp_reader_split(r);
			if (r->nf != LP_ANN_FIELDS + 1)
				fz_fail("record %ld: %d fields after splitting", r->recno, r->nf);
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lp_reader r;
	FILE *fp;
	unsigned b0, b1;

	fz_quiet();
	b0 = fz_byte(&data, &size);
	b1 = fz_byte(&data, &size);
	if (size == 0)
		return 0;
	fp = fmemopen((void *)data, size, "r");
	if (!fp)
		fz_fail("fmemopen");
	lp_reader_init(&r, fp, "-");
	if (b0)
		r.max = 16u * b0;
	if (b1 & 1)
		tsv_path(&r);
	else
		tag_path(&r);
	lp_reader_free(&r);
	fclose(fp);
	return 0;
}
