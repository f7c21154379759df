/*
 * stats.h - `lexpipe stats`: summary tables of the annotations, as TSV for
 * a spreadsheet's first sheet (specified in README.md "Output formats").
 *
 *   documents:  doc kind label rows negated
 *   provisions: act article cited docs restrictions penalties
 *
 * Memory grows with the number of distinct keys (documents x labels,
 * provisions x labels), not with the number of rows.
 */
#ifndef LP_STATS_H
#define LP_STATS_H

#include <stdio.h>

#include "format.h"

#define LP_STATS_DOCUMENTS 1
#define LP_STATS_PROVISIONS 2

struct lp_stats;

struct lp_stats *lp_stats_new(void);
void lp_stats_free(struct lp_stats *s);
/* Count one annotation (the fifteen values, unescaped). */
void lp_stats_add(struct lp_stats *s, const struct lp_str f[LP_NCOLS]);
/* Read A records of a record stream, or the rows of a default TSV (its
 * header first); other lines are skipped, malformed ones reported. */
void lp_stats_read(struct lp_stats *s, FILE *fp, const char *name);
/* Append the tables chosen (LP_STATS_* bits), each with its header row,
 * separated by an empty line. */
void lp_stats_write(struct lp_stats *s, int tables, struct lp_buf *out);

#endif
