/*
 * restrict.h - the restrict engine: regex rules with negation groups and
 * clause-bounded vetoes (see restrict.c).
 */
#ifndef LP_RESTRICT_H
#define LP_RESTRICT_H

#include "tagger.h"

extern const struct lp_engine lp_restrict_engine;

#endif
