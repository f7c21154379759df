/*
 * prefilter.h - skip a regex on a paragraph that cannot hold a match.
 *
 * Most rules need a literal word to match ("prohibit", "запрещ", "бап");
 * most paragraphs hold none of a given rule's words.  lp_prefilter_add
 * works out, from a regex's source, a set of literals one of which every
 * match must contain (or takes the rule's own `trigger` list); one pass
 * over a paragraph then finds every registered literal at once;
 * lp_prefilter_view answers, for every regex, whether running it on the
 * paragraph can find anything, and lp_prefilter_window where a search needs
 * to look.  The answer "no" is only given when it is certain: a regex the
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
/* The filter's number for re, to ask lp_prefilter_view_any with; -1 when
 * re is not filtered.  Valid while re is registered. */
int lp_prefilter_id(const void *re);
/* Whether each regex can match in text[0..len), the paragraph being tagged,
 * for an engine that asks about each of its rules: lp_prefilter_view fills
 * v once (it scans the paragraph if that was not done), then
 * lp_prefilter_view_any(v, id) is 0 when the regex numbered id cannot match
 * there (the rule is skipped without a search).  Valid until the next
 * lp_prefilter_para of this thread. */
struct lp_prefilter_view {
	const unsigned *stamp; /* id is in the paragraph when stamp[id] == epoch */
	unsigned epoch;
	int nid; /* ids below this have a stamp */
	int all; /* the filter cannot answer: every regex runs */
};
void lp_prefilter_view(struct lp_prefilter_view *v, const char *text, size_t len);
static inline int
lp_prefilter_view_any(const struct lp_prefilter_view *v, int id)
{
	return id < 0 || v->all || (id < v->nid && v->stamp[id] == v->epoch);
}
/* Where a search from `from` needs to look: 0, nowhere (no match); 1,
 * everywhere from `from` (the filter cannot tell); 2, no match starts in
 * [from, *a), so search from *a for a match starting at most at *b (an
 * offset limit), and if there is none, ask again from *b + 1.  Exact for
 * regexes whose reach (lp_prefilter_reach) is not -1. */
int lp_prefilter_window(const void *re, const char *s, size_t len, size_t from,
                        size_t *a, size_t *b);
/* The bytes before the literal it holds at which a match of src may start,
 * at most (a large number when unbounded: the window then reaches back to
 * the search's start, and ends at the last occurrence); -1 when a match
 * depends on where the search starts (\G, backtracking verbs), or with a
 * trigger list.  Compile with PCRE2_USE_OFFSET_LIMIT when it is not -1.
 * Call lp_prefilter_add for the same source next: it reuses this analysis. */
int lp_prefilter_reach(const char *src, const char *trigger);

/* The literals of a regex source, folded, as a newline-separated list in
 * out (for tests); returns their number, 0 when there is no filter. */
int lp_prefilter_literals(const char *src, char *out, size_t cap);

/* The fold the filter compares with, for tests: out gets n bytes; returns
 * 1 when s holds a character that makes a paragraph unfilterable. */
int lp_prefilter_fold(const char *s, size_t n, char *out);

#endif
