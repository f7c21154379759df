/*
 * tsv.h - the last stage: one row per annotation, in the format chosen
 * (format.h), from the record stream (`lexpipe tsv`) or in process
 * (`lexpipe run`).  Both paths hand the row's values to lp_fmt_row.
 *
 * One output per process: the stage keeps its state here, not in the caller.
 */
#ifndef LP_TSV_H
#define LP_TSV_H

#include <stdio.h>

#include "format.h"
#include "lexpipe.h"

#define LP_TSV_HEADER "doc\tline\tcol\tstart\tend\tlang\tkind\tlabel\tcanonical\tvalue\tnegated\tprovision\trule\tmatch\tcontext\n"

/* A sink that writes annotations as rows to stdout.  With --context it
 * also needs the lines: see lp_tsv_tee. */
void lp_tsv_sink(struct lp_sink *s, const struct lp_fmtcfg *cfg);
/* What comes before the rows (BOM, header), written so that an empty run
 * still has it.  Call after lp_tsv_sink. */
void lp_tsv_begin(const struct lp_fmtcfg *cfg);
/* For `run`: a sink that gives each document event to next (the tagger)
 * and then to the row writer, in the order the record stream has them, so
 * --context sees the same lines in process as from a pipe. */
void lp_tsv_tee(struct lp_sink *tee, const struct lp_sink *next);
/* For `lexpipe tsv`: read a record stream and write its A records as rows.
 * Malformed records are reported and skipped. */
void lp_tsv_read(FILE *fp, const char *name);
void lp_tsv_free(void);

#endif
