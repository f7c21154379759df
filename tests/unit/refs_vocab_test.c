/*
 * refs_vocab_test.c - the reference engine's vocabulary notation and
 * lexicon (refs_vocab.c) on the real patterns/refs, and on small rule sets
 * written here for the edges: longest form first, е/ё alike, plural and
 * singular senses, macros, act names, and errors with their line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "refs.h"
#include "refs_load.h"
#include "tap.h"

/* The sense of the first lexeme of s, or NULL; *len gets its length. */
static const struct refs_sense *
first(struct refs_vocab *v, const char *s, size_t *len)
{
	struct refs_lexeme *lx = NULL;
	size_t cap = 0, n = lp_refs_lex(v, s, strlen(s), "test", &lx, &cap);
	const struct refs_sense *r = NULL;

	if (n > 0) {
		r = lx[0].v;
		if (len)
			*len = lx[0].e - lx[0].s;
	}
	free(lx);
	return r;
}

static int
act_of(struct refs_vocab *v, const char *s, size_t *start, size_t *end)
{
	struct refs_mention *m = NULL;
	size_t cap = 0, n = lp_refs_acts(v, 0, s, strlen(s), "test", &m, &cap);
	int act = -2;

	if (n > 0) {
		act = m[0].type == AM_ACT ? m[0].act : -1;
		*start = m[0].s;
		*end = m[0].e;
	}
	free(m);
	return act;
}

int
main(int argc, char **argv)
{
	char dir[4096];
	struct lp_rules rs;
	struct refs_vocab v;
	const struct refs_sense *s;
	size_t len = 0, a, e;
	int act;

	snprintf(dir, sizeof dir, "%s/patterns/refs", argc > 1 ? argv[1] : ".");
	check(lp_rules_load(dir, &rs) == 0, "refs vocab: patterns/refs loads");
	check(lp_refs_vocab_load(&v, &rs) == 0, "refs vocab: patterns/refs compiles");

	s = first(&v, "ст.ст. 27", &len);
	check(s && s->kind == VX_UNIT && s->lv == LV_ART && s->plural && len == strlen("ст.ст."),
	      "refs vocab: ст.ст. is one plural form, before ст.");
	s = first(&v, "статьёй 5", NULL);
	check(s && s->lv == LV_ART && s->singular, "refs vocab: ё matches a form written with е");
	s = first(&v, "СТАТЬИ 5", NULL);
	check(s && s->lv == LV_ART && !s->singular && !s->plural, "refs vocab: caseless; статьи is ambiguous");
	s = first(&v, "1) тармақшасы", &len);
	check(s && s->lv == LV_POINT && s->kk && len == strlen("тармақшасы"),
	      "refs vocab: тармақшасы is a point, not тармақ");
	s = first(&v, "44-бабының", NULL);
	check(s && s->lv == LV_ART && s->kk, "refs vocab: a Kazakh form after the hyphen");
	check(first(&v, "Бапкер", NULL) == NULL, "refs vocab: no form inside a longer word");
	s = first(&v, "части четвёртой", NULL);
	check(s && s->kind == VX_UNIT, "refs vocab: unit before its ordinal");
	{
		struct refs_lexeme *lx = NULL;
		size_t cap = 0, n = lp_refs_lex(&v, "части четвёртой", strlen("части четвёртой"), "t", &lx, &cap);
		check(n == 2 && lx[1].v->kind == VX_ORD && lx[1].v->ord == 4, "refs vocab: четвёртой is 4");
		free(lx);
	}
	s = first(&v, "Paragraph", NULL);
	check(s && s->lv == LV_PARA && s->under == LV_AL, "refs vocab: an English paragraph in a part is an al");

	act = act_of(&v, "Закона Республики Казахстан от 23 июля 1999 года № 451-I «О средствах массовой информации» и", &a, &e);
	check(act >= 0 && !strcmp(v.acts[act], "kz-media") && a == 0 &&
	      e == strlen("Закона Республики Казахстан от 23 июля 1999 года № 451-I «О средствах массовой информации»"),
	      "refs vocab: an act name with its date, number and quotes");
	act = act_of(&v, "законодательство о средствах массовой информации", &a, &e);
	check(act == -2, "refs vocab: legislation is no act");
	act = act_of(&v, "Гражданским процессуальным кодексом", &a, &e);
	check(act == -1, "refs vocab: an act outside the catalogue is an unknown act");
	act = act_of(&v, "День Конституции", &a, &e);
	check(act == -2, "refs vocab: Constitution Day is no act");
	lp_refs_vocab_free(&v);
	lp_rules_free(&rs);

	/* the edges, on rule sets of our own */
	check(load_text("rule m\nkind macro\nname X\nregex x(\nexample a => -\n", &v, &rs) > 0,
	      "refs vocab: a broken macro regex is an error");
	lp_refs_vocab_free(&v);
	lp_rules_free(&rs);
	check(load_text("rule a\nkind act\nid z\nen {Nope} thing\nexample a => -\n", &v, &rs) > 0,
	      "refs vocab: an unknown macro is an error");
	lp_refs_vocab_free(&v);
	lp_rules_free(&rs);
	check(load_text("rule u\nkind unit\nlevel nope\nforms x\nexample a => -\n", &v, &rs) > 0,
	      "refs vocab: a unit needs a known level");
	lp_refs_vocab_free(&v);
	lp_rules_free(&rs);
	check(load_text("rule u\nkind unit\nlevel art\nlang en\nforms cl.(a|b)?\nexample a => -\n", &v, &rs) == 0,
	      "refs vocab: groups in forms compile");
	s = first(&v, "cl.b 5", &len);
	check(s && len == 4, "refs vocab: an optional group is taken when it is there");
	s = first(&v, "cl. 5", &len);
	check(s && len == 3, "refs vocab: and left out when it is not");
	lp_refs_vocab_free(&v);
	lp_rules_free(&rs);
	/* forms grouped by their letters, level after level: the order
	 * within a group stays, so the longer of two forms that both match
	 * at one place still wins */
	check(load_text("rule u\nkind unit\nlevel art\nlang en\nforms abd.-c abd. abx abe.-x ab.-c ab.\n"
	                "example a => -\n", &v, &rs) == 0, "refs vocab: forms sharing letters compile");
	s = first(&v, "abd.-c 5", &len);
	check(s && len == 6, "refs vocab: the longer form first inside a group of three letters");
	s = first(&v, "ab.-c 5", &len);
	check(s && len == 5, "refs vocab: the longer form first inside a group of two letters");
	s = first(&v, "abd. 5", &len);
	check(s && len == 4, "refs vocab: the shorter one where the longer is not");
	s = first(&v, "abx 5", &len);
	check(s && len == 3, "refs vocab: a sibling letter in the same group");
	check(first(&v, "abdx 5", &len) == NULL, "refs vocab: no form inside a longer word, grouped");
	lp_refs_vocab_free(&v);
	lp_rules_free(&rs);
	return fails != 0;
}
