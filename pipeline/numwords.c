/*
 * numwords.c - numbers in digits and in words, units, ranges and tiers, for
 * the penalty engine.  Everything language-specific is data: one *.voc file
 * per language in the penalty set's directory.  Lines, "#" starts a comment:
 *
 *   lang ru                 the language these lines are for (first line)
 *   num VALUE REGEX         a number word (all its forms): 1-9, 10-90, 11-19, 100-900
 *   mul VALUE REGEX         a multiplier: hundred (en, kk), thousand, million
 *   suffix REGEX            case endings allowed after a number word (kk)
 *   joiner REGEX            what may join two number words besides space ("and", "-")
 *   unit CODE REGEX         a unit after the number: MCI MMW KZT USD EUR RUB days ...
 *   prefix CODE REGEX       a unit before the number: $ USD €
 *   from REGEX              a token ending that marks a range start (kk "-дан")
 *   range REGEX             the whole gap between two amounts of a range ("до", "to")
 *   tier REGEX              the whole gap between two amounts of a tier
 *   more REGEX              the whole gap between two groups of one sanction ("; his deputy, ")
 *   between REGEX           a word that may stand between a number and its unit (kk "дейінгі")
 *   adjacent REGEX          the whole gap between an amount and the trigger after it
 *   aside REGEX             the whole gap before an amount that restates the one before
 *                           it ("20 АЕК, яғни 73 840 теңге"): a conversion, not a sanction
 *   same REGEX              a back reference right after a trigger ("лишением свободы на
 *                           тот же срок"): the sanction takes the amount named before it
 *   example TEXT => WANT    amounts of TEXT, each "N" or "N UNIT" or "LO-HI UNIT", "; "
 *   group TEXT => WANT      the same after grouping (tiers share their unit)
 *
 * Regexes are PCRE2, matched case-insensitively; word regexes must match a
 * whole word.  The text is valid UTF-8 (norm guarantees it).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numwords.h"
#include "rx.h"
#include "util.h"

#define MAX_LANGS 8
#define SCALE_MAX 1000000000000LL

enum { C_START, C_ONES, C_TEEN, C_TENS, C_HUNDREDS, C_MUL };

struct entry {
	long long val;
	int mul;
	char *code; /* units */
};

struct wordset {
	struct lp_buf src; /* the alternation being built */
	struct entry *e;
	size_t n;
	pcre2_code *re;
};

struct example {
	char *text, *file;
	int line, grouped;
};

struct vlang {
	char code[8];
	const char *file; /* where its lang line stands */
	struct wordset num, unit, prefix;
	char *suffix;
	pcre2_code *digits, *from, *range, *tier, *more, *adjacent, *joiner, *between, *aside, *same;
};

struct lp_numvoc {
	struct vlang lang[MAX_LANGS];
	size_t nlang;
	struct example *ex;
	size_t nex;
	pcre2_match_data *md;
	char **files;
	size_t nfiles;
};

/* Regexes that amatch() tries at one place are compiled anchored: with
 * PCRE2_ANCHORED given at match time instead, PCRE2 cannot use the JIT
 * code and interprets (five times the instructions on a word list). */
enum { FLOATING, ANCHORED };

static pcre2_code *
compile(const char *src, const char *file, int line, int anchored)
{
	int err;
	PCRE2_SIZE eoff;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED,
	                               PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | (anchored ? PCRE2_ANCHORED : 0),
	                               &err, &eoff, NULL);

	if (!re) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(err, msg, sizeof msg);
		lp_warn("%s:%d: %s at offset %zu in %s", file, line, (char *)msg, (size_t)eoff, src);
		return NULL;
	}
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	return re;
}

/* A regex that must match a whole gap: anchored both ends. */
static pcre2_code *
compile_whole(const char *re, const char *file, int line)
{
	struct lp_buf b = { 0 };
	pcre2_code *c;

	lp_buf_add(&b, "^(?:", 4);
	lp_buf_add(&b, re, strlen(re));
	lp_buf_add(&b, ")$", 3);
	c = compile(b.p, file, line, FLOATING);
	lp_buf_free(&b);
	return c;
}

static void
ws_add(struct wordset *w, const char *re, long long val, int mul, const char *code)
{
	char mark[32];

	if (w->src.len)
		lp_buf_addc(&w->src, '|');
	lp_buf_add(&w->src, "(?:", 3);
	lp_buf_add(&w->src, re, strlen(re));
	snprintf(mark, sizeof mark, ")(*MARK:%zu)", w->n);
	lp_buf_add(&w->src, mark, strlen(mark));
	w->e = lp_xrealloc(w->e, (w->n + 1) * sizeof *w->e);
	w->e[w->n].val = val;
	w->e[w->n].mul = mul;
	w->e[w->n].code = code ? lp_xstrdup(code) : NULL;
	w->n++;
}

/* Anchored alternation, with optional suffix, ending at a word end. */
static int
ws_compile(struct wordset *w, const char *suffix, int digits_may_follow, const char *file)
{
	struct lp_buf b = { 0 };

	if (!w->n)
		return 0;
	lp_buf_add(&b, "(?:", 3);
	lp_buf_add(&b, w->src.p, w->src.len);
	lp_buf_addc(&b, ')');
	if (suffix) {
		lp_buf_add(&b, "(?<sfx>", 7);
		lp_buf_add(&b, suffix, strlen(suffix));
		lp_buf_add(&b, ")?", 2);
	}
	{
		const char *end = digits_may_follow ? "(?![\\p{L}])" : "(?![\\p{L}\\p{N}])";
		lp_buf_add(&b, end, strlen(end));
	}
	lp_buf_addc(&b, '\0');
	w->re = compile(b.p, file, 0, ANCHORED);
	lp_buf_free(&b);
	return w->re ? 0 : 1;
}

static void
ws_free(struct wordset *w)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		free(w->e[i].code);
	free(w->e);
	lp_buf_free(&w->src);
	pcre2_code_free(w->re);
}

static struct vlang *
lang_get(struct lp_numvoc *v, const char *code, int create)
{
	size_t i;

	for (i = 0; i < v->nlang; i++)
		if (!strcmp(v->lang[i].code, code))
			return &v->lang[i];
	if (!create || v->nlang == MAX_LANGS)
		return NULL;
	memset(&v->lang[v->nlang], 0, sizeof v->lang[0]);
	snprintf(v->lang[v->nlang].code, sizeof v->lang[0].code, "%s", code);
	return &v->lang[v->nlang++];
}

/* Split "WORD REST": *rest gets the rest after white space. */
static char *
word(char *p, char **rest)
{
	char *w = p;

	while (*p && *p != ' ' && *p != '\t')
		p++;
	if (*p)
		*p++ = '\0';
	while (*p == ' ' || *p == '\t')
		p++;
	*rest = p;
	return w;
}

static int
load_file(struct lp_numvoc *v, const char *path)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int lineno = 0, errs = 0;
	struct vlang *L = NULL;

	if (!fp) {
		lp_warn("%s:", path);
		return 1;
	}
	v->files = lp_xrealloc(v->files, (v->nfiles + 1) * sizeof *v->files);
	v->files[v->nfiles++] = lp_xstrdup(path);
	path = v->files[v->nfiles - 1];
	while ((len = getline(&line, &cap, fp)) != -1) {
		char *p = line, *key, *rest, *a;
		pcre2_code **slot = NULL;

		lineno++;
		while (len > 0 && strchr("\r\n \t", line[len - 1]))
			line[--len] = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '#')
			continue;
		key = word(p, &rest);
		if (!strcmp(key, "lang")) {
			L = lang_get(v, rest, 1);
			if (L)
				L->file = path;
			if (!L) {
				lp_warn("%s:%d: too many languages", path, lineno);
				errs++;
			}
			continue;
		}
		if (!L) {
			lp_warn("%s:%d: '%s' before 'lang'", path, lineno, key);
			errs++;
			continue;
		}
		if (!strcmp(key, "num") || !strcmp(key, "mul")) {
			char *end;
			long long val;
			a = word(rest, &rest);
			val = strtoll(a, &end, 10);
			if (*end || val <= 0 || !*rest) {
				lp_warn("%s:%d: want '%s VALUE REGEX'", path, lineno, key);
				errs++;
				continue;
			}
			ws_add(&L->num, rest, val, key[0] == 'm', NULL);
		} else if (!strcmp(key, "unit") || !strcmp(key, "prefix")) {
			a = word(rest, &rest);
			if (!*rest) {
				lp_warn("%s:%d: want '%s CODE REGEX'", path, lineno, key);
				errs++;
				continue;
			}
			ws_add(key[0] == 'u' ? &L->unit : &L->prefix, rest, 0, 0, a);
		} else if (!strcmp(key, "suffix")) {
			free(L->suffix);
			L->suffix = lp_xstrdup(rest);
		} else if (!strcmp(key, "from")) {
			slot = &L->from;
		} else if (!strcmp(key, "range")) {
			slot = &L->range;
		} else if (!strcmp(key, "tier")) {
			slot = &L->tier;
		} else if (!strcmp(key, "adjacent")) {
			slot = &L->adjacent;
		} else if (!strcmp(key, "more")) {
			slot = &L->more;
		} else if (!strcmp(key, "between")) {
			slot = &L->between;
		} else if (!strcmp(key, "joiner")) {
			slot = &L->joiner;
		} else if (!strcmp(key, "aside")) {
			slot = &L->aside;
		} else if (!strcmp(key, "same")) {
			slot = &L->same;
		} else if (!strcmp(key, "example") || !strcmp(key, "group")) {
			struct lp_buf t = { 0 };
			lp_buf_add(&t, L->code, strlen(L->code));
			lp_buf_addc(&t, '\t');
			lp_buf_add(&t, rest, strlen(rest) + 1);
			v->ex = lp_xrealloc(v->ex, (v->nex + 1) * sizeof *v->ex);
			v->ex[v->nex].text = t.p;
			v->ex[v->nex].file = (char *)path;
			v->ex[v->nex].line = lineno;
			v->ex[v->nex].grouped = key[0] == 'g';
			v->nex++;
		} else {
			lp_warn("%s:%d: unknown key '%s'", path, lineno, key);
			errs++;
		}
		if (slot) {
			pcre2_code_free(*slot);
			if (!strcmp(key, "from")) {
				struct lp_buf b = { 0 };
				lp_buf_add(&b, "(?:", 3);
				lp_buf_add(&b, rest, strlen(rest));
				lp_buf_add(&b, ")$", 3);
				*slot = compile(b.p, path, lineno, FLOATING);
				lp_buf_free(&b);
			} else if (!strcmp(key, "joiner") || !strcmp(key, "between") || !strcmp(key, "same")) {
				*slot = compile(rest, path, lineno, ANCHORED);
			} else {
				*slot = compile_whole(rest, path, lineno);
			}
			if (!*slot)
				errs++;
		}
	}
	free(line);
	fclose(fp);
	return errs;
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct lp_numvoc *
lp_numvoc_load(const char *dir)
{
	struct lp_numvoc *v = lp_xmalloc(sizeof *v);
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, i;
	int errs = 0;

	memset(v, 0, sizeof *v);
	if (!d) {
		lp_warn("%s:", dir);
		free(v);
		return NULL;
	}
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l > 4 && !strcmp(e->d_name + l - 4, ".voc") && e->d_name[0] != '.') {
			names = lp_xrealloc(names, (n + 1) * sizeof *names);
			names[n++] = lp_xstrdup(e->d_name);
		}
	}
	closedir(d);
	if (n) /* qsort(NULL, 0) is undefined */
		qsort(names, n, sizeof *names, cmpstr);
	for (i = 0; i < n; i++) {
		size_t pl = strlen(dir) + strlen(names[i]) + 2;
		char *path = lp_xmalloc(pl);
		snprintf(path, pl, "%s/%s", dir, names[i]);
		errs += load_file(v, path);
		free(path);
		free(names[i]);
	}
	free(names);
	for (i = 0; i < v->nlang; i++) {
		struct vlang *L = &v->lang[i];
		const char *f = L->file;
		struct lp_buf b = { 0 };

		errs += ws_compile(&L->num, L->suffix, 0, f);
		errs += ws_compile(&L->unit, NULL, 0, f);
		errs += ws_compile(&L->prefix, NULL, 1, f);
		/* digits: groups of three with one consistent separator, or a
		 * plain run, then an optional decimal part (for "1,5 млн") */
		{
			static const char dig[] = "(?:\\d{1,3}(?:([ \\x{a0}\\x{202f}.,])\\d{3}(?!\\d))(?:\\1\\d{3}(?!\\d))*"
			                          "|\\d+)(?<frac>[.,]\\d+(?!\\d))?";
			lp_buf_add(&b, dig, strlen(dig));
		}
		if (L->suffix) {
			lp_buf_add(&b, "(?:-?(?:", 8);
			lp_buf_add(&b, L->suffix, strlen(L->suffix));
			lp_buf_add(&b, "))?", 3);
		}
		lp_buf_add(&b, "(?![\\p{L}\\p{N}])", 17);
		if (!(L->digits = compile(b.p, f, 0, ANCHORED)))
			errs++;
		lp_buf_free(&b);
	}
	v->md = pcre2_match_data_create(32, NULL);
	if (errs) {
		lp_numvoc_free(v);
		return NULL;
	}
	return v;
}

void
lp_numvoc_free(struct lp_numvoc *v)
{
	size_t i;

	if (!v)
		return;
	for (i = 0; i < v->nlang; i++) {
		struct vlang *L = &v->lang[i];
		ws_free(&L->num);
		ws_free(&L->unit);
		ws_free(&L->prefix);
		free(L->suffix);
		pcre2_code_free(L->digits);
		pcre2_code_free(L->from);
		pcre2_code_free(L->range);
		pcre2_code_free(L->tier);
		pcre2_code_free(L->adjacent);
		pcre2_code_free(L->more);
		pcre2_code_free(L->between);
		pcre2_code_free(L->joiner);
		pcre2_code_free(L->aside);
		pcre2_code_free(L->same);
	}
	for (i = 0; i < v->nex; i++)
		free(v->ex[i].text);
	free(v->ex);
	for (i = 0; i < v->nfiles; i++)
		free(v->files[i]);
	free(v->files);
	pcre2_match_data_free(v->md);
	free(v);
}

/* ---- matching ---- */

static const struct vlang *
vlang(const struct lp_numvoc *v, const char *lang)
{
	size_t i;

	for (i = 0; i < v->nlang; i++)
		if (!strcmp(v->lang[i].code, lang))
			return &v->lang[i];
	return NULL;
}

/* Match of re (compiled ANCHORED) at s[off]; returns the end offset or
 * (size_t)-1. */
static size_t
amatch(const struct lp_numvoc *v, const pcre2_code *re, const char *s, size_t n, size_t off)
{
	int rc;

	if (!re)
		return (size_t)-1;
	rc = pcre2_match(re, (PCRE2_SPTR)s, n, off, PCRE2_NO_UTF_CHECK, v->md, NULL);
	if (rc <= 0)
		return (size_t)-1;
	return pcre2_get_ovector_pointer(v->md)[1];
}

/* Match a word set at s[off]: the entry, and the end offset. */
static const struct entry *
wmatch(const struct lp_numvoc *v, const struct wordset *w, const char *s, size_t n, size_t off,
       size_t *end)
{
	PCRE2_SPTR mark;
	size_t k;

	if (!w->re || (*end = amatch(v, w->re, s, n, off)) == (size_t)-1)
		return NULL;
	mark = pcre2_get_mark(v->md);
	if (!mark)
		return NULL;
	k = (size_t)strtoul((const char *)mark, NULL, 10);
	return k < w->n ? &w->e[k] : NULL;
}

static int
whole(const struct lp_numvoc *v, const pcre2_code *re, const char *s, size_t n)
{
	return re && pcre2_match(re, (PCRE2_SPTR)s, n, 0, PCRE2_NO_UTF_CHECK, v->md, NULL) > 0;
}

static int
is_space(const char *s, size_t n, size_t i, int *len)
{
	uint32_t c;

	if (i >= n)
		return 0;
	if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
		*len = 1;
		return 1;
	}
	c = lp_u8dec(s + i, n - i, len);
	return c == 0xa0 || c == 0x202f;
}

static size_t
skip_spaces(const char *s, size_t n, size_t i)
{
	int l;

	while (is_space(s, n, i, &l))
		i += (size_t)l;
	return i;
}

static int
classof(const struct entry *e)
{
	if (e->mul)
		return C_MUL;
	if (e->val < 10)
		return C_ONES;
	if (e->val < 20 && e->val != 10)
		return C_TEEN;
	if (e->val < 100)
		return C_TENS;
	return C_HUNDREDS;
}

/* A digit number at off: value (with decimal part scaled by a following
 * multiplier), end offset; returns 0 when there is none. */
static int
digits_at(const struct lp_numvoc *v, const struct vlang *L, const char *s, size_t n, size_t off,
          long long *val, size_t *endp, long long *scale)
{
	size_t end = amatch(v, L->digits, s, n, off), i, fs = (size_t)-1, fe = 0, e2, p;
	PCRE2_SIZE *ov;
	long long ip = 0, frac = 0, fdiv = 1;
	int fg;
	const struct entry *m;

	if (end == (size_t)-1)
		return 0;
	ov = pcre2_get_ovector_pointer(v->md);
	fg = pcre2_substring_number_from_name(L->digits, (PCRE2_SPTR) "frac");
	if (fg > 0 && ov[2 * fg] != PCRE2_UNSET) {
		fs = ov[2 * fg];
		fe = ov[2 * fg + 1];
	}
	for (i = off; i < end && i != fs; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			if (ip > SCALE_MAX)
				return 0;
			ip = ip * 10 + (s[i] - '0');
		} else if (!strchr(" .,", s[i]) && (unsigned char)s[i] < 0x80) {
			break; /* a kk suffix */
		}
	}
	if (fs != (size_t)-1)
		for (i = fs + 1; i < fe && fdiv < 1000000; i++) {
			frac = frac * 10 + (s[i] - '0');
			fdiv *= 10;
		}
	*scale = 0;
	/* "4 миллиона", "1,5 млн", "1.2 million" */
	p = skip_spaces(s, n, end);
	if ((m = wmatch(v, &L->num, s, n, p, &e2)) && m->mul && m->val >= 1000) {
		*val = ip * m->val + frac * m->val / fdiv;
		*endp = e2;
		*scale = m->val;
		return 1;
	}
	*val = ip;
	*endp = end;
	return 1;
}

/* A number in words at off. */
static int
words_at(const struct lp_numvoc *v, const struct vlang *L, const char *s, size_t n, size_t off,
         long long *val, size_t *endp, long long *scale)
{
	long long total = 0, cur = 0, lastscale = 0;
	int last = C_START, any = 0;
	size_t p = off, e, end = off;

	for (;;) {
		const struct entry *t = wmatch(v, &L->num, s, n, p, &e);
		int c;

		if (!t)
			break;
		c = classof(t);
		if (c == C_MUL && t->val < 1000) { /* hundred */
			if (!(last == C_START || last == C_ONES) || cur >= 10)
				break;
			cur = (cur ? cur : 1) * t->val;
		} else if (c == C_MUL) {
			if (lastscale && t->val >= lastscale)
				break;
			cur = (cur ? cur : 1) * t->val;
			total += cur;
			cur = 0;
			lastscale = t->val;
		} else if (c == C_ONES) {
			if (cur % 10 || last == C_ONES || last == C_TEEN)
				break;
			cur += t->val;
		} else if (c == C_TEEN || c == C_TENS) {
			if (cur % 100 || last == C_ONES || last == C_TEEN || last == C_TENS)
				break;
			cur += t->val;
		} else {
			if (cur % 1000 || !(last == C_START || (last == C_MUL && lastscale)))
				break;
			cur += t->val;
		}
		/* after "hundred" the number goes on as after "двести" */
		last = c == C_MUL && t->val < 1000 ? C_HUNDREDS : c;
		any = 1;
		end = e;
		{
			/* a case ending closes a Kazakh numeral: "бес жүзден | бір мың" */
			int sg = pcre2_substring_number_from_name(L->num.re, (PCRE2_SPTR) "sfx");
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(v->md);
			if (sg > 0 && ov[2 * sg] != PCRE2_UNSET && ov[2 * sg + 1] > ov[2 * sg])
				break;
		}
		/* what may stand between two number words */
		p = skip_spaces(s, n, e);
		if (p == e && e < n && s[e] == '-')
			p = e + 1;
		else if (L->joiner) {
			size_t je = amatch(v, L->joiner, s, n, p);
			if (je != (size_t)-1 && je > p)
				p = skip_spaces(s, n, je);
		}
		if (p == e)
			break;
	}
	if (!any)
		return 0;
	*val = total + cur;
	*endp = end;
	*scale = cur == 0 ? lastscale : 0;
	return 1;
}

static int
word_start(const char *s, size_t i)
{
	int l;
	uint32_t c;
	size_t j = i;

	if (i == 0)
		return 1;
	while (j > 0 && ((unsigned char)s[j - 1] & 0xc0) == 0x80)
		j--;
	if (j > 0)
		j--;
	c = lp_u8dec(s + j, i - j, &l);
	return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) ||
	       c == 0xa0 || c == 0x202f || c == 0xab || c == 0xbb || c == 0x2013 || c == 0x2014 ||
	       c == 0x2019 || c == 0x20ac;
}

size_t
lp_number_at(const struct lp_numvoc *v, const char *lang, const char *s, size_t n, size_t off,
             long long *val)
{
	const struct vlang *L = vlang(v, lang);
	size_t end;
	long long scale;

	if (!L)
		return off;
	if (digits_at(v, L, s, n, off, val, &end, &scale) || words_at(v, L, s, n, off, val, &end, &scale))
		return end;
	return off;
}

/* The amount starting at off, if any. */
static int
amount_at(const struct lp_numvoc *v, const struct vlang *L, const char *s, size_t n, size_t off,
          struct lp_amount *a)
{
	const struct entry *u = NULL, *pre;
	size_t e, p = off;
	long long val, scale, s2;

	memset(a, 0, sizeof *a);
	/* "USD 623,000", "$2,500", "€50,000" */
	if ((pre = wmatch(v, &L->prefix, s, n, off, &e)))
		p = skip_spaces(s, n, e);
	if (!digits_at(v, L, s, n, p, &val, &e, &scale) && !words_at(v, L, s, n, p, &val, &e, &scale))
		return 0;
	a->start = off;
	a->lo = a->hi = val;
	a->scale = scale;
	if (L->from && whole(v, L->from, s + p, e - p))
		a->from = 1;
	a->end = e;
	if (pre) {
		a->unit = pre->code;
		return 1;
	}
	p = skip_spaces(s, n, e);
	if (p < n && s[p] == '(') {
		/* "10 (десять) суток", "пятьдесят (50) МРП": the number again, in brackets */
		long long again;
		size_t q = skip_spaces(s, n, p + 1), qe;
		if ((digits_at(v, L, s, n, q, &again, &qe, &s2) || words_at(v, L, s, n, q, &again, &qe, &s2)) &&
		    again == val && (qe = skip_spaces(s, n, qe)) < n && s[qe] == ')') {
			a->end = qe + 1;
			p = skip_spaces(s, n, qe + 1);
		}
	}
	if (!(u = wmatch(v, &L->unit, s, n, p, &e)) && L->between) {
		/* "жиырмаға дейінгі АЕК": a word between the number and its unit */
		size_t be = amatch(v, L->between, s, n, p);
		if (be != (size_t)-1 && be > p) {
			p = skip_spaces(s, n, be);
			u = wmatch(v, &L->unit, s, n, p, &e);
		}
	}
	if (u) {
		a->unit = u->code;
		a->end = e;
		if (L->from && whole(v, L->from, s + p, e - p))
			a->from = 1;
	}
	return 1;
}

size_t
lp_amounts_scan(const struct lp_numvoc *v, const char *lang, const char *s, size_t n,
                struct lp_amount *out, size_t max)
{
	const struct vlang *L = vlang(v, lang);
	size_t i = 0, k = 0, j;

	if (!L || !max)
		return 0;
	while (i < n && k < max) {
		struct lp_amount a;
		if (word_start(s, i) && amount_at(v, L, s, n, i, &a)) {
			out[k++] = a;
			i = a.end;
			continue;
		}
		i += (size_t)lp_u8len((unsigned char)s[i]);
	}
	/* join ranges: "от десяти до пятнадцати", "бестен жиырмаға", "2-7" */
	for (i = 0; i + 1 < k; i++) {
		struct lp_amount *x = &out[i], *y = &out[i + 1];
		const char *gap = s + x->end;
		size_t gl = y->start - x->end;
		long long lo;
		int join;

		if (x->unit && y->unit && strcmp(x->unit, y->unit))
			continue;
		join = whole(v, L->range, gap, gl);
		if (!join && x->from) {
			size_t q = skip_spaces(gap, gl, 0);
			join = q == gl;
		}
		if (!join)
			continue;
		/* "от двух до трех миллионов": the scale of the end is the start's too */
		lo = x->lo;
		if (!x->scale && y->scale && !x->unit && lo < 1000000 && lo * y->scale <= y->lo)
			lo *= y->scale;
		if (y->lo <= lo)
			continue;
		x->lo = lo;
		x->hi = y->hi;
		x->end = y->end;
		if (!x->unit)
			x->unit = y->unit;
		x->from = 0;
		for (j = i + 1; j + 1 < k; j++)
			out[j] = out[j + 1];
		k--;
	}
	return k;
}

size_t
lp_amounts_group(const struct lp_numvoc *v, const char *lang, const char *s,
                 const struct lp_amount *a, size_t na, struct lp_amount_group *g, size_t max)
{
	const struct vlang *L = vlang(v, lang);
	size_t i, ng = 0, pend = 0, npend = 0;

	if (!L)
		return 0;
	for (i = 0; i < na && ng < max; i++) {
		int linked = npend && whole(v, L->tier, s + a[i - 1].end, a[i].start - a[i - 1].end);

		if (!linked)
			npend = 0;
		if (!a[i].unit) {
			if (!npend)
				pend = i;
			npend++;
			continue;
		}
		if (!npend)
			pend = i;
		g[ng].first = pend;
		g[ng].n = i - pend + 1;
		g[ng].start = a[pend].start;
		g[ng].end = a[i].end;
		g[ng].unit = a[i].unit;
		ng++;
		npend = 0;
	}
	return ng;
}

void
lp_amount_format(const struct lp_amount *a, const char *unit, char *buf, size_t cap)
{
	if (!unit)
		unit = a->unit;
	if (a->lo == a->hi)
		snprintf(buf, cap, "%lld%s%s", a->lo, unit ? " " : "", unit ? unit : "");
	else
		snprintf(buf, cap, "%lld-%lld%s%s", a->lo, a->hi, unit ? " " : "", unit ? unit : "");
}

int
lp_numvoc_adjacent(const struct lp_numvoc *v, const char *lang, const char *gap, size_t n)
{
	const struct vlang *L = vlang(v, lang);

	return L && whole(v, L->adjacent, gap, n);
}

int
lp_numvoc_more_gap(const struct lp_numvoc *v, const char *lang, const char *gap, size_t n)
{
	const struct vlang *L = vlang(v, lang);

	return L && whole(v, L->more, gap, n);
}

int
lp_numvoc_aside_gap(const struct lp_numvoc *v, const char *lang, const char *gap, size_t n)
{
	const struct vlang *L = vlang(v, lang);

	return L && whole(v, L->aside, gap, n);
}

size_t
lp_numvoc_same(const struct lp_numvoc *v, const char *lang, const char *s, size_t n)
{
	const struct vlang *L = vlang(v, lang);
	size_t e;

	if (!L || (e = amatch(v, L->same, s, n, 0)) == (size_t)-1)
		return 0;
	return e;
}

int
lp_numvoc_check(const struct lp_numvoc *v, int verbose)
{
	size_t i, j, k;
	int fails = 0;

	for (i = 0; i < v->nex; i++) {
		const struct example *x = &v->ex[i];
		char *lang = x->text, *text = strchr(lang, '\t') + 1, *arrow = strstr(text, " => ");
		struct lp_amount a[64];
		struct lp_amount_group g[64];
		struct lp_buf got = { 0 };
		size_t na, ng, tl;
		char buf[96];

		if (!arrow) {
			lp_note("%s:%d: example without ' => expected'", x->file, x->line);
			fails++;
			continue;
		}
		tl = (size_t)(arrow - text);
		{
			char code[8];
			snprintf(code, sizeof code, "%.*s", (int)(text - 1 - lang), lang);
			na = lp_amounts_scan(v, code, text, tl, a, 64);
			if (x->grouped) {
				ng = lp_amounts_group(v, code, text, a, na, g, 64);
				for (j = 0; j < ng; j++)
					for (k = g[j].first; k < g[j].first + g[j].n; k++) {
						lp_amount_format(&a[k], g[j].unit, buf, sizeof buf);
						if (got.len)
							lp_buf_add(&got, "; ", 2);
						lp_buf_add(&got, buf, strlen(buf));
					}
			} else {
				for (j = 0; j < na; j++) {
					lp_amount_format(&a[j], NULL, buf, sizeof buf);
					if (got.len)
						lp_buf_add(&got, "; ", 2);
					lp_buf_add(&got, buf, strlen(buf));
				}
			}
		}
		lp_buf_addc(&got, '\0');
		if (strcmp(got.p, arrow + 4)) {
			lp_note("%s:%d: example \"%.*s\": want [%s], got [%s]", x->file, x->line, (int)tl, text,
			        arrow + 4, got.p);
			fails++;
		} else if (verbose) {
			printf("ok %s:%d\n", x->file, x->line);
		}
		lp_buf_free(&got);
	}
	return fails;
}
