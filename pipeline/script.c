/*
 * script.c - put lookalike letters back into the script of their word.
 *
 * A word is a run of Latin and Cyrillic letters, with combining marks and
 * removed characters (LP_SCRIPT_SKIP) inside it; anything else ends it.
 * Its letters vote: a "firm" letter (one with no lookalike in the other
 * script: б, д, Q, W) counts for its script; lookalikes (a/а, K/К) only
 * decide when no firm letter does.  A word that mixes scripts then has its
 * lookalikes turned into the winning script.  Words written in one script
 * only are left alone: "COBET" in capitals may be an acronym, and guessing
 * would do more harm than the odd unrepaired word.
 *
 * Kazakh: old 8-bit fonts and OCR write і as Latin i, ә as Latin ə, ө as
 * Latin ɵ, һ as Latin h, and the Kazakh fonts made before RK1048 put қ and
 * һ where windows-1251 has the Macedonian ќ and Serbian ћ (PT154 and RK1048
 * agree there), ә and ң where it has ј and ѕ (RK1048 layout).  Those four
 * are never letters of Russian or Kazakh, so inside a Cyrillic word they are
 * repaired even when the word mixes nothing.  The Ukrainian and Belarusian
 * letters the same fonts reused (ў ї ґ є) are left alone: they are real
 * letters of real names, and the two layouts disagree about them.
 *
 * May assume: cp[] holds code points after the Word/PDF fixes, before NFC.
 */
#include <utf8proc.h>

#include "script.h"

enum lp_script
lp_script_of(uint32_t c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
		return LP_SC_LATIN;
	if (c < 0xc0)
		return LP_SC_OTHER;
	if (c <= 0x2af)
		return c == 0xd7 || c == 0xf7 ? LP_SC_OTHER : LP_SC_LATIN;
	if (c >= 0x400 && c <= 0x52f && (c < 0x482 || c > 0x489))
		return LP_SC_CYRILLIC;
	return LP_SC_OTHER;
}

/* The Cyrillic letter a Latin lookalike stands for in a Cyrillic word;
 * `kk` says the word has Kazakh letters (Y is then Ү rather than У). */
static uint32_t
to_cyrillic(uint32_t c, int kk)
{
	switch (c) {
	case 'a': return 0x430;
	case 'c': return 0x441;
	case 'e': return 0x435;
	case 'h': return 0x4bb; /* һ is h in every font */
	case 'i': return 0x456; /* Kazakh і */
	case 'o': return 0x43e;
	case 'p': return 0x440;
	case 'x': return 0x445;
	case 'y': return 0x443;
	case 'A': return 0x410;
	case 'B': return 0x412;
	case 'C': return 0x421;
	case 'E': return 0x415;
	case 'H': return 0x41d;
	case 'I': return 0x406;
	case 'K': return 0x41a;
	case 'M': return 0x41c;
	case 'O': return 0x41e;
	case 'P': return 0x420;
	case 'T': return 0x422;
	case 'X': return 0x425;
	case 'Y': return kk ? 0x4ae : 0x423;
	case 0xcb: return 0x401;  /* Ë */
	case 0xeb: return 0x451;  /* ë */
	case 0x18e: return 0x4d8; /* Ǝ */
	case 0x18f: return 0x4d8; /* Ə */
	case 0x1dd: return 0x4d9; /* ǝ */
	case 0x259: return 0x4d9; /* ə */
	case 0x19f: return 0x4e8; /* Ɵ */
	case 0x275: return 0x4e9; /* ɵ */
	case 0x24e: return 0x4b0; /* Ɏ */
	case 0x24f: return 0x4b1; /* ɏ */
	case 0xa5: return 0x4b0;  /* ¥ for Ұ */
	}
	return 0;
}

/* The Latin letter a Cyrillic lookalike stands for in a Latin word. */
static uint32_t
to_latin(uint32_t c)
{
	switch (c) {
	case 0x430: return 'a';
	case 0x441: return 'c';
	case 0x435: return 'e';
	case 0x4bb: return 'h';
	case 0x456: return 'i';
	case 0x458: return 'j';
	case 0x43e: return 'o';
	case 0x440: return 'p';
	case 0x455: return 's';
	case 0x445: return 'x';
	case 0x443: return 'y';
	case 0x51b: return 'q';
	case 0x51d: return 'w';
	case 0x410: return 'A';
	case 0x412: return 'B';
	case 0x421: return 'C';
	case 0x415: return 'E';
	case 0x41d: return 'H';
	case 0x406: return 'I';
	case 0x408: return 'J';
	case 0x41a: return 'K';
	case 0x41c: return 'M';
	case 0x41e: return 'O';
	case 0x420: return 'P';
	case 0x405: return 'S';
	case 0x422: return 'T';
	case 0x425: return 'X';
	case 0x423: return 'Y';
	case 0x4ae: return 'Y';
	case 0x51a: return 'Q';
	case 0x51c: return 'W';
	case 0x401: return 0xcb;
	case 0x451: return 0xeb;
	}
	return 0;
}

/* Letters of pre-RK1048 Kazakh fonts, repaired in any Cyrillic word. */
static uint32_t
font_kazakh(uint32_t c)
{
	switch (c) {
	case 0x40c: return 0x49a; /* Ќ -> Қ */
	case 0x45c: return 0x49b; /* ќ -> қ */
	case 0x40b: return 0x4ba; /* Ћ -> Һ */
	case 0x45b: return 0x4bb; /* ћ -> һ */
	case 0x408: return 0x4d8; /* Ј -> Ә */
	case 0x458: return 0x4d9; /* ј -> ә */
	case 0x405: return 0x4a2; /* Ѕ -> Ң */
	case 0x455: return 0x4a3; /* ѕ -> ң */
	}
	return 0;
}

int
lp_script_special(uint32_t c)
{
	return c == 0xa5 || font_kazakh(c) != 0;
}

static int
is_kazakh(uint32_t c)
{
	switch (c) {
	case 0x4d8: case 0x4d9: case 0x492: case 0x493: case 0x49a: case 0x49b:
	case 0x4a2: case 0x4a3: case 0x4e8: case 0x4e9: case 0x4b0: case 0x4b1:
	case 0x4ae: case 0x4af: case 0x4ba: case 0x4bb: case 0x406: case 0x456:
	/* and what the repairs below turn into them */
	case 'i': case 0x259: case 0x18f: case 0x275: case 0x19f:
	case 0x40c: case 0x45c: case 0x40b: case 0x45b:
		return 1;
	}
	return 0;
}

int
lp_script_mark(uint32_t c)
{
	utf8proc_category_t k;

	if (c < 0x300)
		return 0;
	k = utf8proc_category((utf8proc_int32_t)c);
	return k == UTF8PROC_CATEGORY_MN || k == UTF8PROC_CATEGORY_MC || k == UTF8PROC_CATEGORY_ME;
}

/* Inside a word: a letter of either script, a mark, a removed character. */
static int
in_word(uint32_t c)
{
	return c == LP_SCRIPT_SKIP || lp_script_of(c) != LP_SC_OTHER || lp_script_mark(c);
}

/* ¥ is a letter only where it starts or ends a Cyrillic word. */
static int
yen_in_word(const uint32_t *cp, size_t n, size_t i)
{
	return (i + 1 < n && lp_script_of(cp[i + 1]) == LP_SC_CYRILLIC) ||
	       (i > 0 && lp_script_of(cp[i - 1]) == LP_SC_CYRILLIC);
}

/* The script the word cp[a..b) belongs to, or LP_SC_OTHER to leave it. */
static enum lp_script
word_script(const uint32_t *cp, size_t a, size_t b, long line_lat, long line_cyr)
{
	long firm_lat = 0, firm_cyr = 0, weak_lat = 0, weak_cyr = 0;
	size_t i;

	for (i = a; i < b; i++) {
		enum lp_script s = lp_script_of(cp[i]);

		if (s == LP_SC_LATIN) {
			if (to_cyrillic(cp[i], 0))
				weak_lat++;
			else
				firm_lat++;
		} else if (s == LP_SC_CYRILLIC) {
			if (to_latin(cp[i]))
				weak_cyr++;
			else
				firm_cyr++;
		}
	}
	if (firm_lat + weak_lat == 0 || firm_cyr + weak_cyr == 0)
		return LP_SC_OTHER; /* one script: nothing mixed */
	if (firm_lat != firm_cyr)
		return firm_lat > firm_cyr ? LP_SC_LATIN : LP_SC_CYRILLIC;
	if (firm_lat == 0 && weak_lat != weak_cyr)
		return weak_lat > weak_cyr ? LP_SC_LATIN : LP_SC_CYRILLIC;
	/* a tie ("TOM" with one Cyrillic О): the line's letters decide */
	if (line_lat != line_cyr)
		return line_lat > line_cyr ? LP_SC_LATIN : LP_SC_CYRILLIC;
	return LP_SC_OTHER;
}

long
lp_script_repair(uint32_t *cp, size_t n)
{
	long repairs = 0, line_lat = 0, line_cyr = 0;
	size_t i = 0;

	/* a quick look first: most lines have nothing to repair */
	{
		int need = 0;
		for (i = 0; i < n; i++) {
			enum lp_script s = lp_script_of(cp[i]);
			if (s == LP_SC_LATIN)
				line_lat++;
			else if (s == LP_SC_CYRILLIC)
				line_cyr++;
			if (font_kazakh(cp[i]) || cp[i] == 0xa5)
				need = 1;
		}
		if (!need && (line_lat == 0 || line_cyr == 0))
			return 0;
	}
	i = 0;
	while (i < n) {
		size_t a = i, b, k;
		enum lp_script ws;
		int kk = 0, cyr = 0;

		if (!(in_word(cp[i]) || (cp[i] == 0xa5 && yen_in_word(cp, n, i)))) {
			i++;
			continue;
		}
		b = a;
		while (b < n && (in_word(cp[b]) || (cp[b] == 0xa5 && yen_in_word(cp, n, b))))
			b++;
		i = b;
		ws = word_script(cp, a, b, line_lat, line_cyr);
		for (k = a; k < b; k++) {
			kk |= is_kazakh(cp[k]);
			cyr |= lp_script_of(cp[k]) == LP_SC_CYRILLIC;
		}
		for (k = a; k < b; k++) {
			uint32_t c = cp[k], r = 0;
			enum lp_script s = lp_script_of(c);

			if (s == LP_SC_LATIN && ws == LP_SC_CYRILLIC)
				r = to_cyrillic(c, kk);
			else if (s == LP_SC_CYRILLIC && ws == LP_SC_LATIN)
				r = to_latin(c);
			else if (s == LP_SC_CYRILLIC)
				r = font_kazakh(c);
			else if (c == 0xa5 && cyr && ws != LP_SC_LATIN)
				r = to_cyrillic(c, kk);
			if (r && r != c) {
				cp[k] = r;
				repairs++;
			}
		}
	}
	return repairs;
}
