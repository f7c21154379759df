/*
 * prefilter_test.c - the literals the prefilter takes from regexes, and its
 * answers on paragraphs: never "no" where the regex could match.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "prefilter.h"
#include "rx.h"

static int fails;

/* Whether a search from `from` may find a match: the window answer is 0
 * only when none can start at or after from. */
static int
may_match(const void *re, const char *s, size_t len, size_t from)
{
	size_t a, b;

	return lp_prefilter_window(re, s, len, from, &a, &b) != 0;
}

static void
lits(const char *name, const char *re, const char *want)
{
	char got[1024];

	lp_prefilter_literals(re, got, sizeof got);
	if (strcmp(got, want)) {
		printf("not ok - %s\n", name);
		fprintf(stderr, "  regex %s\n  want [%s]\n  got  [%s]\n", re, want, got);
		fails++;
	} else {
		printf("ok - %s\n", name);
	}
}

/* may NAME REGEX TEXT FROM WANT: the filter's answer, and PCRE2's own
 * verdict must not be a match where the filter says no */
static void
may(const char *name, const char *re, const char *text, size_t from, int want)
{
	int err, got, real;
	PCRE2_SIZE eoff;
	pcre2_code *c = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP, &err, &eoff, NULL);
	pcre2_match_data *md = pcre2_match_data_create(4, NULL);

	lp_prefilter_add(c, re, NULL);
	lp_prefilter_para(text, strlen(text));
	got = may_match(c, text, strlen(text), from);
	real = pcre2_match(c, (PCRE2_SPTR)text, strlen(text), from, 0, md, NULL) > 0;
	lp_prefilter_para(NULL, 0);
	lp_prefilter_forget(c);
	if (got != want || (real && !got)) {
		printf("not ok - %s\n", name);
		fprintf(stderr, "  want %d, got %d, pcre2 %d\n", want, got, real);
		fails++;
	} else {
		printf("ok - %s\n", name);
	}
	pcre2_match_data_free(md);
	pcre2_code_free(c);
}

/* The one-pass scan (all literals of all registered regexes at once)
 * against the plain answer: fold the text, look for each literal of the
 * regex with memcmp at every offset from `from` on. */
static int
plain_may(const char *re, const char *text, size_t from)
{
	char lits[4096], fold[4096];
	size_t n = strlen(text), i;
	const char *l, *e;

	if (!lp_prefilter_literals(re, lits, sizeof lits))
		return 1;
	if (lp_prefilter_fold(text, n, fold))
		return 1;
	for (l = lits; *l; l = e + 1) {
		e = strchr(l, '\n');
		for (i = from; i + (size_t)(e - l) <= n; i++)
			if (!memcmp(fold + i, l, (size_t)(e - l)))
				return 1;
	}
	return 0;
}

static void
scan_vs_plain(void)
{
	/* literals that overlap, nest and share suffixes, so the automaton's
	 * fallbacks and output lists are all exercised */
	static const char *res[] = {
		"(?i)\\bзапрещ\\w*", "(?i)прещен", "(?i)щено", "(?i)\\bне\\s+вправе",
		"(?i)тыйым\\s+салын", "(?i)салынады", "(?i)айыппұл", "(?i)ұлттық",
		"(?i)prohibit(?:ed|s)?", "(?i)hibition", "(?i)bit", "(?i)ban(?:ned|s)",
		"(?i)abc|bcd|cde", "(?i)aaab", "(?i)aab", "(?i)ӘДІЛЕТ", "(?i)әкімшілік",
		"(?i)штраф", "(?i)ст\\.\\s*\\d", "(?i)straße", "(?i)façade",
	};
	static const char *texts[] = {
		"", "a", "Запрещено", "ЗАПРЕЩЕНО законом", "запрещено", "не вправе", "НЕ  ВПРАВЕ",
		"Тыйым салынады.", "ТЫЙЫМ САЛЫНАДЫ", "айыппұл салу", "АЙЫППҰЛ", "ҰЛТТЫҚ заң", "Ұлттық",
		"PROHIBITED", "Prohibition of bans", "banned; BANS", "aaaab", "aaab abcde", "xxabcdexx",
		"әділет ӘДІЛЕТ Әділет", "ӘКІМШІЛІК", "штраф", "ШТРАФ в размере", "ст. 5", "СТ.12",
		"the ſtatute prohibits", "\xe2\x84\xaa" "ELVIN ban", "STRASSE straße", "FAÇADE façade",
		"mixed: запрещ prohibit тыйым", "edge запрещ", "прещ", "щено", "Ёлка ЁЛКА ё",
		"Ғ Қ Ң Ө Ұ Ү Һ І ғ қ ң ө ұ ү һ і", "\xf0\x9f\x98\x80 запрещено \xe2\x80\x94 ban",
		/* two-byte characters in no literal (Greek, Armenian, й) inside
		 * and between literals: the pair steps that go straight to the root */
		"запре\xcf\x89щено ПРЕ\xd5\xa1ЩЕНО прещйено щено\xce\xa9", "ω щено ЩЕНОй айыпπпұл ұлттықω",
	};
	pcre2_code *c[sizeof res / sizeof *res];
	size_t i, j, from, bad = 0, tried = 0;
	int err;
	PCRE2_SIZE eoff;

	for (i = 0; i < sizeof res / sizeof *res; i++) {
		c[i] = pcre2_compile((PCRE2_SPTR)res[i], PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP, &err, &eoff, NULL);
		lp_prefilter_add(c[i], res[i], NULL);
	}
	for (j = 0; j < sizeof texts / sizeof *texts; j++) {
		size_t n = strlen(texts[j]);
		struct lp_prefilter_view v;

		lp_prefilter_para(texts[j], n);
		/* the view first: it is the one that scans the paragraph */
		lp_prefilter_view(&v, texts[j], n);
		for (i = 0; i < sizeof res / sizeof *res; i++) {
			/* the engines' per-paragraph question, all at once */
			int want = plain_may(res[i], texts[j], 0);
			int all = lp_prefilter_view_any(&v, lp_prefilter_id(c[i]));
			tried++;
			if (all != want && bad++ < 5)
				fprintf(stderr, "  %s on \"%s\": view %d, plain %d\n", res[i], texts[j], all, want);
		}
		for (from = 0; from <= n; from++)
			for (i = 0; i < sizeof res / sizeof *res; i++) {
				int got = may_match(c[i], texts[j], n, from);
				int want = plain_may(res[i], texts[j], from);
				tried++;
				if (got != want && bad++ < 5)
					fprintf(stderr, "  %s on \"%s\" from %zu: scan %d, plain %d\n", res[i], texts[j], from, got, want);
			}
		lp_prefilter_para(NULL, 0);
	}
	printf("%s - one-pass scan = plain search (%zu answers)\n", bad || tried < 1000 ? "not ok" : "ok", tried);
	fails += bad != 0;
	for (i = 0; i < sizeof res / sizeof *res; i++) {
		lp_prefilter_forget(c[i]);
		pcre2_code_free(c[i]);
	}
}

/* Windows (lp_prefilter_window + an offset limit, as lp_rx_match runs
 * them) against a plain search from every offset, on the paragraph and on
 * prefixes of it (as restrict's unless-before searches): the same first
 * match, or none. */
static void
windows_vs_plain(void)
{
	static const char *res[] = {
		"(?i)(?<m>\\bshall\\b)(?!\\s+not\\b)",
		"(?i)(?<neg>\\bnot\\s+(?:to\\s+|be\\s+|been\\s+)?)?(?<m>\\bprohibit(?:s|ed|ing|ion|ions)?\\b)",
		"(?i)(?<m>\\bне\\s+вправе\\b|\\bне\\s+име(?:ет|ют)\\s+права\\b)",
		"(?i)\\bне\\s+вправе\\b",
		"(?i)\\b\\w+ность\\b",
		"(?i)(?<m>\\b(?:no\\s+(?!restrict|limit)(?:one|person|body|citizen|[\\w-]+)|nobody|no-one)\\s+(?:may|shall|can)\\b)(?!\\s+not\\b)",
		"(?i)(?<m>\\b(?:заведомо\\s+)?ложн\\w+\\s+информаци\\w*)",
		"(?i)\\b\\w+(?:уға|уге|қа|ке|ға|ге)\\s+(?<m>болмайды)\\b",
		"(?i)(?<!\\p{L})штраф\\w*(?=\\s)", "(?i)айыппұл", "(?i)ст\\.\\s*\\d+",
		"(?i)(?:\\b(?:we|i|you)\\s*$|\\bno\\s+(?:one|person|body|[\\w-]+)\\s*$)",
		"(?i)\\bfine(?:s|d)?\\s+of\\s+\\d+", "(?i)ab.{0,3}cde", "(?i)x(?:abc){2}y",
		"(?i)(?:foo|barbaz)qux",
		/* reach without bound: one window from the search's start to
		 * the last occurrence */
		"(?i)(?:a\\s+|the\\s+|an\\s+)*prohibit\\w*", "(?i)\\S+\\s+вправе",
		"(?i)\\b(?:ұйым|партия)\\w*\\s+(?:\\S+\\s+){0,3}?(?<m>тарат(?:ылды|ылсын))\\b",
		"(?i)(?<=не\\s)вправе", "(?i)\\Gshall",
	};
	static const char *texts[] = {
		"Ұйым мен партия бүгін таратылды. Партиясы ертең, сөзсіз, таратылсын; ұйымы  таратылды",
		"the a the prohibited; an   prohibition, The  PROHIBITS them",
		"Citizens shall not be prohibited. The state shall protect them; it shall.",
		"No one may be held. Nobody shall go. No person can be NOT prohibited, not  been prohibited",
		"Граждане не вправе вмешиваться. Лица НЕ   ИМЕЮТ права на это, не имеет права.",
		"Распространение заведомо ложной информации и ложных сведений, ложная  информация.",
		"Жиналысқа қатысуға болмайды. Өтуге болмайды, келуге   болмайды.",
		"штраф в размере 10 МРП; ШТРАФОМ ст. 5 и ст.12, Штраф",
		"It is prohibited, we\tshall. Then you", "abxcde abxxxxcde xabcabcy ABCDE",
		"fooqux barbazqux FOOQUX", "the ſtatute shall", "shall", "",
		/* runs: no-break and em spaces, tabs, long hyphenated words */
		"No well-known-public-person\xc2\xa0\xc2\xa0may go; no Ұлттық-кеңес-мүшесі \t can",
		"Они не\xe2\x80\x83\xe2\x80\x83вправе; заведомо\xc2\xa0ложныхсведенийи\t\tинформации.",
		"Not\t\t\tprohibited; NOT \xe2\x80\x83 TO  PROHIBIT",
		"Они не\xe2\x80\x83\xe2\x80\x83\xe2\x80\x83\xe2\x80\x83\xe2\x80\x83\xe2\x80\x83"
		"\xe2\x80\x83\xe2\x80\x83\xe2\x80\x83\xe2\x80\x83вправе.",
		"Жиналыстардыңұйымдастырушыларынақатысушыларға болмайды.",
		"Это ценность и сверхдолгосрочнаянеизменность",
	};
	pcre2_code *c[sizeof res / sizeof *res];
	pcre2_match_data *m1 = pcre2_match_data_create(32, NULL), *m2 = pcre2_match_data_create(32, NULL);
	pcre2_match_context *mc = pcre2_match_context_create(NULL);
	size_t i, j, from, len, bad = 0, tried = 0, windowed = 0;
	int err;
	PCRE2_SIZE eoff;

	for (i = 0; i < sizeof res / sizeof *res; i++) {
		int reach = lp_prefilter_reach(res[i], NULL);
		c[i] = pcre2_compile((PCRE2_SPTR)res[i], PCRE2_ZERO_TERMINATED,
		                     PCRE2_UTF | PCRE2_UCP | (reach >= 0 ? PCRE2_USE_OFFSET_LIMIT : 0), &err, &eoff, NULL);
		if (!c[i]) {
			printf("not ok - windows: %s does not compile\n", res[i]);
			fails++;
			return;
		}
		lp_prefilter_add(c[i], res[i], NULL);
	}
	for (j = 0; j < sizeof texts / sizeof *texts; j++) {
		size_t n = strlen(texts[j]);
		lp_prefilter_para(texts[j], n);
		for (len = n; len + 1 > 0 && len + 12 > n; len--)
			for (from = 0; from <= len; from++)
				for (i = 0; i < sizeof res / sizeof *res; i++) {
					int want, got, w;
					size_t f = from, a, b;
					PCRE2_SIZE *o1 = pcre2_get_ovector_pointer(m1), *o2 = pcre2_get_ovector_pointer(m2);

					if (len < n && (texts[j][len] & 0xc0) == 0x80)
						continue;
					while (f < len && (texts[j][f] & 0xc0) == 0x80)
						f++;
					want = pcre2_match(c[i], (PCRE2_SPTR)texts[j], len, f, 0, m1, NULL);
					for (;;) {
						if (!(w = lp_prefilter_window(c[i], texts[j], len, f, &a, &b))) {
							got = PCRE2_ERROR_NOMATCH;
							break;
						}
						if (w == 2) {
							windowed++;
							while (a < len && (texts[j][a] & 0xc0) == 0x80)
								a++;
							pcre2_set_offset_limit(mc, b);
						} else {
							a = f;
							pcre2_set_offset_limit(mc, PCRE2_UNSET);
						}
						got = pcre2_match(c[i], (PCRE2_SPTR)texts[j], len, a, 0, m2, mc);
						if (w == 2 && got == PCRE2_ERROR_NOMATCH && b < len) {
							f = b + 1;
							while (f < len && (texts[j][f] & 0xc0) == 0x80)
								f++;
							continue;
						}
						break;
					}
					tried++;
					if ((want > 0) != (got > 0) || (want > 0 && (o1[0] != o2[0] || o1[1] != o2[1]))) {
						if (bad++ < 5)
							fprintf(stderr, "  %s on \"%.*s\" from %zu: plain %d at %zu, windows %d at %zu\n",
							        res[i], (int)len, texts[j], from, want, want > 0 ? (size_t)o1[0] : 0,
							        got, got > 0 ? (size_t)o2[0] : 0);
					}
				}
		lp_prefilter_para(NULL, 0);
	}
	printf("%s - windows = plain search (%zu searches, %zu windows)\n",
	       bad || tried < 1000 || windowed < 1000 ? "not ok" : "ok", tried, windowed);
	fails += bad != 0 || windowed < 1000;
	for (i = 0; i < sizeof res / sizeof *res; i++) {
		lp_prefilter_forget(c[i]);
		pcre2_code_free(c[i]);
	}
	pcre2_match_data_free(m1);
	pcre2_match_data_free(m2);
	pcre2_match_context_free(mc);
}

/* lp_rx_match (windows, then the JIT code called straight away, or the
 * interpreter for code without JIT) against a plain pcre2_match from every
 * offset: the same first match, or none. */
static void
rx_match_vs_plain(void)
{
	static const char *res[] = {
		"(?i)(?<neg>\\bnot\\s+)?(?<m>\\bprohibit(?:s|ed|ion)?\\b)", "(?i)\\bне\\s+вправе\\b",
		"(?i)(?:a\\s+|the\\s+)*prohibit\\w*", "(?i)штраф\\w*", "(?i)\\Gshall",
	};
	static const char *texts[] = {
		"It is not prohibited; the a prohibition. NOT  PROHIBITS", "Граждане не вправе; НЕ ВПРАВЕ.",
		"штраф, ШТРАФОМ и штрафы", "shall shall", "",
	};
	pcre2_match_data *m1 = pcre2_match_data_create(16, NULL), *m2 = pcre2_match_data_create(16, NULL);
	pcre2_match_context *mc = lp_rx_context();
	size_t i, j, k, from, bad = 0, tried = 0;
	int err;
	PCRE2_SIZE eoff;

	for (k = 0; k < 2; k++) /* with JIT code, then without */
		for (i = 0; i < sizeof res / sizeof *res; i++) {
			int reach = lp_prefilter_reach(res[i], NULL);
			pcre2_code *c = pcre2_compile((PCRE2_SPTR)res[i], PCRE2_ZERO_TERMINATED,
			                              PCRE2_UTF | PCRE2_UCP | (reach >= 0 ? PCRE2_USE_OFFSET_LIMIT : 0),
			                              &err, &eoff, NULL);
			if (k == 0)
				pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);
			lp_prefilter_add(c, res[i], NULL);
			for (j = 0; j < sizeof texts / sizeof *texts; j++) {
				size_t n = strlen(texts[j]);
				lp_prefilter_para(texts[j], n);
				for (from = 0; from <= n; from++) {
					PCRE2_SIZE *o1 = pcre2_get_ovector_pointer(m1), *o2 = pcre2_get_ovector_pointer(m2);
					int want, got;
					if ((texts[j][from] & 0xc0) == 0x80)
						continue;
					want = pcre2_match(c, (PCRE2_SPTR)texts[j], n, from, 0, m1, NULL);
					got = lp_rx_match(c, texts[j], n, from, m2, mc, "test", "rule");
					tried++;
					if ((want > 0) != (got > 0) || (want > 0 && (o1[0] != o2[0] || o1[1] != o2[1]))) {
						if (bad++ < 5)
							fprintf(stderr, "  %s (%s) on \"%s\" from %zu: plain %d, lp_rx_match %d\n",
							        res[i], k ? "no JIT" : "JIT", texts[j], from, want, got);
					}
				}
				lp_prefilter_para(NULL, 0);
			}
			lp_prefilter_forget(c);
			pcre2_code_free(c);
		}
	printf("%s - lp_rx_match = plain search, JIT and not (%zu searches)\n", bad || tried < 200 ? "not ok" : "ok", tried);
	fails += bad != 0 || tried < 200;
	pcre2_match_data_free(m1);
	pcre2_match_data_free(m2);
	pcre2_match_context_free(mc);
}

int
main(void)
{
	lits("a word and its endings", "(?i)\\bprohibit(?:s|ed|ing)?\\b", "prohibit\n");
	lits("alternation: one literal a branch",
	     "(?i)(?<m>\\bnot\\s+entitled\\s+to\\b|\\bhas\\s+no\\s+right\\s+to\\b)", "entitled\nright\n");
	lits("Cyrillic, folded", "(?i)\\bЗАПРЕЩ(?:ается|ено)", "запрещается\nзапрещено\n");
	lits("Kazakh letters fold", "(?i)ӘДІЛЕТ", "әділет\n");
	lits("an optional group adds nothing", "(?i)(?<neg>\\bnot\\s+)?(?<m>\\bban(?:s|ned)?\\b)", "ban\n");
	lits("lookarounds consume nothing", "(?<!\\p{L})штраф(?=\\s)", "штраф\n");
	lits("a class breaks a literal", "[Aa]rticle", "rticle\n");
	lits("a quantified letter", "prohibit{2}", "prohibi\n");
	lits("an optional letter", "colou?r", "colour\ncolor\n");
	lits("many endings: their common prefix",
	     "ограничени(?:е|я|ю|ем|и|й|ям|ями|ях)|ограничива(?:ет|ют|ется|ются|ть|л|ла|ло|ли|ться)",
	     "ограничение\nограничения\nограничению\nограничении\nограничений\n"
	     "ограничивает\nограничивают\nограничивать\nограничивал\n");
	lits("escaped punctuation is literal", "(?i)\\bст\\.\\s*\\d", "ст.\n");
	lits("digits only: no filter", "\\d+", "");
	lits("a branch without a literal: no filter", "prohibit|\\w+", "");
	lits("too short: no filter", "(?i)\\bno\\b", "");
	lits("(?x): no filter", "(?x) prohibit # comment", "");
	lits("\\K: no filter", "abc\\Kdefgh", "");
	lits("(*ACCEPT): no filter", "abc(*ACCEPT)defgh", "");
	lits("a stray brace: no filter", "abc{x", "");
	lits("a conditional: no filter", "(?(1)abc|def)", "");
	lits("verbs are fine", "(*UCP)(?i)(*MARK:7)prohibit", "prohibit\n");

	may("a match in another case", "(?i)\\bprohibit", "It is PROHIBITED here.", 0, 1);
	may("no literal: skipped", "(?i)\\bprohibit", "Assemblies are allowed.", 0, 0);
	may("Cyrillic capital", "(?i)запрещ", "Курение ЗАПРЕЩАЕТСЯ.", 0, 1);
	may("Kazakh capital", "(?i)тыйым", "ТЫЙЫМ салынады", 0, 1);
	may("the literal before from: skipped", "(?i)prohibit", "prohibited, then nothing more", 5, 0);
	may("the literal after from", "(?i)prohibit", "not here but prohibited", 5, 1);
	may("long s may match s: not filtered", "(?i)statute", "the ſtatute", 0, 1);
	may("Kelvin sign: not filtered", "(?i)kelvin", "\xe2\x84\xaa" "ELVIN", 0, 1);
	{
		/* only the paragraph being tagged is filtered */
		const char *re = "(?i)prohibit", *para = "a paragraph", *other = "another text";
		int err;
		PCRE2_SIZE eoff;
		pcre2_code *c = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &err, &eoff, NULL);

		lp_prefilter_add(c, re, NULL);
		lp_prefilter_para(para, strlen(para));
		printf("%s - the paragraph is filtered\n", may_match(c, para, strlen(para), 0) ? "not ok" : "ok");
		printf("%s - another subject is not\n", may_match(c, other, strlen(other), 0) ? "ok" : "not ok");
		lp_prefilter_para(NULL, 0);
		printf("%s - no paragraph: nothing is filtered\n", may_match(c, para, strlen(para), 0) ? "ok" : "not ok");
		lp_prefilter_forget(c);
		pcre2_code_free(c);
	}
	scan_vs_plain();
	windows_vs_plain();
	rx_match_vs_plain();
	{
		/* a paragraph with more literal occurrences than are kept: the
		 * filter steps aside (every regex runs) instead of growing */
		size_t n = 300000;
		char *big = malloc(n + 1);
		const char *ra = "(?i)aaa", *rz = "(?i)zzz";
		int err;
		PCRE2_SIZE eoff;
		pcre2_code *ca = pcre2_compile((PCRE2_SPTR)ra, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &err, &eoff, NULL);
		pcre2_code *cz = pcre2_compile((PCRE2_SPTR)rz, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &err, &eoff, NULL);

		memset(big, 'a', n);
		big[n] = '\0';
		lp_prefilter_add(ca, ra, NULL);
		lp_prefilter_add(cz, rz, NULL);
		lp_prefilter_para(big, 1000);
		printf("%s - a short paragraph is filtered\n", may_match(cz, big, 1000, 0) ? "not ok" : "ok");
		lp_prefilter_para(big, n);
		printf("%s - too many occurrences: nothing is filtered\n", may_match(cz, big, n, 0) ? "ok" : "not ok");
		lp_prefilter_para(NULL, 0);
		lp_prefilter_forget(ca);
		lp_prefilter_forget(cz);
		pcre2_code_free(ca);
		pcre2_code_free(cz);
		free(big);
	}
	return fails != 0;
}
