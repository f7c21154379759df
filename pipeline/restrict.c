/*
 * restrict.c - the restrict engine: the plain regex engine's rules (kind,
 * label, regex with span group "m", lang, negated template) plus what
 * negation scope and modal ambiguity need and a regex alone cannot say:
 *
 *   groups named "m"        the span of the row (several may share the
 *                           name under (?J)); the whole match without one
 *   a group named "neg"     when it matches, the row is negated ("не
 *                           запрещается", "shall not be restricted")
 *   unless-before REGEX     drop the hit when REGEX matches the clause text
 *                           before the match (use $ to anchor at the match):
 *                           a look-behind of any length, bounded by the
 *                           clause ("No one shall ..." is not an obligation)
 *   unless-clause REGEX     drop the hit when REGEX matches anywhere in its
 *                           clause ("не может прийти ... из-за болезни")
 *
 * One phrase, one row: a hit that overlaps an earlier hit of the same label
 * (rules run in file order) is dropped, so broad and narrow rules can live
 * side by side.  A clause ends at . ; : ! ? followed by a space, and is
 * looked for at most CLAUSE_MAX bytes away, so a huge paragraph costs
 * linear time.  A line whose language is "und" (too short to tell) is
 * tagged by the rules of every language.
 */
#include <stdlib.h>
#include <string.h>

#include "prefilter.h"
#include "restrict.h"
#include "rx.h"
#include "util.h"

#define CLAUSE_MAX 2000 /* bytes either side looked at for a clause end */

struct rrule {
	const struct lp_rule *r;
	pcre2_code *re, *unless_before, *unless_clause;
	const char *kind, *label, *negated, *lang;
	int span, neg;
	int pf; /* the prefilter's number for re */
};

struct rhit {
	size_t start, end;
	const char *label;
};

struct rstate {
	struct rrule *rules;
	size_t n;
	pcre2_match_data *md, *md2;
	pcre2_match_context *mc;
	struct lp_buf tmp;
	struct rhit *hits; /* sorted by start */
	size_t nh, hcap, longest;
};

static void re_free(void *st);

static void *
re_load(const struct lp_rules *rs, const char *dir)
{
	struct rstate *s = lp_xmalloc(sizeof *s);
	size_t i;
	int errs = 0;

	(void)dir;
	memset(s, 0, sizeof *s);
	s->rules = lp_xmalloc((rs->n ? rs->n : 1) * sizeof *s->rules);
	for (i = 0; i < rs->n; i++) {
		const struct lp_rule *r = &rs->r[i];
		struct rrule *x = &s->rules[s->n];
		int g;

		memset(x, 0, sizeof *x);
		x->r = r;
		if (lp_rx_rule_head(r, &x->kind, &x->label)) {
			errs++;
			continue;
		}
		x->negated = lp_rule_get(r, "negated", NULL);
		x->lang = lp_rule_get(r, "lang", NULL);
		if (!(x->re = lp_rx_compile(r, "regex"))) {
			errs++;
			continue;
		}
		if (lp_rule_get(r, "unless-before", NULL) && !(x->unless_before = lp_rx_compile(r, "unless-before"))) {
			pcre2_code_free(x->re);
			errs++;
			continue;
		}
		if (lp_rule_get(r, "unless-clause", NULL) && !(x->unless_clause = lp_rx_compile(r, "unless-clause"))) {
			pcre2_code_free(x->re);
			pcre2_code_free(x->unless_before);
			errs++;
			continue;
		}
		g = pcre2_substring_number_from_name(x->re, (PCRE2_SPTR) "m");
		x->span = g > 0 || g == PCRE2_ERROR_NOUNIQUESUBSTRING;
		g = pcre2_substring_number_from_name(x->re, (PCRE2_SPTR) "neg");
		x->neg = g > 0 || g == PCRE2_ERROR_NOUNIQUESUBSTRING;
		x->pf = lp_prefilter_id(x->re);
		s->n++;
	}
	s->md = pcre2_match_data_create(32, NULL);
	s->md2 = pcre2_match_data_create(8, NULL);
	s->mc = lp_rx_context();
	if (errs) {
		re_free(s);
		return NULL;
	}
	return s;
}


/* strchr(".;:!?", c) without the call, at every space of a clause: the
 * string's terminating NUL counts too, as it does for strchr. */
static inline int
ends_clause(char c)
{
	return c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\0';
}

/* Clause around [a, b): bounded by ". " "; " ": " "! " "? " or the paragraph. */
static void
clause(const char *s, size_t n, size_t a, size_t b, size_t *cs, size_t *ce)
{
	size_t i;

	*cs = a > CLAUSE_MAX ? a - CLAUSE_MAX : 0;
	for (i = a; i >= 2 && i > *cs; i--)
		if (s[i - 1] == ' ' && ends_clause(s[i - 2])) {
			*cs = i;
			break;
		}
	while (*cs > 0 && ((unsigned char)s[*cs] & 0xc0) == 0x80)
		(*cs)++;
	*ce = n - b > CLAUSE_MAX ? b + CLAUSE_MAX : n;
	for (i = b; i + 1 < *ce; i++)
		if (s[i + 1] == ' ' && ends_clause(s[i])) {
			*ce = i;
			break;
		}
	while (*ce < n && ((unsigned char)s[*ce] & 0xc0) == 0x80)
		(*ce)++;
}

/* The hits so far are kept sorted by start; an overlapping one starts at
 * most `longest` bytes before a, so only that stretch is looked at. */
static size_t
first_from(const struct rstate *s, size_t a)
{
	size_t lo = 0, hi = s->nh;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (s->hits[mid].start < a)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
overlaps(const struct rstate *s, size_t a, size_t b, const char *label)
{
	size_t i = first_from(s, a > s->longest ? a - s->longest : 0);

	for (; i < s->nh && s->hits[i].start < b; i++)
		if (a < s->hits[i].end && !strcmp(s->hits[i].label, label))
			return 1;
	return 0;
}

static void
remember(struct rstate *s, size_t a, size_t b, const char *label)
{
	size_t at = first_from(s, a);

	if (s->nh == s->hcap) {
		s->hcap = s->hcap ? 2 * s->hcap : 32;
		s->hits = lp_xrealloc(s->hits, s->hcap * sizeof *s->hits);
	}
	memmove(s->hits + at + 1, s->hits + at, (s->nh - at) * sizeof *s->hits);
	s->hits[at].start = a;
	s->hits[at].end = b;
	s->hits[at].label = label;
	s->nh++;
	if (b - a > s->longest)
		s->longest = b - a;
}

static void
re_tag(void *st, struct lp_para *p)
{
	struct rstate *s = st;
	size_t i;
	struct lp_prefilter_view pv;

	s->nh = 0;
	s->longest = 0;
	lp_prefilter_view(&pv, p->text, p->len); /* which rules' words are here */
	for (i = 0; i < s->n; i++) {
		struct rrule *x = &s->rules[i];
		size_t from = 0;

		if (!lp_prefilter_view_any(&pv, x->pf))
			continue; /* none of its words here */
		while (from <= p->len && lp_rx_match(x->re, p->text, p->len, from, s->md, s->mc, p->doc, x->r->id) > 0) {
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
			size_t ms = ov[0], me = ov[1], cs, ce, ns, ne;
			struct lp_hit h;
			int neg = 0;

			/* past an empty match by one whole character: offsets stay on
			 * character boundaries, which PCRE2_NO_UTF_CHECK relies on */
			from = ov[1] > ov[0] ? ov[1] : ov[1] + (ov[1] < p->len ? (size_t)lp_u8len((unsigned char)p->text[ov[1]]) : 1);
			if (x->span && !lp_rx_named_span(x->re, s->md, "m", &ms, &me))
				continue;
			if (ms == me)
				continue;
			{
				/* a line too short to tell its language: the rule's own
				 * words decide (same-label overlap drops doubles) */
				const char *lang = lp_para_lang_at(p, ms);
				if (!lp_rx_list_has(x->lang, lang) && strcmp(lang, "und"))
					continue;
			}
			if (x->neg && lp_rx_named_span(x->re, s->md, "neg", &ns, &ne) && ne > ns)
				neg = 1;
			s->tmp.len = 0;
			if (x->negated) {
				lp_rx_expand(&s->tmp, x->negated, x->re, s->md, p->text);
				if (s->tmp.len && strncmp(s->tmp.p, "0", s->tmp.len))
					neg = 1;
			}
			if (x->unless_before || x->unless_clause) {
				/* only the exceptions look at the clause: most rules have none */
				clause(p->text, p->len, ov[0] < ms ? ov[0] : ms, me, &cs, &ce);
				if (x->unless_before && ms >= cs &&
				    lp_rx_match(x->unless_before, p->text, ms, cs, s->md2, s->mc, p->doc, x->r->id) > 0)
					continue;
				if (x->unless_clause &&
				    lp_rx_match(x->unless_clause, p->text, ce, cs, s->md2, s->mc, p->doc, x->r->id) > 0)
					continue;
			}
			if (overlaps(s, ms, me, x->label))
				continue;
			remember(s, ms, me, x->label);
			memset(&h, 0, sizeof h);
			h.start = ms;
			h.end = me;
			h.kind = x->kind;
			h.label = x->label;
			h.rule = x->r->id;
			h.negated = neg;
			lp_para_hit(p, &h);
		}
	}
}

static void
re_free(void *st)
{
	struct rstate *s = st;
	size_t i;

	for (i = 0; i < s->n; i++) {
		pcre2_code_free(s->rules[i].re);
		pcre2_code_free(s->rules[i].unless_before);
		pcre2_code_free(s->rules[i].unless_clause);
	}
	free(s->rules);
	free(s->hits);
	pcre2_match_data_free(s->md);
	pcre2_match_data_free(s->md2);
	pcre2_match_context_free(s->mc);
	lp_buf_free(&s->tmp);
	free(s);
}

const struct lp_engine lp_restrict_engine = { "restrict", re_load, NULL, re_tag, re_free, NULL, NULL };
