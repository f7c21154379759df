/*
 * tsv.h - the last stage: one row per annotation.
 */
#ifndef LP_TSV_H
#define LP_TSV_H

#include "lexpipe.h"

#define LP_TSV_HEADER "doc\tline\tcol\tstart\tend\tlang\tkind\tlabel\tcanonical\tvalue\tnegated\tprovision\trule\tmatch\tcontext\n"

struct lp_tsvcfg {
	int header;
};

/* A sink that writes annotations as TSV rows to stdout; the header is
 * written by lp_tsv_begin so that an empty run still has one. */
void lp_tsv_sink(struct lp_sink *s, const struct lp_tsvcfg *cfg);
void lp_tsv_begin(const struct lp_tsvcfg *cfg);

#endif
