/*
 * refs_vocab.c - the reference engine's vocabulary and act catalogue, read
 * from the rules of patterns/refs/ and compiled into two PCRE2 alternations.
 *
 * Forms and act names are written in a small notation (README "References"):
 * text stands for itself, case-insensitively, е and ё alike; a space is any
 * run of white space; `*` is any letters (a word's ending); `(a|b)` and `?`
 * group and make optional; `{Name}` is the regex of a macro rule; `«` and `»`
 * are an optional opening and closing quote of any kind; `\` escapes.
 * Each alternative carries (*MARK:N), N indexing what it stands for, so one
 * scan of the paragraph finds every form; alternatives are tried longest
 * first, so "ст.ст." wins over "ст." and "тармақша" over "тармақ".
 * Scans run the alternations only where refs_gate.c says a match can start,
 * each candidate with the alternation cut down to the alternatives that
 * may start with its first character; the act names' candidates also pass
 * refs_gate.c's deep look first.  A cut regex is JIT-compiled only once it
 * has been tried a few times (most are tried rarely in a small input).
 */
#include <stdlib.h>
#include <string.h>

#include "refs.h"

const char *const lp_refs_eid[LV_N] = { "al", "point", "para", "art", "chp" };
const char *const lp_refs_label[LV_N] = { "al", "point", "para", "article", "chapter" };

struct macro {
	const char *name, *re;
	int generic; /* a genre word ("Закон"): optional on title lines */
};

struct refs_form {
	char *re;
	size_t lit;   /* literal length: longer alternatives are tried first */
	int tier;     /* lower tiers first at the same position */
	size_t mark;
};

struct build {
	struct macro *m;
	size_t nm;
	struct refs_form *a;
	size_t na;
	int errs;
};

static int
level_of(const char *s)
{
	size_t i;

	for (i = 0; i < LV_N; i++)
		if (!strcmp(s, lp_refs_eid[i]) || !strcmp(s, lp_refs_label[i]))
			return (int)i;
	return -1;
}

static int
class_of(const char *s)
{
	static const char *const names[W_NCLASS] = { "and", "range", "of", "the", "this", "same",
		"hereinafter", "note", "stop", "from" };
	int i;

	for (i = 0; i < W_NCLASS; i++)
		if (!strcmp(s, names[i]))
			return i;
	return -1;
}

static const struct macro *
find_macro(const struct build *b, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < b->nm; i++)
		if (strlen(b->m[i].name) == len && !memcmp(b->m[i].name, name, len))
			return &b->m[i];
	return NULL;
}

/* Translate the notation into a regex fragment; 0, or -1 after a message. */
static int
xlate(const struct build *b, const char *src, int title, struct lp_buf *out, size_t *lit,
      const struct lp_rule *r, int line)
{
	const char *p = src;

	*lit = 0;
	while (*p) {
		unsigned char c = (unsigned char)*p;

		if (c == ' ') {
			while (p[1] == ' ')
				p++;
			lp_buf_add(out, title ? "\\s*" : "\\s+", 3);
			p++;
		} else if (c == '*') {
			lp_buf_add(out, "\\p{L}*", 6);
			p++;
		} else if (c == '(') {
			lp_buf_add(out, "(?:", 3);
			p++;
		} else if (c == ')' || c == '|' || c == '?') {
			lp_buf_addc(out, (char)c);
			p++;
		} else if (c == '\\' && p[1]) {
			int l = lp_u8len((unsigned char)p[1]);
			lp_buf_add(out, p, (size_t)l + 1);
			p += l + 1;
		} else if (c == '{') {
			const char *e = strchr(p, '}');
			const struct macro *m = e ? find_macro(b, p + 1, (size_t)(e - p - 1)) : NULL;
			if (!m) {
				lp_warn("%s:%d: rule %s: unknown macro %.*s", r->file, line, r->id,
				        e ? (int)(e - p + 1) : (int)strlen(p), p);
				return -1;
			}
			lp_buf_add(out, "(?:", 3);
			lp_buf_add(out, m->re, strlen(m->re));
			lp_buf_add(out, title && m->generic ? ")?" : ")", title && m->generic ? 2 : 1);
			*lit += 4;
			p = e + 1;
		} else if (!strncmp(p, "«", 2)) {
			lp_buf_add(out, "[«\"“„']?\\s*", strlen("[«\"“„']?\\s*"));
			p += 2;
		} else if (!strncmp(p, "»", 2)) {
			lp_buf_add(out, "\\s*[»\"”“']?", strlen("\\s*[»\"”“']?"));
			p += 2;
		} else if (!strncmp(p, "е", 2) || !strncmp(p, "ё", 2)) {
			lp_buf_add(out, "[её]", strlen("[её]"));
			p += 2;
			(*lit)++;
		} else if (!strncmp(p, "Е", 2) || !strncmp(p, "Ё", 2)) {
			lp_buf_add(out, "[ЕЁ]", strlen("[ЕЁ]"));
			p += 2;
			(*lit)++;
		} else if (c < 0x80) {
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
				lp_buf_addc(out, '\\');
			lp_buf_addc(out, (char)c);
			p++;
			(*lit)++;
		} else {
			int l = lp_u8len(c);
			lp_buf_add(out, p, (size_t)l);
			p += l;
			(*lit)++;
		}
	}
	return 0;
}

/* Check one fragment alone, so an error names its own line and offset. */
static int
check_fragment(const char *re, size_t len, const struct lp_rule *r, int line)
{
	int err;
	PCRE2_SIZE eoff;
	pcre2_code *c = pcre2_compile((PCRE2_SPTR)re, len, PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS,
	                              &err, &eoff, NULL);

	if (!c) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(err, msg, sizeof msg);
		lp_warn("%s:%d: rule %s: %s at offset %zu", r->file, line, r->id, (char *)msg, (size_t)eoff);
		return -1;
	}
	pcre2_code_free(c);
	return 0;
}

static void
add_alt(struct build *b, const char *src, int raw, int title, int tier, size_t mark,
        const struct lp_rule *r, int line)
{
	struct lp_buf re = { 0 };
	size_t lit = strlen(src);

	if (raw)
		lp_buf_add(&re, src, strlen(src));
	else if (xlate(b, src, title, &re, &lit, r, line) < 0) {
		b->errs++;
		lp_buf_free(&re);
		return;
	}
	if (check_fragment(re.p ? re.p : "", re.len, r, line) < 0) {
		b->errs++;
		lp_buf_free(&re);
		return;
	}
	lp_buf_addc(&re, '\0');
	b->a = lp_xrealloc(b->a, (b->na + 1) * sizeof *b->a);
	b->a[b->na].re = re.p;
	b->a[b->na].lit = lit;
	b->a[b->na].tier = tier;
	b->a[b->na].mark = mark;
	b->na++;
}

static int
cmpalt(const void *x, const void *y)
{
	const struct refs_form *a = x, *b = y;

	if (a->tier != b->tier)
		return a->tier - b->tier;
	if (a->lit != b->lit)
		return a->lit > b->lit ? -1 : 1;
	return a->mark < b->mark ? -1 : a->mark > b->mark;
}

/* Speed: the length of an alternative's first character when it is a
 * lowercase letter standing alone (no quantifier) and the alternative has
 * no '|' of its own, else 0.  Alternatives led by different such letters
 * cannot match at one place, even caselessly, so a run of them may be
 * grouped by letter -- "т(?:...|...)|ч(?:...)" -- keeping their order
 * within a letter: PCRE2 then tests one letter per group at a word start
 * instead of entering every alternative (the lexicon: 17 times faster). */
static size_t
lead_letter(const char *re)
{
	const unsigned char *s = (const unsigned char *)re, *p;
	size_t l;
	int depth = 0;

	if (s[0] >= 'a' && s[0] <= 'z')
		l = 1;
	else if ((s[0] == 0xd0 && s[1] >= 0xb0 && s[1] <= 0xbf) || (s[0] == 0xd1 && s[1] >= 0x80 && s[1] <= 0x9f))
		l = 2; /* а-я, ѐ-џ */
	else if ((s[0] == 0xd2 && s[1] >= 0x8b && (s[1] & 1)) || (s[0] == 0xd3 && s[1] >= 0x91 && (s[1] & 1)))
		l = 2; /* ғ қ ң ү ұ һ ә ө ... */
	else
		return 0;
	if (!s[l] || strchr("?*+{", s[l]))
		return 0;
	for (p = s; *p; p++) {
		if (*p == '\\') {
			if (p[1] == 'Q' || !p[1])
				return 0;
			p++;
		} else if (*p == '[') {
			p++;
			if (*p == '^')
				p++;
			if (*p == ']')
				p++;
			while (*p && *p != ']')
				p += *p == '\\' && p[1] ? 2 : 1;
			if (!*p)
				return 0;
		} else if (*p == '(') {
			depth++;
		} else if (*p == ')') {
			depth--;
		} else if (*p == '|' && depth == 0) {
			return 0;
		}
	}
	return l;
}

static void
emit_alt(struct lp_buf *re, int *first, const struct refs_form *a, size_t skip)
{
	char mark[32];
	int ml = snprintf(mark, sizeof mark, "%s(*MARK:%zu)", *first ? "" : "|", a->mark);

	*first = 0;
	lp_buf_add(re, mark, (size_t)ml);
	lp_buf_add(re, "(?:", 3);
	lp_buf_add(re, a->re + skip, strlen(a->re + skip));
	lp_buf_addc(re, ')');
}

#define GROUP_DEPTH 12 /* letters of a prefix factored out, at most */

/* The alternatives a[0..na), whose first `skip` bytes (whole letters, the
 * same for all) are written already, as branches of one group.  A run of
 * alternatives that go on with a lone letter is grouped by that letter,
 * and each group again by the letter after it: "т(?:а(?:...)|р(?:...))".
 * Order is kept within a group; alternatives that differ in a letter at
 * the same place cannot match at one position (lead_letter), so moving
 * them apart changes no match.  PCRE2 then tests a letter once for a
 * group instead of once for each of its alternatives (the cut regex of
 * "т" has 73, most of them "тармақ..."). */
static void
emit_list(struct lp_buf *re, const struct refs_form *a, size_t na, size_t skip, int depth, int *first)
{
	size_t i, j, k, end, nsel;
	char *done = lp_xmalloc(na + 1);
	size_t *ll = lp_xmalloc((na + 1) * sizeof *ll); /* each one's lead letter, once */
	struct refs_form *sel = lp_xmalloc((na + 1) * sizeof *sel);

	memset(done, 0, na + 1);
	for (i = 0; i < na; i++)
		ll[i] = depth < GROUP_DEPTH ? lead_letter(a[i].re + skip) : 0;
	for (i = 0; i < na;) {
		end = i;
		while (end < na && ll[end])
			end++;
		if (end == i) {
			emit_alt(re, first, &a[i++], skip);
			continue;
		}
		/* a run of letter-led alternatives, grouped by letter */
		for (j = i; j < end; j++) {
			const char *lj = a[j].re + skip;
			int inner = 1;

			if (done[j])
				continue;
			lp_buf_add(re, *first ? "" : "|", !*first);
			*first = 0;
			lp_buf_add(re, lj, ll[j]);
			lp_buf_add(re, "(?:", 3);
			for (nsel = 0, k = j; k < end; k++)
				if (!done[k] && ll[k] == ll[j] && !memcmp(a[k].re + skip, lj, ll[j])) {
					done[k] = 1;
					sel[nsel++] = a[k];
				}
			emit_list(re, sel, nsel, skip + ll[j], depth + 1, &inner);
			lp_buf_addc(re, ')');
		}
		i = end;
	}
	free(sel);
	free(ll);
	free(done);
}

/* One alternation of the alternatives a[0..na), each behind its mark,
 * between letter boundaries. */
static void
emit_all(const struct refs_form *a, size_t na, struct lp_buf *re)
{
	int first = 1;

	lp_buf_add(re, "(?<!\\p{L})(?:", strlen("(?<!\\p{L})(?:"));
	emit_list(re, a, na, 0, 0, &first);
	if (na == 0)
		lp_buf_add(re, "(*FAIL)", 7);
	/* the letter boundary after the alternation, not after each
	 * alternative: (a|b)c tries ac, then bc, as ac|bc does, and each
	 * (?!\\p{L}) was JIT code of its own */
	lp_buf_add(re, ")(?!\\p{L})", strlen(")(?!\\p{L})"));
}

static pcre2_code *
compile_alt(struct build *b, const struct lp_buf *re, uint32_t opts, const char *what, int jit)
{
	int err;
	PCRE2_SIZE eoff;
	pcre2_code *c = pcre2_compile((PCRE2_SPTR)re->p, re->len, PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | opts,
	                              &err, &eoff, NULL);

	if (!c) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(err, msg, sizeof msg);
		lp_warn("refs: the %s alternation does not compile: %s at offset %zu", what, (char *)msg, (size_t)eoff);
		b->errs++;
		return NULL;
	}
	if (jit)
		pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);
	return c;
}

/* With a gate, the alternation cut down for each symbol a match may start
 * with: only the alternatives that may start with it, in their order, so
 * the match at a position is the same and far fewer are tried.  Symbols
 * with the same alternatives share one regex, compiled when first needed
 * (most symbols never come up in a small input). */
static void
cut(struct build *b, struct refs_alt *out)
{
	unsigned nsym = lp_refs_gate_nsym(out->gate), x, y;
	char *keep = lp_xmalloc(nsym * (b->na + 1));
	size_t i;

	out->subof = lp_xmalloc(nsym * sizeof *out->subof);
	out->subsym = lp_xmalloc(nsym * sizeof *out->subsym);
	out->sub = lp_xmalloc(nsym * sizeof *out->sub);
	out->subjit = lp_xmalloc(nsym);
	memset(out->subjit, 0, nsym);
	out->subtries = lp_xmalloc(nsym * sizeof *out->subtries);
	memset(out->subtries, 0, nsym * sizeof *out->subtries);
	out->subdeep = lp_xmalloc(nsym * sizeof *out->subdeep);
	memset(out->subdeep, 0, nsym * sizeof *out->subdeep);
	out->subseen = lp_xmalloc(nsym * sizeof *out->subseen);
	memset(out->subseen, 0, nsym * sizeof *out->subseen);
	out->nsub = 0;
	for (x = 0; x < nsym; x++) {
		char *kx = keep + (size_t)x * (b->na + 1);
		size_t nk = 0;
		for (i = 0; i < b->na; i++)
			nk += (kx[i] = (char)lp_refs_gate_may_start(out->gate, i, x));
		out->subof[x] = (uint16_t)nsym; /* none */
		if (!nk)
			continue;
		for (y = 0; y < x; y++)
			if (out->subof[y] < nsym && !memcmp(keep + (size_t)y * (b->na + 1), kx, b->na)) {
				out->subof[x] = out->subof[y];
				break;
			}
		if (y < x)
			continue;
		out->subof[x] = (uint16_t)out->nsub;
		out->subsym[out->nsub] = (uint16_t)x;
		out->sub[out->nsub++] = NULL;
	}
	for (x = 0; x < nsym; x++)
		if (out->subof[x] == nsym)
			out->subof[x] = (uint16_t)out->nsub;
	free(keep);
	/* the forms stay for the cut regexes */
	out->forms = b->a;
	out->nforms = b->na;
	b->a = NULL;
	b->na = 0;
}

/* Tries of a cut regex by the interpreter before it is JIT-compiled.  A
 * JIT compile of a cut regex of the act names costs as much as a thousand
 * or more tries by the interpreter, and most cut regexes are tried a few
 * times in a small input, or never: so JIT pays only for those tried
 * often.  The matches are the same either way (PCRE2's two matchers; the
 * limits of lp_rx_context are far from an anchored vocabulary match). */
#define JIT_AFTER 16

/* The cut regex k of a, compiled now. */
static void
sub_make(struct refs_alt *a, uint16_t k)
{
	struct refs_form *sel = lp_xmalloc((a->nforms + 1) * sizeof *sel);
	struct lp_buf re = { 0 };
	size_t i, m = 0;
	int err;
	PCRE2_SIZE eoff;

	for (i = 0; i < a->nforms; i++)
		if (lp_refs_gate_may_start(a->gate, i, a->subsym[k]))
			sel[m++] = a->forms[i];
	emit_all(sel, m, &re);
	a->sub[k] = pcre2_compile((PCRE2_SPTR)re.p, re.len,
	                          PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_ANCHORED, &err, &eoff, NULL);
	/* a part of an alternation that compiled compiles */
	if (!a->sub[k])
		lp_die("refs: a part of an alternation does not compile");
	lp_buf_free(&re);
	free(sel);
}

/* Candidates of a cut regex before its deep look is made: the look's
 * analysis costs as much as some hundred tries of an act regex, and in a
 * small input most cut regexes meet fewer candidates than that. */
#define DEEP_AFTER 64

/* The deep look of cut regex k of a, made now. */
static void
deep_make(struct refs_alt *a, uint16_t k)
{
	const char **srcs = lp_xmalloc((a->nforms + 1) * sizeof *srcs);
	size_t *idx = lp_xmalloc((a->nforms + 1) * sizeof *idx);
	size_t i, m = 0;

	for (i = 0; i < a->nforms; i++)
		if (lp_refs_gate_may_start(a->gate, i, a->subsym[k])) {
			srcs[m] = a->forms[i].re;
			idx[m++] = i;
		}
	a->subdeep[k] = lp_refs_deep_new(a->gate, srcs, idx, m);
	free(srcs);
	free(idx);
}

/* The cut regex k of a, about to be tried: JIT-compiled once it has been
 * tried JIT_AFTER times. */
static const pcre2_code *
sub(struct refs_alt *a, uint16_t k)
{
	if (!a->subjit[k] && a->subtries[k] < JIT_AFTER && ++a->subtries[k] == JIT_AFTER)
		a->subjit[k] = pcre2_jit_compile(a->sub[k], PCRE2_JIT_COMPLETE) == 0;
	return a->sub[k];
}

/* The alternation of the alternatives gathered in b, into *out, with its
 * gate (refs_gate.c) when the alternatives allow one. */
static void
assemble(struct build *b, struct refs_chars *k, const char *what, struct refs_alt *out)
{
	struct lp_buf re = { 0 };
	const char **srcs;
	size_t i;

	if (b->na) /* qsort(NULL, 0) is undefined */
		qsort(b->a, b->na, sizeof *b->a, cmpalt);
	emit_all(b->a, b->na, &re);
	srcs = lp_xmalloc((b->na + 1) * sizeof *srcs);
	for (i = 0; i < b->na; i++)
		srcs[i] = b->a[i].re;
	out->gate = lp_refs_gate_new(k, srcs, b->na);
	free(srcs);
	/* gated, this one is for tests and shows that the whole compiles:
	 * JIT only when it is used */
	out->re = compile_alt(b, &re, 0, what, !out->gate);
	out->jit = !out->gate;
	lp_buf_free(&re);
	if (!out->re) {
		lp_refs_gate_free(out->gate);
		out->gate = NULL;
	}
	if (out->gate)
		cut(b, out);
	for (i = 0; i < b->na; i++)
		free(b->a[i].re);
	free(b->a);
	b->a = NULL;
	b->na = 0;
}

static void
alt_free(struct refs_alt *a)
{
	size_t i;

	pcre2_code_free(a->re);
	for (i = 0; i < a->nsub; i++) {
		pcre2_code_free(a->sub[i]);
		lp_refs_deep_free(a->subdeep[i]);
	}
	free(a->subdeep);
	free(a->subseen);
	free(a->sub);
	free(a->subof);
	free(a->subsym);
	free(a->subjit);
	free(a->subtries);
	for (i = 0; i < a->nforms; i++)
		free(a->forms[i].re);
	free(a->forms);
	lp_refs_gate_free(a->gate);
	memset(a, 0, sizeof *a);
}

static size_t
add_sense(struct refs_vocab *v, const struct refs_sense *s)
{
	v->senses = lp_xrealloc(v->senses, (v->nsenses + 1) * sizeof *v->senses);
	v->senses[v->nsenses] = *s;
	return v->nsenses++;
}

/* Every space-separated form of a value: each an alternative for sense k. */
static void
add_forms(struct build *b, const char *val, size_t k, const struct lp_rule *r, int line)
{
	char *copy = lp_xstrdup(val), *save = NULL, *f;

	for (f = strtok_r(copy, " ", &save); f; f = strtok_r(NULL, " ", &save)) {
		char *u;
		/* "_" stands for a space inside one form: "бұдан_әрі" */
		for (u = f; *u; u++)
			if (*u == '_')
				*u = ' ';
		add_alt(b, f, 0, 0, 0, k, r, line);
	}
	free(copy);
}

static void
load_lexicon(struct refs_vocab *v, struct build *b, const struct lp_rules *rs)
{
	size_t i, j;

	for (i = 0; i < rs->n; i++) {
		const struct lp_rule *r = &rs->r[i];
		const char *kind = lp_rule_get(r, "kind", NULL);
		struct refs_sense s;

		memset(&s, 0, sizeof s);
		s.rule = r->id;
		if (!kind) {
			lp_warn("%s:%d: rule %s: no kind", r->file, r->line, r->id);
			b->errs++;
			continue;
		}
		if (!strcmp(kind, "unit")) {
			const char *lv = lp_rule_get(r, "level", NULL), *lang = lp_rule_get(r, "lang", NULL);
			size_t kb, kp, ks;
			s.kind = VX_UNIT;
			s.lv = lv ? level_of(lv) : -1;
			if (s.lv < 0) {
				lp_warn("%s:%d: rule %s: level must be al, point, para, art or chp", r->file, r->line, r->id);
				b->errs++;
				continue;
			}
			s.kk = lang && !strcmp(lang, "kk");
			s.en = lang && !strcmp(lang, "en");
			{
				const char *under = lp_rule_get(r, "under", NULL);
				s.under = under ? level_of(under) : LV_POINT;
				if (s.under < 0) {
					lp_warn("%s:%d: rule %s: under must be a level", r->file, r->line, r->id);
					b->errs++;
					continue;
				}
			}
			kb = add_sense(v, &s);
			s.plural = 1;
			kp = add_sense(v, &s);
			s.plural = 0;
			s.singular = 1;
			ks = add_sense(v, &s);
			for (j = 0; j < r->nkv; j++) {
				const struct lp_kv *kv = &r->kv[j];
				if (!strcmp(kv->key, "forms"))
					add_forms(b, kv->val, kb, r, kv->line);
				else if (!strcmp(kv->key, "plural"))
					add_forms(b, kv->val, kp, r, kv->line);
				else if (!strcmp(kv->key, "singular"))
					add_forms(b, kv->val, ks, r, kv->line);
			}
		} else if (!strcmp(kind, "ordinal")) {
			const char *lang = lp_rule_get(r, "lang", NULL);
			s.kind = VX_ORD;
			s.kk = lang && !strcmp(lang, "kk");
			for (j = 0; j < r->nkv; j++) {
				const struct lp_kv *kv = &r->kv[j];
				char *end;
				long n;
				if (strcmp(kv->key, "ord"))
					continue;
				n = strtol(kv->val, &end, 10);
				if (end == kv->val || n <= 0 || *end != ' ') {
					lp_warn("%s:%d: rule %s: ord wants a number, then forms", r->file, kv->line, r->id);
					b->errs++;
					continue;
				}
				s.ord = (int)n;
				add_forms(b, end + 1, add_sense(v, &s), r, kv->line);
			}
		} else if (!strcmp(kind, "word")) {
			const char *cls = lp_rule_get(r, "class", NULL);
			s.kind = VX_WORD;
			s.cls = cls ? class_of(cls) : -1;
			if (s.cls < 0) {
				lp_warn("%s:%d: rule %s: unknown word class", r->file, r->line, r->id);
				b->errs++;
				continue;
			}
			j = add_sense(v, &s);
			{
				size_t k;
				for (k = 0; k < r->nkv; k++)
					if (!strcmp(r->kv[k].key, "forms"))
						add_forms(b, r->kv[k].val, j, r, r->kv[k].line);
			}
		}
	}
}

static void
load_acts(struct refs_vocab *v, struct build *b, const struct lp_rules *rs, int title)
{
	size_t i, j;

	for (i = 0; i < rs->n; i++) {
		const struct lp_rule *r = &rs->r[i];
		const char *kind = lp_rule_get(r, "kind", NULL);
		struct refs_apat ap;
		size_t k;

		if (!kind)
			continue;
		memset(&ap, 0, sizeof ap);
		ap.rule = r->id;
		ap.act = -1;
		if (!strcmp(kind, "act")) {
			const char *id = lp_rule_get(r, "id", NULL);
			ap.type = AM_ACT;
			if (!id || !*id) {
				lp_warn("%s:%d: rule %s: an act needs an id", r->file, r->line, r->id);
				b->errs++;
				continue;
			}
			for (k = 0; k < v->nacts; k++)
				if (!strcmp(v->acts[k], id))
					break;
			if (k == v->nacts && !title) {
				v->acts = lp_xrealloc(v->acts, (v->nacts + 1) * sizeof *v->acts);
				v->acts[v->nacts++] = lp_xstrdup(id);
			}
			ap.act = (int)k;
		} else if (!strcmp(kind, "self")) {
			ap.type = AM_SELF;
		} else if (!strcmp(kind, "same-act")) {
			ap.type = AM_SAME;
		} else if (!strcmp(kind, "act-unknown")) {
			ap.type = AM_OTHER;
		} else {
			continue;
		}
		if (title) {
			/* the title alternation marks the entries of the full list */
			size_t at;
			if (ap.type != AM_ACT)
				continue;
			for (at = 0; at < v->napats; at++)
				if (v->apats[at].rule == r->id)
					break;
			for (j = 0; j < r->nkv; j++) {
				const struct lp_kv *kv = &r->kv[j];
				if (!strcmp(kv->key, "en") || !strcmp(kv->key, "ru") || !strcmp(kv->key, "kk") ||
				    !strcmp(kv->key, "name"))
					add_alt(b, kv->val, 0, 1, 0, at, r, kv->line);
			}
			continue;
		}
		v->apats = lp_xrealloc(v->apats, (v->napats + 1) * sizeof *v->apats);
		v->apats[v->napats] = ap;
		for (j = 0; j < r->nkv; j++) {
			const struct lp_kv *kv = &r->kv[j];
			int tier = ap.type == AM_OTHER ? 2 : 0;
			if (!strcmp(kv->key, "en") || !strcmp(kv->key, "ru") || !strcmp(kv->key, "kk") ||
			    !strcmp(kv->key, "name"))
				add_alt(b, kv->val, 0, 0, tier, v->napats, r, kv->line);
			else if (!strcmp(kv->key, "regex"))
				/* raw regexes after the names: a name that goes on
				 * ("«...» Заңның") wins over a bare quoted title */
				add_alt(b, kv->val, 1, 0, tier + 1, v->napats, r, kv->line);
		}
		v->napats++;
	}
}

static void
load_macros(struct build *b, const struct lp_rules *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++) {
		const struct lp_rule *r = &rs->r[i];
		const char *kind = lp_rule_get(r, "kind", NULL), *name, *re, *gen;
		int line = r->line;

		if (!kind || strcmp(kind, "macro"))
			continue;
		name = lp_rule_get(r, "name", NULL);
		re = lp_rule_get(r, "regex", &line);
		gen = lp_rule_get(r, "generic", NULL);
		if (!name || !re) {
			lp_warn("%s:%d: rule %s: a macro needs name and regex", r->file, r->line, r->id);
			b->errs++;
			continue;
		}
		if (check_fragment(re, strlen(re), r, line) < 0) {
			b->errs++;
			continue;
		}
		b->m = lp_xrealloc(b->m, (b->nm + 1) * sizeof *b->m);
		b->m[b->nm].name = name;
		b->m[b->nm].re = re;
		b->m[b->nm].generic = gen && !strcmp(gen, "yes");
		b->nm++;
	}
}

int
lp_refs_vocab_load(struct refs_vocab *v, const struct lp_rules *rs)
{
	struct build b;

	memset(v, 0, sizeof *v);
	memset(&b, 0, sizeof b);
	v->chars = lp_refs_chars_new();
	load_macros(&b, rs);
	load_lexicon(v, &b, rs);
	assemble(&b, v->chars, "lexicon", &v->lex);
	load_acts(v, &b, rs, 0);
	assemble(&b, v->chars, "act", &v->act);
	v->act.deep = 1;
	if (!b.errs) {
		/* the same names again (errors were said once already) */
		load_acts(v, &b, rs, 1);
		assemble(&b, v->chars, "title", &v->title);
		v->title.deep = 1;
	}
	free(b.m);
	v->md = pcre2_match_data_create(4, NULL);
	v->mc = lp_rx_context();
	return b.errs;
}

void
lp_refs_vocab_free(struct refs_vocab *v)
{
	size_t i;

	alt_free(&v->lex);
	alt_free(&v->act);
	alt_free(&v->title);
	lp_refs_cands_free(&v->cands[0]);
	lp_refs_cands_free(&v->cands[1]);
	lp_refs_chars_free(v->chars);
	for (i = 0; i < v->nacts; i++)
		free(v->acts[i]);
	free(v->acts);
	free(v->apats);
	free(v->senses);
	if (v->md)
		pcre2_match_data_free(v->md);
	if (v->mc)
		pcre2_match_context_free(v->mc);
	memset(v, 0, sizeof *v);
}

/* One anchored match at p, with lp_rx_match's fallback and message (the
 * line named is that of from, where an unanchored search would have
 * started). */
static int
match_at(struct refs_vocab *v, const pcre2_code *re, int jit, const char *s, size_t n, size_t p, size_t from,
         const char *doc, const char *what)
{
	/* JIT code straight away: pcre2_match would only check options
	 * first, at every one of the many candidates */
	int rc = jit ? pcre2_jit_match(re, (PCRE2_SPTR)s, n, p, 0, v->md, v->mc)
	             : pcre2_match(re, (PCRE2_SPTR)s, n, p, PCRE2_NO_UTF_CHECK, v->md, v->mc);
	long line;

	if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
		rc = pcre2_match(re, (PCRE2_SPTR)s, n, p, PCRE2_NO_UTF_CHECK | PCRE2_NO_JIT, v->md, v->mc);
	if (rc < 0 && rc != PCRE2_ERROR_NOMATCH) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(rc, msg, sizeof msg);
		if ((line = lp_tagging_line(s, from)) > 0)
			lp_note("%s:%ld: rule %s: %s; the rest of this paragraph is skipped for this rule",
			        doc, line, what, (char *)msg);
		else
			lp_note("%s: rule %s: %s; the rest of this paragraph is skipped for this rule",
			        doc, what, (char *)msg);
	}
	return rc;
}

/* The index a (*MARK:N) carries: emit_alt writes N in decimal digits,
 * nothing else, so a loop reads it (strtol was a visible part of a scan
 * with many matches); what is not a digit ends it, as for strtol. */
static long
mark_index(PCRE2_SPTR m)
{
	long v = 0;

	while (*m >= '0' && *m <= '9')
		v = v * 10 + (*m++ - '0');
	return v;
}

/* Run the alternation over s; call back with (start, end, mark) for each
 * match, leftmost first, a match's end being where the next may start. */
static size_t
scan(struct refs_vocab *v, struct refs_alt *a, const struct refs_cands *c, const char *s, size_t n,
     const char *doc, const char *what, size_t (*cb)(void *, size_t, size_t, long), void *ctx)
{
	size_t from = 0, next = 0, count = 0, i;

	if (!a->re)
		return 0;
	if (!a->gate || v->ungated) {
		if (a->gate && !a->jit) {
			pcre2_jit_compile(a->re, PCRE2_JIT_COMPLETE);
			a->jit = 1;
		}
		while (from < n && lp_rx_match(a->re, s, n, from, v->md, v->mc, doc, what) > 0) {
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(v->md);
			PCRE2_SPTR mark = pcre2_get_mark(v->md);

			if (ov[1] <= ov[0]) {
				from = ov[0] + 1;
				continue;
			}
			from = ov[1];
			if (mark)
				count += cb(ctx, ov[0], ov[1], mark_index(mark));
		}
		return count;
	}
	for (i = 0; i < c->n; i++) {
		size_t p = c->pos[i];
		uint16_t k = a->subof[c->sym[i]];
		const pcre2_code *re;
		int rc;
		PCRE2_SIZE *ov;
		PCRE2_SPTR mark;

		if (p < next)
			continue; /* inside the last match */
		if (k >= a->nsub)
			continue;
		if (!a->sub[k])
			sub_make(a, k);
		if (a->deep && a->subseen[k] < DEEP_AFTER && ++a->subseen[k] == DEEP_AFTER)
			deep_make(a, k);
		if (a->subdeep[k] && !lp_refs_deep_may(a->gate, a->subdeep[k], s, n, p)) {
			a->deeprej++;
			continue; /* no match can start here */
		}
		re = sub(a, k); /* knows then whether JIT did (yet) */
		rc = match_at(v, re, a->subjit[k], s, n, p, from, doc, what);
		if (rc == PCRE2_ERROR_NOMATCH)
			continue;
		if (rc < 0)
			break;
		ov = pcre2_get_ovector_pointer(v->md);
		mark = pcre2_get_mark(v->md);
		if (ov[1] <= ov[0]) {
			from = next = ov[0] + 1;
			continue;
		}
		from = next = ov[1];
		if (mark)
			count += cb(ctx, ov[0], ov[1], mark_index(mark));
	}
	return count;
}

struct lexctx {
	struct refs_vocab *v;
	struct refs_lexeme **out;
	size_t *cap, n;
};

static size_t
lex_cb(void *ctx, size_t s, size_t e, long mark)
{
	struct lexctx *c = ctx;

	if (mark < 0 || (size_t)mark >= c->v->nsenses)
		return 0;
	if (c->n == *c->cap) {
		*c->cap = *c->cap ? *c->cap * 2 : 64;
		*c->out = lp_xrealloc(*c->out, *c->cap * sizeof **c->out);
	}
	(*c->out)[c->n].s = s;
	(*c->out)[c->n].e = e;
	(*c->out)[c->n].v = &c->v->senses[mark];
	c->n++;
	return 1;
}

size_t
lp_refs_lex(struct refs_vocab *v, const char *s, size_t n, const char *doc,
            struct refs_lexeme **out, size_t *cap)
{
	struct lexctx c = { v, out, cap, 0 };
	struct refs_gate *g[2] = { v->lex.gate, v->act.gate };

	v->walked = NULL;
	if (g[0] && !v->ungated) {
		/* one walk for both; the acts' wait for lp_refs_acts */
		int both = g[1] != NULL;
		lp_refs_gates_walk(g, both ? 2 : 1, s, n, v->cands);
		if (both) {
			v->walked = s;
			v->walkedn = n;
		}
	}
	scan(v, &v->lex, &v->cands[0], s, n, doc, "refs lexicon", lex_cb, &c);
	return c.n;
}

struct actctx {
	struct refs_vocab *v;
	struct refs_mention **out;
	size_t *cap, n;
	int title;
};

static size_t
act_cb(void *ctx, size_t s, size_t e, long mark)
{
	struct actctx *c = ctx;
	const struct refs_apat *ap;
	struct refs_mention *m;

	if (mark < 0 || (size_t)mark >= c->v->napats)
		return 0;
	ap = &c->v->apats[mark];
	if (c->n == *c->cap) {
		*c->cap = *c->cap ? *c->cap * 2 : 16;
		*c->out = lp_xrealloc(*c->out, *c->cap * sizeof **c->out);
	}
	m = &(*c->out)[c->n++];
	memset(m, 0, sizeof *m);
	m->s = s;
	/* a name ends on a word; trailing white space an optional quote
	 * pattern took in is not part of it */
	m->e = e;
	m->type = ap->type;
	m->act = ap->act;
	m->rule = ap->rule;
	return 1;
}

size_t
lp_refs_acts(struct refs_vocab *v, int title, const char *s, size_t n, const char *doc,
             struct refs_mention **out, size_t *cap)
{
	struct actctx c = { v, out, cap, 0, title };
	struct refs_alt *a = title ? &v->title : &v->act;
	size_t i;

	if (a->gate && !v->ungated && (title || s != v->walked || n != v->walkedn))
		lp_refs_gates_walk(&a->gate, 1, s, n, &v->cands[1]);
	v->walked = NULL; /* used, or overwritten */
	scan(v, a, &v->cands[1], s, n, doc, "refs acts", act_cb, &c);
	for (i = 0; i < c.n; i++) {
		struct refs_mention *m = &(*out)[i];
		while (m->e > m->s && (s[m->e - 1] == ' ' || s[m->e - 1] == '\t'))
			m->e--;
		while (m->s < m->e && (s[m->s] == ' ' || s[m->s] == '\t'))
			m->s++;
	}
	return c.n;
}
