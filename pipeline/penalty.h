/*
 * penalty.h - the penalty engine: sanction triggers from the set's rules,
 * amounts from the set's vocabularies (numwords.h).
 */
#ifndef LP_PENALTY_H
#define LP_PENALTY_H

#include "tagger.h"

extern const struct lp_engine lp_penalty_engine;

#endif
