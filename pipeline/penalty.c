/*
 * penalty.c - the penalty engine.
 *
 * A rule names a sanction trigger (kind penalty, label fine, detention, ...,
 * regex with the trigger span as group "m" or the whole match) and where its
 * amount stands:
 *
 *   side after          "штраф в размере двадцати МРП", "fine of 20 MCI" (ru, en)
 *   side before         "жиырма АЕК мөлшерінде айыппұл салуға" (kk)
 *   units MCI MMW KZT   the units an amount of this sanction may have; none:
 *                       the sanction has no amount (confiscation, closure)
 *
 * The amount is looked for between the trigger and the next trigger (after)
 * or between the previous trigger and this one (before), inside the
 * sentence; with side after, "ten days of administrative arrest" (an amount
 * right before the trigger, the gap allowed by the vocabulary's `adjacent`)
 * counts too.  A group of tiers ("на физических лиц в размере пятнадцати, на
 * должностных лиц – двадцати ... МРП") gives one row per amount; a next group
 * of the same unit joined by a tier gap ("50 MCI; his deputy, 30 MCI") too.
 * An amount in parentheses or after an `aside` gap ("20 АЕК, яғни 73 840
 * теңге") restates the one before it and is skipped; a `same` reference
 * right after the trigger ("лишением свободы на тот же срок") takes the last
 * amount before the trigger in the sentence.
 */
#include <stdlib.h>
#include <string.h>

#include "numwords.h"
#include "penalty.h"
#include "prefilter.h"
#include "rx.h"
#include "sentence.h"

#define MAX_AMOUNTS 64
#define AFTER_REACH 200  /* bytes from the trigger to the first amount, at most */
#define BEFORE_REACH 120 /* bytes from an amount to the trigger after it, at most */
#define WINDOW_MAX 600
#define SENTENCE_MAX 2000 /* bytes either side looked at for a sentence end */

enum { SIDE_AFTER, SIDE_BEFORE };

struct prule {
	const struct lp_rule *r;
	pcre2_code *re;
	const char *label, *lang, *units;
	int side, span;
	int pf; /* the prefilter's number for re */
};

struct trig {
	size_t ms, me;
	const struct prule *x;
	const char *lang;
};

struct pstate {
	struct prule *rules;
	size_t n;
	struct lp_numvoc *voc;
	pcre2_match_data *md;
	pcre2_match_context *mc;
	struct trig *t;
	size_t nt, tcap;
};

static void pen_free(void *st);

static void *
pen_load(const struct lp_rules *rs, const char *dir)
{
	struct pstate *s = lp_xmalloc(sizeof *s);
	size_t i;
	int errs = 0;

	memset(s, 0, sizeof *s);
	s->rules = lp_xmalloc((rs->n ? rs->n : 1) * sizeof *s->rules);
	for (i = 0; i < rs->n; i++) {
		const struct lp_rule *r = &rs->r[i];
		struct prule *x = &s->rules[s->n];
		const char *kind = lp_rule_get(r, "kind", NULL), *side = lp_rule_get(r, "side", NULL);
		int g;

		memset(x, 0, sizeof *x);
		x->r = r;
		x->label = lp_rule_get(r, "label", NULL);
		x->lang = lp_rule_get(r, "lang", NULL);
		x->units = lp_rule_get(r, "units", NULL);
		if (!kind || strcmp(kind, "penalty") || !x->label) {
			lp_warn("%s:%d: rule %s: needs kind penalty and a label", r->file, r->line, r->id);
			errs++;
			continue;
		}
		if (side && strcmp(side, "after") && strcmp(side, "before")) {
			lp_warn("%s:%d: rule %s: side is after or before", r->file, r->line, r->id);
			errs++;
			continue;
		}
		x->side = side && !strcmp(side, "before") ? SIDE_BEFORE : SIDE_AFTER;
		if (!(x->re = lp_rx_compile(r, "regex"))) {
			errs++;
			continue;
		}
		g = pcre2_substring_number_from_name(x->re, (PCRE2_SPTR) "m");
		x->span = g > 0 || g == PCRE2_ERROR_NOUNIQUESUBSTRING;
		x->pf = lp_prefilter_id(x->re);
		s->n++;
	}
	s->md = pcre2_match_data_create(32, NULL);
	s->mc = lp_rx_context();
	if (!(s->voc = lp_numvoc_load(dir)))
		errs++;
	if (errs) {
		pen_free(s);
		return NULL;
	}
	return s;
}


static int
unit_ok(const struct prule *x, const char *unit)
{
	return x->units && unit && lp_rx_list_has(x->units, unit);
}

static int
cmptrig(const void *a, const void *b)
{
	const struct trig *x = a, *y = b;

	if (x->ms != y->ms)
		return x->ms < y->ms ? -1 : 1;
	if (x->me != y->me)
		return x->me > y->me ? -1 : 1;
	return x->x < y->x ? -1 : x->x > y->x;
}

/* The sentence around [a, b): [.!?] + space + a capital ends one. */
static void
sentence(const char *s, size_t n, size_t a, size_t b, size_t *ss, size_t *se)
{
	size_t i;

	*ss = a > SENTENCE_MAX ? a - SENTENCE_MAX : 0;
	for (i = a; i >= 2 && i > *ss; i--)
		if (s[i - 1] == ' ' && lp_sentence_mark(s[i - 2]) && lp_sentence_capital(s + i, n - i)) {
			*ss = i;
			break;
		}
	while (*ss > 0 && ((unsigned char)s[*ss] & 0xc0) == 0x80)
		(*ss)++;
	*se = n - b > SENTENCE_MAX ? b + SENTENCE_MAX : n;
	for (i = b; i + 2 < *se; i++)
		if (s[i + 1] == ' ' && lp_sentence_mark(s[i]) && lp_sentence_capital(s + i + 2, n - i - 2)) {
			*se = i + 1;
			break;
		}
	while (*se < n && ((unsigned char)s[*se] & 0xc0) == 0x80)
		(*se)++;
}

static void
emit(struct lp_para *p, const struct trig *t, size_t start, size_t end, const char *value)
{
	struct lp_hit h;

	memset(&h, 0, sizeof h);
	h.start = start < t->ms ? start : t->ms;
	h.end = end > t->me ? end : t->me;
	h.kind = "penalty";
	h.label = t->x->label;
	h.rule = t->x->r->id;
	if (value)
		h.value = (struct lp_str){ value, strlen(value) };
	lp_para_hit(p, &h);
}

/* Emit the rows of groups g0..g1 (one per amount). */
static void
emit_range(struct lp_para *p, const struct trig *t, size_t wo, const struct lp_amount *a,
           const struct lp_amount_group *g, size_t g0, size_t g1)
{
	size_t j, k;
	char buf[96];

	for (j = g0; j <= g1; j++)
		for (k = g[j].first; k < g[j].first + g[j].n; k++) {
			lp_amount_format(&a[k], g[j].unit, buf, sizeof buf);
			if (wo + a[k].start >= t->me)
				emit(p, t, t->ms, wo + a[k].end, buf);
			else
				emit(p, t, wo + a[k].start, t->me, buf);
		}
}

/* Whether groups j-1 and j carry on one sanction ("50 MCI; his deputy, 30 MCI"). */
static int
carries_on(struct pstate *s, const struct trig *t, const char *w, const struct lp_amount_group *g, size_t j)
{
	return g[j].unit && g[j - 1].unit && !strcmp(g[j].unit, g[j - 1].unit) &&
	       lp_numvoc_more_gap(s->voc, t->lang, w + g[j - 1].end, g[j].start - g[j - 1].end);
}

/* An amount in parentheses is a conversion or an aside: "100 МРП (около 369 200 тенге)". */
static int
in_parens(const char *w, size_t at)
{
	size_t i;
	int depth = 0;

	for (i = 0; i < at; i++)
		if (w[i] == '(')
			depth++;
		else if (w[i] == ')' && depth > 0)
			depth--;
	return depth > 0;
}

/* Group j restates group j-1 ("20 МРП, что составляет 73 840 тенге"). */
static int
restates(struct pstate *s, const struct trig *t, const char *w, const struct lp_amount_group *g, size_t j)
{
	return j > 0 && lp_numvoc_aside_gap(s->voc, t->lang, w + g[j - 1].end, g[j].start - g[j - 1].end);
}

/* The amount before trigger t within [ws, t->ms): the last group with an
 * allowed unit; when adjacent_only, only one that the trigger follows
 * directly.  Returns 1 when rows were emitted. */
static int
value_before(struct pstate *s, struct lp_para *p, const struct trig *t, size_t ws, int adjacent_only)
{
	struct lp_amount a[MAX_AMOUNTS];
	struct lp_amount_group g[MAX_AMOUNTS];
	const char *w = p->text + ws;
	size_t wl = t->ms - ws, na, ng, j;

	if (wl > WINDOW_MAX) {
		ws = t->ms - WINDOW_MAX;
		while (ws < t->ms && ((unsigned char)p->text[ws] & 0xc0) == 0x80)
			ws++;
		w = p->text + ws;
		wl = t->ms - ws;
	}
	na = lp_amounts_scan(s->voc, t->lang, w, wl, a, MAX_AMOUNTS);
	ng = lp_amounts_group(s->voc, t->lang, w, a, na, g, MAX_AMOUNTS);
	for (j = ng; j-- > 0;) {
		size_t g0 = j;

		if (in_parens(w, g[j].start) || restates(s, t, w, g, j))
			continue;
		if (adjacent_only) {
			if (j == ng - 1 && unit_ok(t->x, g[j].unit) &&
			    lp_numvoc_adjacent(s->voc, t->lang, w + g[j].end, wl - g[j].end)) {
				emit_range(p, t, ws, a, g, j, j);
				return 1;
			}
			return 0;
		}
		if (wl - g[j].end > BEFORE_REACH)
			return 0;
		if (unit_ok(t->x, g[j].unit)) {
			while (g0 > 0 && carries_on(s, t, w, g, g0))
				g0--;
			emit_range(p, t, ws, a, g, g0, j);
			return 1;
		}
	}
	return 0;
}

static int
value_after(struct pstate *s, struct lp_para *p, const struct trig *t, size_t we)
{
	struct lp_amount a[MAX_AMOUNTS];
	struct lp_amount_group g[MAX_AMOUNTS];
	const char *w = p->text + t->me;
	size_t wl = we - t->me, na, ng, j;

	if (wl > WINDOW_MAX) {
		wl = WINDOW_MAX;
		while (wl > 0 && ((unsigned char)w[wl] & 0xc0) == 0x80)
			wl--; /* never cut a character: the matcher assumes valid UTF-8 */
	}
	na = lp_amounts_scan(s->voc, t->lang, w, wl, a, MAX_AMOUNTS);
	ng = lp_amounts_group(s->voc, t->lang, w, a, na, g, MAX_AMOUNTS);
	for (j = 0; j < ng; j++) {
		size_t g1 = j;

		if (g[j].start > AFTER_REACH)
			return 0;
		if (in_parens(w, g[j].start) || restates(s, t, w, g, j))
			continue;
		if (unit_ok(t->x, g[j].unit)) {
			while (g1 + 1 < ng && carries_on(s, t, w, g, g1 + 1))
				g1++;
			emit_range(p, t, t->me, a, g, j, g1);
			return 1;
		}
	}
	return 0;
}

/* "imprisonment for the same term": a `same` reference right after the
 * trigger takes the last amount of an allowed unit in [ws, t->ms); the row
 * spans the trigger and the reference. */
static int
value_same(struct pstate *s, struct lp_para *p, const struct trig *t, size_t ws, size_t we)
{
	struct lp_amount a[MAX_AMOUNTS];
	struct lp_amount_group g[MAX_AMOUNTS];
	size_t k = lp_numvoc_same(s->voc, t->lang, p->text + t->me, we - t->me), na, ng, j;
	const char *w;
	char buf[96];

	if (!k)
		return 0;
	if (t->ms - ws > WINDOW_MAX) {
		ws = t->ms - WINDOW_MAX;
		while (ws < t->ms && ((unsigned char)p->text[ws] & 0xc0) == 0x80)
			ws++;
	}
	w = p->text + ws;
	na = lp_amounts_scan(s->voc, t->lang, w, t->ms - ws, a, MAX_AMOUNTS);
	ng = lp_amounts_group(s->voc, t->lang, w, a, na, g, MAX_AMOUNTS);
	for (j = ng; j-- > 0;) {
		if (in_parens(w, g[j].start) || restates(s, t, w, g, j) || !unit_ok(t->x, g[j].unit))
			continue;
		lp_amount_format(&a[g[j].first + g[j].n - 1], g[j].unit, buf, sizeof buf);
		emit(p, t, t->ms, t->me + k, buf);
		return 1;
	}
	return 0;
}

static void
pen_tag(void *st, struct lp_para *p)
{
	struct pstate *s = st;
	size_t i, k;
	struct lp_prefilter_view pv;

	s->nt = 0;
	lp_prefilter_view(&pv, p->text, p->len); /* which rules' words are here */
	for (i = 0; i < s->n; i++) {
		const struct prule *x = &s->rules[i];
		size_t from = 0;

		if (!lp_prefilter_view_any(&pv, x->pf))
			continue; /* none of its words here */
		while (from <= p->len && lp_rx_match(x->re, p->text, p->len, from, s->md, s->mc, p->doc, x->r->id) > 0) {
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
			size_t ms = ov[0], me = ov[1];
			const char *lang;

			/* past an empty match by one whole character: offsets stay on
			 * character boundaries, which PCRE2_NO_UTF_CHECK relies on */
			from = ov[1] > ov[0] ? ov[1] : ov[1] + (ov[1] < p->len ? (size_t)lp_u8len((unsigned char)p->text[ov[1]]) : 1);
			if (x->span && !lp_rx_named_span(x->re, s->md, "m", &ms, &me))
				continue;
			if (ms == me)
				continue;
			lang = lp_para_lang_at(p, ms);
			if (!lp_rx_list_has(x->lang, lang)) {
				/* a line too short to tell: trust the rule's language */
				if (strcmp(lang, "und") || !x->lang)
					continue;
				lang = x->lang;
			}
			if (s->nt == s->tcap) {
				s->tcap = s->tcap ? 2 * s->tcap : 16;
				s->t = lp_xrealloc(s->t, s->tcap * sizeof *s->t);
			}
			s->t[s->nt].ms = ms;
			s->t[s->nt].me = me;
			s->t[s->nt].x = x;
			s->t[s->nt].lang = x->lang && !strchr(x->lang, ',') ? x->lang : lang;
			s->nt++;
		}
	}
	if (s->nt) /* qsort(NULL, 0) is undefined */
		qsort(s->t, s->nt, sizeof *s->t, cmptrig);
	/* one sanction, one row: a trigger inside another of the same label goes */
	for (i = 0, k = 0; i < s->nt; i++) {
		if (k > 0 && s->t[i].ms < s->t[k - 1].me && !strcmp(s->t[i].x->label, s->t[k - 1].x->label))
			continue;
		s->t[k++] = s->t[i];
	}
	s->nt = k;
	for (i = 0; i < s->nt; i++) {
		const struct trig *t = &s->t[i];
		size_t ss, se, ws, we;
		int done = 0;

		sentence(p->text, p->len, t->ms, t->me, &ss, &se);
		ws = i > 0 && s->t[i - 1].me > ss && s->t[i - 1].me <= t->ms ? s->t[i - 1].me : ss;
		we = i + 1 < s->nt && s->t[i + 1].ms < se && s->t[i + 1].ms >= t->me ? s->t[i + 1].ms : se;
		if (we < t->me)
			we = t->me;
		if (ws > t->ms)
			ws = t->ms;
		if (t->x->units) {
			if (value_same(s, p, t, ws, we))
				done = 1;
			else if (t->x->side == SIDE_BEFORE)
				done = value_before(s, p, t, ws, 0) || value_after(s, p, t, we);
			else
				done = value_after(s, p, t, we) || value_before(s, p, t, ws, 1);
		}
		if (!done)
			emit(p, t, t->ms, t->me, NULL);
	}
}

static void
pen_free(void *st)
{
	struct pstate *s = st;
	size_t i;

	for (i = 0; i < s->n; i++)
		pcre2_code_free(s->rules[i].re);
	free(s->rules);
	free(s->t);
	lp_numvoc_free(s->voc);
	pcre2_match_data_free(s->md);
	pcre2_match_context_free(s->mc);
	free(s);
}

const struct lp_engine lp_penalty_engine = { "penalty", pen_load, NULL, pen_tag, pen_free, NULL, NULL };
