/*
 * prefilter_test.c - the literals the prefilter takes from regexes, and its
 * answers on paragraphs: never "no" where the regex could match.
 */
#include <stdio.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "prefilter.h"

static int fails;

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
	got = lp_prefilter_may_match(c, text, strlen(text), from);
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
		printf("%s - the paragraph is filtered\n", lp_prefilter_may_match(c, para, strlen(para), 0) ? "not ok" : "ok");
		printf("%s - another subject is not\n", lp_prefilter_may_match(c, other, strlen(other), 0) ? "ok" : "not ok");
		lp_prefilter_para(NULL, 0);
		printf("%s - no paragraph: nothing is filtered\n", lp_prefilter_may_match(c, para, strlen(para), 0) ? "ok" : "not ok");
		lp_prefilter_forget(c);
		pcre2_code_free(c);
	}
	return fails != 0;
}
