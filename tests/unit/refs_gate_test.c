/*
 * refs_gate_test.c - the refs candidate gate (refs_gate.c) against plain
 * PCRE2: every lexeme and act mention found by the gated scan must be the
 * one a scan at every position finds (same spans, same order, same sense
 * or act), on the real patterns/refs and on rule sets written here; the
 * gate's case fold must join every pair of characters below U+0800 that
 * PCRE2 matches caselessly; constructs the gate does not know must turn it
 * off; and it must actually leave most positions out.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "refs.h"
#include "refs_load.h"
#include "tap.h"

/* lexemes and mentions of s, gated or not, as one comparable string */
static void
scan_all(struct refs_vocab *v, int ungated, const char *s, size_t n, struct lp_buf *out)
{
	struct refs_lexeme *lx = NULL;
	struct refs_mention *m = NULL;
	size_t lc = 0, mc = 0, k, i;
	int title;
	char t[96];

	v->ungated = ungated;
	out->len = 0;
	k = lp_refs_lex(v, s, n, "test", &lx, &lc);
	for (i = 0; i < k; i++) {
		int l = snprintf(t, sizeof t, "L%zu-%zu:%ld ", lx[i].s, lx[i].e, (long)(lx[i].v - v->senses));
		lp_buf_add(out, t, (size_t)l);
	}
	for (title = 0; title < 2; title++) {
		k = lp_refs_acts(v, title, s, n, "test", &m, &mc);
		for (i = 0; i < k; i++) {
			int l = snprintf(t, sizeof t, "A%d:%zu-%zu:%d:%d ", title, m[i].s, m[i].e, m[i].type, m[i].act);
			lp_buf_add(out, t, (size_t)l);
		}
	}
	free(lx);
	free(m);
}

static size_t compared, differ;

static void
same(struct refs_vocab *v, const char *s, size_t n)
{
	static struct lp_buf a, b;

	if (lp_u8valid(s, n) != n)
		return;
	scan_all(v, 0, s, n, &a);
	scan_all(v, 1, s, n, &b);
	compared++;
	if (a.len != b.len || (a.len && memcmp(a.p, b.p, a.len))) {
		if (differ++ < 5)
			fprintf(stderr, "# differ on \"%.*s\":\n#  gated   %.*s\n#  ungated %.*s\n", (int)(n > 200 ? 200 : n),
			        s, (int)a.len, a.p, (int)b.len, b.p);
	}
}

/* Every candidate of the lexicon and act gates is at a character boundary,
 * for s and for every tail of it, even one that starts inside a character. */
static size_t bad_boundaries;

static void
boundaries(struct refs_vocab *v, const char *s, size_t n)
{
	static struct refs_cands c[2];
	struct refs_gate *g[2] = { v->lex.gate, v->act.gate };
	size_t off, i, k;

	for (off = 0; off < n && off < 8; off++) {
		lp_refs_gates_walk(g, 2, s + off, n - off, c);
		for (k = 0; k < 2; k++)
			for (i = 0; i < c[k].n; i++)
				if (((unsigned char)s[off + c[k].pos[i]] & 0xc0) == 0x80)
					bad_boundaries++;
	}
}

static void
same_str(struct refs_vocab *v, const char *s)
{
	same(v, s, strlen(s));
}

/* Inputs chosen for the edges of the gate. */
static const char *const tricky[] = {
	"статья 5", "Статья 5.", "СТАТЬЯ 5", "сТаТьЯ 5", "статьёй 13-4", "СТАТЬЁЙ 13-4",
	"ст.ст. 27-29 КоАП", "ч. 2 ст. 355 КоАП РК", "п. 6 ст. 44", "пп. a) п. 2 ст. 19",
	"44-бабының 6-тармағы", "44-БАБЫНЫҢ 6-ТАРМАҒЫ", "102-1–102-3-баптары", "1) тармақшасы",
	"Қазақстан Республикасының «Саяси партиялар туралы» Заңының 5-бабы",
	"ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ КОНСТИТУЦИЯСЫ", "Ата Заңның 20-бабы", "ӘҚБтК 355-бабы",
	"Article 19 of the International Covenant on Civil and Political Rights",
	"ARTICLE 5 OF THE CRIMINAL CODE", "art. 44(6) of the Election Law", "Arts. 27 and 33",
	"Section 3 of Article 33 of the law on elections",
	/* letters right before a form: no match may start there */
	"Бапкер 5", "xстатья 5", "истатьи 5", "astatute", "Xarticle 5", "ЯКоАП", "articles5",
	/* a form at the very end and the very start */
	"статья", "статьи", "бап", "art.", "of", "и", "с", "по", "and", "to",
	/* quotes of every kind around act names */
	"Закон «О средствах массовой информации»", "Закон \"О средствах массовой информации\"",
	"Закон “О средствах массовой информации”", "Закон „О средствах массовой информации“",
	"«О средствах массовой информации»", "« О средствах массовой информации »",
	"Закона Республики Казахстан от 23 июля 1999 года № 451-I «О средствах массовой информации»",
	"the Law of the Republic of Kazakhstan \"On Political Parties\"",
	"Law No. 2-IV \"On Mass Media\"", "«Бұқаралық ақпарат құралдары туралы» Заңның 2-бабы",
	"2019 жылғы 5 шілдедегі № 123 «Бейбіт жиналыстарды ұйымдастыру және өткізу тәртібі туралы» Заң",
	/* characters PCRE2 folds to letters of the forms from afar */
	"\xc5\xbfubparagraph 3", "\xc5\xbf" "ection 5", "ARTICLE 5 of the Criminal \xe2\x84\xaa" "ode",
	"Constitution of the Republic of \xe2\x84\xaa" "azakhstan", "\xe1\xb2\x82 выборах",
	"Закон \xc2\xab\xe1\xb2\x82 средствах массовой информации\xc2\xbb", "\xc4\xb0" "n article 5",
	"\xc4\xb1n article 5", "Stra\xe1\xba\x9e" "e 5", "\xe2\x84\xab" "rticle 5", "\xce\x9c" "icro",
	"на\xe1\xb2\x83тоящей статьи 5", "по\xe1\xb2\x81пункт 2", "с\xe1\xb2\x84атья 5", "\xe1\xb2\x83татья 5",
	"ѕтатья 5", "Ѕтатья 5", "\xd2\x9b\xd2\x9a", "ӘҚБТК 355-БАБЫ",
	/* digits first, mixed scripts, supplementary and odd characters */
	"44-бап. Сайлау", "5-бабы", "ст.5", "ст.\t5", "art.\xc2\xa0" "5", "стаtья 5", "articlе 5",
	"\xf0\x9d\x90\x80rticle 5", "\xf0\x9f\x98\x80 статья 5", "\xe2\x80\x94статья 5", "№ 451-I",
	"статья\xe2\x80\x8b" "5", "(статья 5)", "[ст. 5]", "ст.ст.ст. 5", "Статья 5Статья 6",
	"Гражданский процессуальный кодекс", "Азаматтық процестік кодекс", "азаматтық ПРОЦЕСТІК кодексі",
	"Қылмыстық-процестік кодекс", "КОНСТИТУЦИЯ", "День Конституции", "Constitution Day",
	"", " ", "\t", "5", "«»", "\"\"", "-", "—",
	/* starts a deep look holds to six characters: short matches at the
	 * very end, numbers and spaces before a name, names cut short */
	"the same law", "the same Law.", "the said Law", "the said", "the sam", "the present Code", "this Code",
	"that law", "THAT LAW", "the  same\tlaw", "the same lawyer", "2019 жылғы 5 шілдедегі «Саяси партиялар туралы» Заң",
	"2019 жылғы", "2019 года", "2019  жылғы 5 шілдедегі № 12 «БАҚ туралы» Заңы", "201 жылғы", "20191 жылғы",
	"№ 12 «БАҚ туралы» Заң", "№12 «БАҚ туралы» заңы", "ҚР «Саяси партиялар туралы» Заңы", "ҚР  2019.01.02 № 5 заңы",
	"ҚК", "ҚК-нің 5-бабы", "УК", "УК РК", "ук", "КоАП", "Ата Заң", "Ата", "« О СМИ»", "\" О СМИ\"", "«»»", "« »",
	"Закон о СМИ", "Закон «о", "Закона «О средствах", "Law \"On Mass Media\"", "Law No. 5 \"On Mass\"",
	"Конституция", "Конституци", "Конституцияның", "ҚР Конституциясы", "Уголовно-процессуальный кодекс",
};

/* Fragments for random inputs. */
static const char *const frag[] = {
	"статья", "Статья", "СТАТЬИ", "ст.", "ст.ст.", "ч.", "пункт", "подпункта", "абзац", "главы",
	"части", "четвёртой", "первой", "и", "по", "с", "настоящей", "указанной", "далее", "года",
	"бап", "бабының", "тармағы", "тармақшасы", "бөлігі", "тарауы", "және", "осы", "туралы", "Заңның",
	"Конституции", "Конституциясының", "Кодекса", "КоАП", "УК", "РК", "ӘҚБтК", "ҚК", "Қазақстан",
	"Республикасының", "Республики", "Казахстан", "закон", "Закон", "ЗАКОНА", "кодекс",
	"article", "Article", "Art.", "section", "paragraph", "sub-paragraph", "of", "the", "and", "to",
	"Law", "Code", "Criminal", "Civil", "Procedure", "Constitution", "Republic", "Kazakhstan",
	"О", "средствах", "массовой", "информации", "выборах", "On", "Mass", "Media", "Elections",
	"44", "5", "13-4", "102-1", "1)", "a)", "2019", "№", "451-I", "No.", "процестік",
	"\xc5\xbf", "\xe2\x84\xaa", "\xe1\xb2\x82", "\xc4\xb0", "\xc4\xb1", "\xe2\x84\xab", "\xf0\x9d\x90\x80",
	"x", "Я", "ә", "Ө", "ң", "«", "»", "\"", "“", "”", "„", "'", "(", ")", ".", ",", ";", "—", "–",
	"same", "said", "present", "this", "that", "жылғы", "шілдедегі", "2019", "12", "БАҚ", "Заңы", "заң",
	"Саяси", "партиялар", "ҚР", "ҚК", "Ата", "СМИ", "Law", "Mass", "Media", "No.", "dated",
};

static const char *const sep[] = { " ", " ", " ", "", "-", ", ", "\t", "  ", "\xc2\xa0", "\n" };

static unsigned long rng = 88172645463325252UL;

static unsigned long
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void
random_inputs(struct refs_vocab *v, int count)
{
	struct lp_buf b = { 0 };
	int i, j;

	for (i = 0; i < count; i++) {
		int nf = 1 + (int)(next() % 14);
		b.len = 0;
		for (j = 0; j < nf; j++) {
			const char *f = frag[next() % (sizeof frag / sizeof *frag)];
			if (j) {
				const char *s = sep[next() % (sizeof sep / sizeof *sep)];
				lp_buf_add(&b, s, strlen(s));
			}
			lp_buf_add(&b, f, strlen(f));
		}
		same(v, b.p, b.len);
	}
	lp_buf_free(&b);
}

/* Every paragraph and every line of the texts matching pat under top. */
static size_t
texts(struct refs_vocab *v, const char *top, const char *pat, size_t *chars, size_t *tried)
{
	char path[4096];
	glob_t g;
	size_t i, files = 0;

	snprintf(path, sizeof path, "%s/%s", top, pat);
	if (glob(path, 0, NULL, &g))
		return 0;
	for (i = 0; i < g.gl_pathc; i++) {
		FILE *fp = fopen(g.gl_pathv[i], "rb");
		struct lp_buf t = { 0 };
		char buf[65536];
		size_t r, a, e;

		if (!fp)
			continue;
		while ((r = fread(buf, 1, sizeof buf, fp)) > 0)
			lp_buf_add(&t, buf, r);
		fclose(fp);
		files++;
		for (a = 0; a < t.len; a = e + 1) {
			for (e = a; e < t.len && t.p[e] != '\n'; e++)
				;
			same(v, t.p + a, e - a);
			if (v->lex.gate) {
				size_t before = lp_refs_gate_tried(v->lex.gate);
				struct refs_lexeme *lx = NULL;
				size_t cap = 0;
				v->ungated = 0;
				lp_refs_lex(v, t.p + a, e - a, "test", &lx, &cap);
				free(lx);
				*tried += lp_refs_gate_tried(v->lex.gate) - before;
				*chars += e - a;
			}
		}
		same(v, t.p, t.len); /* the whole text as one subject */
		lp_buf_free(&t);
	}
	globfree(&g);
	return files;
}

/* The fold joins whatever PCRE2 matches caselessly, below U+0800. */
static void
fold_check(struct refs_vocab *v)
{
	uint32_t a, b;
	size_t bad = 0, pairs = 0;
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	char ub[0x800][4];
	int lb[0x800];

	for (b = 0; b < 0x800; b++)
		lb[b] = lp_u8enc(b, ub[b]);
	for (a = 0; a < 0x800; a++) {
		char re[32];
		int err;
		PCRE2_SIZE off;
		pcre2_code *c;

		snprintf(re, sizeof re, "\\x{%x}", (unsigned)a);
		c = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED,
		                  PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_ANCHORED, &err, &off, NULL);
		if (!c) {
			bad++;
			continue;
		}
		pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);
		for (b = 0; b < 0x800; b++)
			if (a != b && pcre2_match(c, (PCRE2_SPTR)ub[b], (size_t)lb[b], 0, 0, md, NULL) > 0) {
				pairs++;
				if (lp_refs_chars_fold(v->chars, a) != lp_refs_chars_fold(v->chars, b)) {
					if (bad++ < 5)
						fprintf(stderr, "# PCRE2 matches U+%04X and U+%04X; the fold parts them\n",
						        (unsigned)a, (unsigned)b);
				}
			}
		pcre2_code_free(c);
	}
	pcre2_match_data_free(md);
	check(bad == 0 && pairs > 500, "refs gate: the fold joins every caseless pair below U+0800");
}

/* A small set with one act regex; whether its act alternation is gated,
 * and whether gated and plain agree on the inputs. */
static void
small_set(const char *act_regex, int gated, const char *const *inputs, const char *name)
{
	struct lp_rules rs;
	struct refs_vocab v;
	char text[1024];
	size_t before = differ;
	int i;

	snprintf(text, sizeof text,
	         "rule u\nkind unit\nlevel art\nlang ru\nforms статья ст.\nexample a => -\n"
	         "rule a\nkind act\nid x\nregex %s\nexample a => -\n", act_regex);
	if (load_text(text, &v, &rs)) {
		check(0, name);
		lp_rules_free(&rs);
		return;
	}
	for (i = 0; inputs[i]; i++)
		same_str(&v, inputs[i]);
	random_inputs(&v, 300);
	check((v.act.gate != NULL) == gated && differ == before, name);
	lp_refs_vocab_free(&v);
	lp_rules_free(&rs);
}

int
main(int argc, char **argv)
{
	const char *top = argc > 1 ? argv[1] : ".";
	char dir[4096];
	struct lp_rules rs;
	struct refs_vocab v;
	size_t i, before, chars = 0, tried = 0, files;

	snprintf(dir, sizeof dir, "%s/patterns/refs", top);
	check(lp_rules_load(dir, &rs) == 0 && lp_refs_vocab_load(&v, &rs) == 0, "refs gate: patterns/refs loads");
	check(v.lex.gate && v.act.gate && v.title.gate, "refs gate: all three alternations of patterns/refs are gated");

	fold_check(&v);

	before = differ;
	for (i = 0; i < sizeof tricky / sizeof *tricky; i++)
		same_str(&v, tricky[i]);
	check(differ == before, "refs gate: tricky inputs (case, Kazakh, quotes, word edges, far folds) as plain PCRE2");
	for (i = 0; i < sizeof tricky / sizeof *tricky; i++) {
		boundaries(&v, tricky[i], strlen(tricky[i]));
		/* a tail from inside a character, as refs.c looks inside a title */
		if (strlen(tricky[i]) > 1)
			same(&v, tricky[i] + 1, strlen(tricky[i]) - 1);
	}
	check(bad_boundaries == 0 && differ == before,
	      "refs gate: candidates only at character boundaries, also in a subject cut inside a character");

	before = differ;
	random_inputs(&v, 20000);
	check(differ == before, "refs gate: 20000 random inputs as plain PCRE2");

	before = differ;
	files = texts(&v, top, "tests/gold/*/*.txt", &chars, &tried);
	files += texts(&v, top, "tests/holdout/*/*.txt", &chars, &tried);
	check(differ == before && files > 10, "refs gate: gold and held-out texts, line by line and whole, as plain PCRE2");
	check(chars > 10000 && tried * 8 < chars, "refs gate: the lexicon is tried at fewer than one byte in eight");
	printf("# %zu subjects compared; lexicon tried at %zu of %zu bytes\n", compared, tried, chars);
	{
		/* the deep look: act candidates of the same texts, and how
		 * many of them it kept from PCRE2 */
		size_t cand = lp_refs_gate_tried(v.act.gate), rej = v.act.deeprej;
		check(v.act.deep && !v.lex.deep && rej * 4 > cand,
		      "refs gate: the deep look keeps over a quarter of the act candidates from PCRE2");
		printf("# act candidates %zu, turned away by the deep look %zu\n", cand, rej);
	}
	lp_refs_vocab_free(&v);
	lp_rules_free(&rs);

	{
		static const char *const in[] = { "Гражданский процессуальный кодекс", "азаматтық процестік кодексі",
		                                  "процестік кодекс", "ст. 5 азаматтық ПРОЦЕСТІК кодексінің", "кодекс", NULL };
		small_set("\\p{L}+\\s+процестік\\s+кодекс\\p{L}*", 1, in,
		          "refs gate: an alternative led by any letter counts where its literal is");
	}
	{
		static const char *const in[] = { "aa статья 5", "ab", "статья 5 aa", NULL };
		small_set("(a)\\1", 0, in, "refs gate: a back reference turns the gate off");
		small_set("x?", 0, in, "refs gate: an alternative matching the empty string turns the gate off");
		small_set("(?x) a b", 0, in, "refs gate: (?x) turns the gate off");
		small_set("a(*COMMIT)b|ab", 0, in, "refs gate: (*COMMIT) turns the gate off");
	}
	{
		static const char *const in[] = { "2019 жылғы x", "2019 жылы x", "201 жылғы x", "20190 жылғы x",
		                                  "2019  жылғы   x", "2019 жылғы", "2019 жылғы xy", "1 2019 жылғы x",
		                                  "ab-1", "ab-12", "ab-", "ab-1x", "ab--1", "Ab-9 ab-3", NULL };
		small_set("\\d{4}\\s+жылғы\\s+x|ab-\\d{1,2}", 1, in,
		          "refs gate: counted repeats and short matches at the end, deep look and all, as plain PCRE2");
	}
	{
		static const char *const in[] = { "«Закон» 5", "[x] статья", "Q-7 статья", "q-7", "ab-", "\xe2\x84\xaa-1",
		                                  "k-1", "K-12 k-x", "№ 5", "№5", NULL };
		small_set("[«\"“„](?:Закон|x)[»\"”“]|-\\d|k-\\d+|\\x{2116}\\s*\\d", 1, in,
		          "refs gate: classes, escapes and optional starts as plain PCRE2");
	}
	return fails != 0;
}
