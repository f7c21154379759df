/*
 * tsv.c - write annotation rows.  The fields of a row are those of the A
 * record, in the same order and the same escaping, so the pipe path can
 * copy them and the in-process path formats them with the same writer.
 */
#include <string.h>

#include "record.h"
#include "tsv.h"
#include "util.h"

static struct lp_buf rowbuf;

void
lp_tsv_begin(const struct lp_tsvcfg *cfg)
{
	if (cfg->header)
		lp_out(LP_TSV_HEADER, strlen(LP_TSV_HEADER));
}

static void
t_ann(void *ctx, const struct lp_ann *a)
{
	(void)ctx;
	rowbuf.len = 0;
	lp_rec_ann(&rowbuf, a, "");
	lp_out(rowbuf.p, rowbuf.len);
}

static void
t_end(void *ctx, const struct lp_docstats *st)
{
	(void)ctx;
	(void)st;
	lp_out_check();
}

void
lp_tsv_sink(struct lp_sink *s, const struct lp_tsvcfg *cfg)
{
	(void)cfg;
	memset(s, 0, sizeof *s);
	s->ann = t_ann;
	s->doc_end = t_end;
}
