/*
 * rx.c - PCRE2 for the engines, and the plain regex engine that drives any
 * set without an engine of its own.
 *
 * The subject is the paragraph text, valid UTF-8 (norm guarantees it and
 * the record reader checks it), so matches run with PCRE2_NO_UTF_CHECK.
 */
#include <stdlib.h>
#include <string.h>

#include "prefilter.h"
#include "rx.h"
#include "util.h"

#define MATCH_LIMIT 2000000
#define DEPTH_LIMIT 20000

/* Compiled code is freed through this context, so the prefilter forgets a
 * regex whose memory goes back to malloc (the address may come again). */
static void *
rx_alloc(PCRE2_SIZE n, void *data)
{
	(void)data;
	return malloc(n);
}

static void
rx_release(void *p, void *data)
{
	(void)data;
	lp_prefilter_forget(p);
	free(p);
}

static pcre2_compile_context *cctx; /* patterns load before threads start */

static void
free_cctx(void)
{
	pcre2_compile_context_free(cctx);
	cctx = NULL;
}

pcre2_code *
lp_rx_compile(const struct lp_rule *r, const char *key)
{
	int line = r->line, err;
	const char *src = lp_rule_get(r, key, &line);
	const char *trigger = !strcmp(key, "regex") ? lp_rule_get(r, "trigger", NULL) : NULL;
	PCRE2_SIZE eoff;
	pcre2_code *re;
	uint32_t opt = PCRE2_UTF | PCRE2_UCP;

	if (!src) {
		lp_warn("%s:%d: rule %s: no %s", r->file, r->line, r->id, key);
		return NULL;
	}
	if (!cctx) {
		atexit(free_cctx); /* valgrind --errors-for-leak-kinds=all sees nothing */
		pcre2_general_context *g = pcre2_general_context_create(rx_alloc, rx_release, NULL);
		if (!g || !(cctx = pcre2_compile_context_create(g)))
			lp_die("out of memory");
		pcre2_general_context_free(g);
	}
	/* a regex whose matches start a bounded way before its literal is
	 * searched only near the literal's occurrences (lp_rx_match) */
	if (lp_prefilter_reach(src, trigger) >= 0)
		opt |= PCRE2_USE_OFFSET_LIMIT;
	re = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED, opt, &err, &eoff, cctx);
	if (!re) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(err, msg, sizeof msg);
		lp_warn("%s:%d: rule %s: %s at offset %zu", r->file, line, r->id, (char *)msg, (size_t)eoff);
		return NULL;
	}
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* falls back to the interpreter */
	/* the literals one of which every match holds: a paragraph without
	 * them is not searched (a rule's own "trigger" list wins) */
	lp_prefilter_add(re, src, trigger);
	return re;
}

pcre2_match_context *
lp_rx_context(void)
{
	pcre2_match_context *mc = pcre2_match_context_create(NULL);

	if (!mc)
		lp_die("out of memory");
	pcre2_set_match_limit(mc, MATCH_LIMIT);
	pcre2_set_depth_limit(mc, DEPTH_LIMIT);
	return mc;
}

int
lp_rx_match(const pcre2_code *re, const char *s, size_t len, size_t from,
            pcre2_match_data *md, pcre2_match_context *mc, const char *doc, const char *rule)
{
	int rc, w;
	long line;
	size_t a, b, jit = 0;

	pcre2_pattern_info(re, PCRE2_INFO_JITSIZE, &jit);
	for (;;) {
		/* PCRE2_NO_UTF_CHECK needs a start at a character boundary */
		while (from < len && ((unsigned char)s[from] & 0xc0) == 0x80)
			from++;
		if (from > len)
			return PCRE2_ERROR_NOMATCH;
		/* the literals say where a match can start: nowhere, anywhere,
		 * or in a window near an occurrence, tried in order */
		if (!(w = lp_prefilter_window(re, s, len, from, &a, &b)))
			return PCRE2_ERROR_NOMATCH;
		if (w == 2) {
			while (a < len && ((unsigned char)s[a] & 0xc0) == 0x80)
				a++;
			pcre2_set_offset_limit(mc, b);
		} else {
			a = from;
		}
		/* JIT code straight away when there is some: pcre2_match would
		 * check its arguments and options first, ~300 instructions a call */
		rc = jit ? pcre2_jit_match(re, (PCRE2_SPTR)s, len, a, 0, md, mc)
		         : pcre2_match(re, (PCRE2_SPTR)s, len, a, PCRE2_NO_UTF_CHECK, md, mc);
		/* JIT's small stack runs out before the interpreter's depth limit: a
		 * valid pattern on a long paragraph gets the interpreter's chance */
		if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
			rc = pcre2_match(re, (PCRE2_SPTR)s, len, a, PCRE2_NO_UTF_CHECK | PCRE2_NO_JIT, md, mc);
		if (w == 2)
			pcre2_set_offset_limit(mc, PCRE2_UNSET);
		if (w == 2 && rc == PCRE2_ERROR_NOMATCH && b < len) {
			from = b + 1;
			continue;
		}
		break;
	}
	if (rc < 0 && rc != PCRE2_ERROR_NOMATCH) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(rc, msg, sizeof msg);
		if ((line = lp_tagging_line(s, from)) > 0)
			lp_note("%s:%ld: rule %s: %s; the rest of this paragraph is skipped for this rule",
			        doc, line, rule, (char *)msg);
		else
			lp_note("%s: rule %s: %s; the rest of this paragraph is skipped for this rule",
			        doc, rule, (char *)msg);
		return PCRE2_ERROR_NOMATCH;
	}
	return rc;
}

int
lp_rx_named_span(const pcre2_code *re, pcre2_match_data *md, const char *name, size_t *s, size_t *e)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	uint32_t ng = pcre2_get_ovector_count(md), count, esize, i;
	PCRE2_SPTR table;
	size_t nl = strlen(name);

	pcre2_pattern_info(re, PCRE2_INFO_NAMECOUNT, &count);
	pcre2_pattern_info(re, PCRE2_INFO_NAMEENTRYSIZE, &esize);
	pcre2_pattern_info(re, PCRE2_INFO_NAMETABLE, &table);
	for (i = 0; i < count; i++) {
		PCRE2_SPTR ent = table + (size_t)i * esize;
		uint32_t g = (uint32_t)(ent[0] << 8 | ent[1]);
		if (strncmp((const char *)ent + 2, name, nl) || ent[2 + nl] != 0 || g >= ng)
			continue;
		if (ov[2 * g] != PCRE2_UNSET) {
			*s = ov[2 * g];
			*e = ov[2 * g + 1];
			return 1;
		}
	}
	return 0;
}

void
lp_rx_expand(struct lp_buf *out, const char *tpl, const pcre2_code *re,
             pcre2_match_data *md, const char *s)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	uint32_t ng = pcre2_get_ovector_count(md);

	while (*tpl) {
		int g = -1;
		const char *p = tpl;

		if (*p == '$' && p[1] >= '0' && p[1] <= '9') {
			g = p[1] - '0';
			tpl += 2;
		} else if (*p == '$' && p[1] == '{') {
			const char *e = strchr(p, '}');
			if (e) {
				char name[64];
				size_t nl = (size_t)(e - p - 2);
				if (nl < sizeof name) {
					memcpy(name, p + 2, nl);
					name[nl] = '\0';
					g = pcre2_substring_number_from_name(re, (PCRE2_SPTR)name);
				}
				tpl = e + 1;
			}
		}
		if (g < 0 && p == tpl) {
			lp_buf_addc(out, *tpl++);
			continue;
		}
		if (g >= 0 && (uint32_t)g < ng && ov[2 * g] != PCRE2_UNSET)
			lp_buf_add(out, s + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
	}
}

int
lp_rx_rule_head(const struct lp_rule *r, const char **kind, const char **label)
{
	*kind = lp_rule_get(r, "kind", NULL);
	*label = lp_rule_get(r, "label", NULL);
	if (!*kind || !*label) {
		lp_warn("%s:%d: rule %s: needs kind and label", r->file, r->line, r->id);
		return -1;
	}
	return 0;
}

/* ---- the plain regex engine ---- */

struct rxrule {
	const struct lp_rule *r;
	pcre2_code *re;
	const char *kind, *label, *canonical, *value, *negated, *lang;
	int span; /* group number of "m", or 0 */
	int pf;   /* the prefilter's number for re */
};

struct rxstate {
	struct rxrule *rules;
	size_t n;
	pcre2_match_data *md;
	pcre2_match_context *mc;
	struct lp_buf tmp;
};

static void rx_free(void *st);

static void *
rx_load(const struct lp_rules *rs, const char *dir)
{
	struct rxstate *s = lp_xmalloc(sizeof *s);
	size_t i;
	int errs = 0;

	(void)dir;
	memset(s, 0, sizeof *s);
	s->rules = lp_xmalloc((rs->n ? rs->n : 1) * sizeof *s->rules);
	for (i = 0; i < rs->n; i++) {
		const struct lp_rule *r = &rs->r[i];
		struct rxrule *x = &s->rules[s->n];
		int g;

		memset(x, 0, sizeof *x);
		x->r = r;
		if (lp_rx_rule_head(r, &x->kind, &x->label)) {
			errs++;
			continue;
		}
		x->canonical = lp_rule_get(r, "canonical", NULL);
		x->value = lp_rule_get(r, "value", NULL);
		x->negated = lp_rule_get(r, "negated", NULL);
		x->lang = lp_rule_get(r, "lang", NULL);
		if (!(x->re = lp_rx_compile(r, "regex"))) {
			errs++;
			continue;
		}
		g = pcre2_substring_number_from_name(x->re, (PCRE2_SPTR) "m");
		x->span = g > 0 ? g : 0;
		x->pf = lp_prefilter_id(x->re);
		s->n++;
	}
	s->md = pcre2_match_data_create(32, NULL);
	s->mc = lp_rx_context();
	if (errs) {
		rx_free(s);
		return NULL;
	}
	return s;
}

/* Whether word stands in a list separated by commas or spaces ("en,ru"); a
 * NULL list admits everything. */
int
lp_rx_list_has(const char *list, const char *word)
{
	size_t l = strlen(word);
	const char *p;

	if (!list)
		return 1;
	if (l == 0)
		return 0; /* strstr finds "" everywhere: the loop would not move */
	for (p = list; (p = strstr(p, word)); p += l)
		if ((p == list || p[-1] == ',' || p[-1] == ' ') && (p[l] == '\0' || p[l] == ',' || p[l] == ' '))
			return 1;
	return 0;
}

static void
rx_tag(void *st, struct lp_para *p)
{
	struct rxstate *s = st;
	size_t i;
	struct lp_prefilter_view pv;

	lp_prefilter_view(&pv, p->text, p->len); /* which rules' words are here */
	for (i = 0; i < s->n; i++) {
		struct rxrule *x = &s->rules[i];
		size_t from = 0;

		if (!lp_prefilter_view_any(&pv, x->pf))
			continue; /* none of its words here */
		while (from <= p->len && lp_rx_match(x->re, p->text, p->len, from, s->md, s->mc, p->doc, x->r->id) > 0) {
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
			size_t ms = ov[2 * x->span], me = ov[2 * x->span + 1];
			struct lp_hit h;
			size_t cl = 0, vl = 0;

			if (ov[1] == ov[0]) {
				from = ov[1] + 1; /* an empty match: step past it */
				continue;
			}
			from = ov[1];
			if (ms == PCRE2_UNSET || ms == me || !lp_rx_list_has(x->lang, lp_para_lang_at(p, ms)))
				continue;
			memset(&h, 0, sizeof h);
			h.start = ms;
			h.end = me;
			h.kind = x->kind;
			h.label = x->label;
			h.rule = x->r->id;
			s->tmp.len = 0;
			if (x->canonical)
				lp_rx_expand(&s->tmp, x->canonical, x->re, s->md, p->text);
			cl = s->tmp.len;
			if (x->value)
				lp_rx_expand(&s->tmp, x->value, x->re, s->md, p->text);
			vl = s->tmp.len - cl;
			if (x->negated) {
				size_t before = s->tmp.len;
				lp_rx_expand(&s->tmp, x->negated, x->re, s->md, p->text);
				h.negated = s->tmp.len > before && strncmp(s->tmp.p + before, "0", s->tmp.len - before);
			}
			h.canonical = (struct lp_str){ s->tmp.p, cl };
			h.value = (struct lp_str){ s->tmp.p ? s->tmp.p + cl : NULL, vl };
			lp_para_hit(p, &h);
		}
	}
}

static void
rx_free(void *st)
{
	struct rxstate *s = st;
	size_t i;

	for (i = 0; i < s->n; i++)
		pcre2_code_free(s->rules[i].re);
	free(s->rules);
	pcre2_match_data_free(s->md);
	pcre2_match_context_free(s->mc);
	lp_buf_free(&s->tmp);
	free(s);
}

const struct lp_engine lp_rx_engine = { "rx", rx_load, NULL, rx_tag, rx_free, NULL, NULL };
