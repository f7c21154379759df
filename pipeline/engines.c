/*
 * engines.c - which engine drives which pattern set.
 */
#include <string.h>

#include "penalty.h"
#include "refs.h"
#include "restrict.h"
#include "tagger.h"

const struct lp_engine *
lp_engine_for(const char *set)
{
	if (!strcmp(set, "restrict"))
		return &lp_restrict_engine;
	if (!strcmp(set, "penalty"))
		return &lp_penalty_engine;
	if (!strcmp(set, "refs"))
		return &lp_refs_engine;
	return &lp_rx_engine;
}
