/*
 * prefilter.h - skip a regex on a paragraph that cannot hold a match.
 *
 * Most rules need a literal word to match ("prohibit", "запрещ", "бап");
 * most paragraphs hold none of a given rule's words.  lp_prefilter_add
 * works out, from a regex's source, a set of literals one of which every
 * match must contain (or takes the rule's own `trigger` list); one pass
 * over a paragraph then finds every registered literal at once, and
 * lp_prefilter_may_match answers, per regex, whether running it can find
 * anything.  The answer "no" is only given when it is certain: a regex the
 * analysis does not understand is always run, and so is any paragraph with
 * a character that matches a registered letter without folding to it
 * (long s, Kelvin sign and the like).
 *
 * Thread safety: registration happens while patterns load, before threads
 * start; the paragraph state is per thread.
 */
#ifndef LP_PREFILTER_H
#define LP_PREFILTER_H

#include <stddef.h>

/* Register re (any pointer identifying a compiled regex) with the literals
 * of its source, or of trigger (comma-separated) when not NULL.  Returns
 * the number of literals (0: no filter for this regex). */
int lp_prefilter_add(const void *re, const char *src, const char *trigger);
/* Forget re (its memory is being freed). */
void lp_prefilter_forget(const void *re);
/* The paragraph this thread is about to tag: the only subject filtered. */
void lp_prefilter_para(const char *text, size_t len);
/* 0 when no match of re can start at or after from in s[0..len), else 1. */
int lp_prefilter_may_match(const void *re, const char *s, size_t len, size_t from);

/* The literals of a regex source, folded, as a newline-separated list in
 * out (for tests); returns their number, 0 when there is no filter. */
int lp_prefilter_literals(const char *src, char *out, size_t cap);

/* The fold the filter compares with, for tests: out gets n bytes; returns
 * 1 when s holds a character that makes a paragraph unfilterable. */
int lp_prefilter_fold(const char *s, size_t n, char *out);

#endif
