/*
 * rx.h - PCRE2 helpers shared by the engines: compile a rule's regex with
 * the project's options, run it under match limits, expand templates.
 */
#ifndef LP_RX_H
#define LP_RX_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "rules.h"
#include "tagger.h"

/* Compile the value of key `key` of rule r (UTF, UCP; JIT when available).
 * NULL after printing FILE:LINE: rule ID: message at offset N. */
pcre2_code *lp_rx_compile(const struct lp_rule *r, const char *key);
/* A match context with the match and depth limits that keep a pathological
 * pattern from hanging a run. */
pcre2_match_context *lp_rx_context(void);
/* Match; returns pcre2_match's result.  A start inside a character moves
 * on to the next character.  Limit errors are reported once per rule and
 * paragraph as DOC:LINE: rule ID: message (DOC: when s is not the paragraph
 * being tagged), and count as no match: the run goes on. */
int lp_rx_match(const pcre2_code *re, const char *s, size_t len, size_t from,
                pcre2_match_data *md, pcre2_match_context *mc, const char *doc,
                const char *rule);
/* Expand $1..$9 and ${name} in tpl with the groups of md over subject s. */
/* The span of the set group called name, also when several groups share
 * the name ((?J) in the pattern): 1 and *s, *e when one is set, else 0. */
int lp_rx_named_span(const pcre2_code *re, pcre2_match_data *md, const char *name,
                     size_t *s, size_t *e);
void lp_rx_expand(struct lp_buf *out, const char *tpl, const pcre2_code *re,
                  pcre2_match_data *md, const char *s);

/* A rule's kind and label, which every engine needs; -1 after saying
 * FILE:LINE: rule ID: needs kind and label. */
int lp_rx_rule_head(const struct lp_rule *r, const char **kind, const char **label);
/* Whether word stands in a comma- or space-separated list; NULL admits all. */
int lp_rx_list_has(const char *list, const char *word);

#endif
