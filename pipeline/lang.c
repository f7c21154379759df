/*
 * lang.c - tell English, Russian and Kazakh lines apart, short ones too.
 *
 * Latin letters outnumbering Cyrillic ones make a line English.  Among
 * Cyrillic lines each word votes: for Kazakh when it has a letter Russian
 * lacks (ә ғ қ ң ө ұ ү һ і), or is a frequent Kazakh word spelt with the
 * letters both share ("мен", "осы", "туралы", "бойынша", "немесе"), or ends
 * in a Kazakh suffix ("болуы", "азаматтары"); for Russian when it is a
 * frequent Russian word ("и", "в", "что", "статья") or ends in a Russian
 * inflection ("-ого", "-ться", "-ных").  The larger vote wins; a tie, and a
 * line with no letters at all, keeps the language of the line before it in
 * the same document: a heading "Жалпы ережелер" inside a Kazakh law is
 * Kazakh.  A Cyrillic line with no evidence at the start of a document is
 * Russian, by far the likelier of the two.
 *
 * Kazakh in the Latin alphabet of 2021 counts as English for now.
 * May assume: valid UTF-8 (norm has cleaned it).  One pass over at most
 * LANG_SPAN bytes, no allocation.
 */
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lang.h"

#define WORD_MAX 32 /* bytes of a lowercased word kept for lookup */
#define NSLOT 512   /* hash slots, a power of two, > 2 * words */

static const char *const kk_words[] = {
	"мен", "осы", "емес", "болып", "туралы", "бойынша", "немесе", "бар", "деп",
	"бен", "пен", "сол", "ол", "оны", "жылы", "жалпы", "бабы", "бап", "бабын",
	"тарау", "тарауы", "сот", "жеке", "сондай", "бастап", "алып", "мынадай",
	"болса", "болады", "алады", "етеді", "ету", "жоба", "жобасы", "ережелер",
	"ереже", "тыйым", "салынады", "жасау", "сай", "сайлау", "сайлаушы",
	"сайлаушылар", "мемлекет", "азаматтар", "азаматтары", "болу", "болуы",
	"арасында", "кезде", "тек", "ал", "де", "деген", "бола", "орындау", "жатады",
	"тараптар", "сомасы", "айлық", "жасалады", "болатын", "барлық", "алу",
	"беру", "сондай-ақ", "жол", "жоқ", "бойы", "мерзім", "тарапынан",
};

static const char *const ru_words[] = {
	"и", "в", "во", "на", "не", "что", "с", "со", "по", "о", "об", "для", "от",
	"к", "ко", "из", "или", "а", "также", "при", "до", "это", "как", "его",
	"ее", "её", "их", "они", "он", "она", "оно", "который", "которая",
	"которое", "которые", "которых", "которым", "быть", "был", "была", "было",
	"были", "является", "являются", "может", "могут", "должен", "должна",
	"должны", "если", "то", "так", "за", "без", "под", "над", "между",
	"только", "уже", "чем", "где", "после", "согласно", "статья", "статьи",
	"статье", "статьей", "закон", "закона", "законом", "законе", "порядке",
	"случае", "лица", "лицо", "права", "право", "республики", "кодекса",
	"настоящего", "настоящий", "настоящей", "соответствии", "части",
	"пункта", "пункт", "года", "году", "глава", "главы", "общие", "положения",
};

/* Endings, each with the vote it casts: 'k' Kazakh, 'r' Russian. */
static const struct {
	const char *s;
	char lang;
} suffixes[] = {
	{ "ымен", 'k' }, { "ында", 'k' }, { "ынан", 'k' }, { "лары", 'k' },
	{ "арды", 'k' }, { "арын", 'k' }, { "арда", 'k' }, { "ауы", 'k' },
	{ "луы", 'k' }, { "руы", 'k' }, { "туы", 'k' }, { "ууы", 'k' },
	{ "ого", 'r' }, { "его", 'r' }, { "ому", 'r' }, { "ему", 'r' },
	{ "ыми", 'r' }, { "ими", 'r' }, { "ться", 'r' }, { "тся", 'r' },
	{ "ции", 'r' }, { "ние", 'r' }, { "ний", 'r' }, { "ных", 'r' },
	{ "ный", 'r' }, { "ная", 'r' }, { "ное", 'r' }, { "ные", 'r' },
	{ "ной", 'r' }, { "ских", 'r' }, { "ости", 'r' }, { "ость", 'r' },
	{ "ует", 'r' }, { "уют", 'r' }, { "ями", 'r' },
};

static struct {
	const char *w;
	size_t len;
	uint32_t tail; /* the word's last 4 bytes: compared before the word */
	char lang;
} slots[NSLOT];
static size_t longest; /* bytes of the longest listed word */
static uint64_t endbits[1024]; /* hashes of the last two letters of every entry */
static pthread_once_t slots_once = PTHREAD_ONCE_INIT; /* `run -j` has threads */

/* The last 4 bytes (fewer for a shorter word) as a number: words differ
 * at the end, so this and the length make a good hash in O(1). */
static uint32_t
tail_of(const char *s, size_t n)
{
	uint32_t t = 0;

	if (n >= 4)
		memcpy(&t, s + n - 4, 4);
	else
		memcpy(&t, s, n);
	return t;
}

static unsigned
hash(uint32_t tail, size_t n)
{
	return (unsigned)(((tail ^ (uint32_t)n * 0x9e3779b1u) * 0x85ebca6bu) >> 16);
}

static void
add_word(const char *w, char lang)
{
	size_t n = strlen(w);
	uint32_t t = tail_of(w, n);
	unsigned h = hash(t, n) & (NSLOT - 1);

	while (slots[h].w)
		h = (h + 1) & (NSLOT - 1);
	slots[h].w = w;
	slots[h].len = n;
	if (n > longest)
		longest = n;
	slots[h].tail = t;
	slots[h].lang = lang;
	h = hash(t, 0);
	endbits[h >> 6 & 1023] |= (uint64_t)1 << (h & 63);
}

static int
is_kazakh_letter(unsigned c)
{
	switch (c) {
	case 0x4d9: case 0x493: case 0x49b: case 0x4a3: case 0x4e9:
	case 0x4b1: case 0x4af: case 0x4bb: case 0x456:
		return 1;
	}
	return 0;
}

/* Lowercase of a Cyrillic letter, for word lookup. */
static unsigned
lower_cyr(unsigned c)
{
	if (c >= 0x410 && c <= 0x42f)
		return c + 0x20;
	if (c >= 0x400 && c <= 0x40f)
		return c + 0x50;
	if (c >= 0x460 && c <= 0x4bf && !(c & 1))
		return c + 1;
	if (c >= 0x4d0 && c <= 0x4ff && !(c & 1))
		return c + 1;
	return c;
}

/* U+0400..U+04FF: the lowercase letter, 0x8000 added for the letters
 * Russian lacks; 0 for what is not a letter (signs and marks). */
static uint16_t cyr_lower[256];

static const unsigned char ascii_letter[128] = {
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1,
	['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
	['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1,
	['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,
	['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
	['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1,
	['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};

/* Words vote 'k' or 'r'; endings are in the same table as 'K' or 'R', so
 * a word costs a few hash lookups and no scan of the ending list. */
static void
init_slots(void)
{
	size_t i;

	for (i = 0; i < sizeof kk_words / sizeof kk_words[0]; i++)
		add_word(kk_words[i], 'k');
	for (i = 0; i < sizeof ru_words / sizeof ru_words[0]; i++)
		add_word(ru_words[i], 'r');
	for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
		add_word(suffixes[i].s, suffixes[i].lang == 'k' ? 'K' : 'R');
	for (i = 0; i < 256; i++) {
		unsigned c = 0x400 + (unsigned)i;
		if (c >= 0x482 && c <= 0x489)
			continue;
		cyr_lower[i] = (uint16_t)(lower_cyr(c) | (is_kazakh_letter(lower_cyr(c)) ? 0x8000 : 0));
	}
}

/* memcmp for words of a few bytes, without the call */
static int
same(const char *a, const char *b, size_t n)
{
	while (n-- > 0)
		if (*a++ != *b++)
			return 0;
	return 1;
}

static char
lookup(const char *w, size_t n)
{
	uint32_t t = tail_of(w, n);
	unsigned h = hash(t, n) & (NSLOT - 1);

	while (slots[h].w) {
		if (slots[h].tail == t && slots[h].len == n && same(slots[h].w, w, n))
			return slots[h].lang;
		h = (h + 1) & (NSLOT - 1);
	}
	return 0;
}

/* The vote of one lowercased Cyrillic word of `letters` letters (two bytes
 * each, or a hyphen): the word itself, else its last 4 or 3 letters, with
 * at least 2 letters left before the ending.  A bit per hash of the last
 * two letters turns most words away before any lookup. */
static char
word_vote(const char *w, size_t n, size_t letters)
{
	uint32_t t = tail_of(w, n);
	char v;
	size_t k;

	if (!(endbits[hash(t, 0) >> 6 & 1023] >> (hash(t, 0) & 63) & 1))
		return 0;
	v = n <= longest ? lookup(w, n) : 0;
	if (v == 'k' || v == 'r')
		return v;
	if (letters < 5 || w[n - 1] == '-')
		return 0;
	for (k = 4; k >= 3; k--) {
		if (2 * k > n)
			continue;
		v = lookup(w + n - 2 * k, 2 * k);
		if (v == 'K' || v == 'R')
			return v == 'K' ? 'k' : 'r';
	}
	return 0;
}

/* A long line has said what it is long before its end: only its first
 * LANG_SPAN bytes (some 40 to 80 words) are read, and words stop being
 * looked up after VOTES_ENOUGH votes or WORDS_ENOUGH Cyrillic words (the
 * letters Russian lacks still count).  That bounds the cost of a line. */
#define LANG_SPAN 256
#define VOTES_ENOUGH 6
#define WORDS_ENOUGH 8

/*
 * The scanning loops only count: a Cyrillic word is remembered as where it
 * starts, and spelt out in lowercase (word_utf8, word_8bit) only when it
 * may vote -- no Kazakh letter, votes still taken, and its last two letters
 * those of a listed word or ending.  Counts live in local variables that
 * never have their address taken, so they stay in registers.
 */

/* The lowercase UTF-8 of the Cyrillic word u[a..b) into w; its length, or
 * WORD_MAX + 1 when it is too long to be listed. */
static size_t
word_utf8(const unsigned char *u, size_t a, size_t b, char *w)
{
	size_t n = 0;

	if (b - a > WORD_MAX)
		return WORD_MAX + 1;
	while (a < b) {
		unsigned lc;
		if (u[a] == '-') {
			w[n++] = '-';
			a++;
			continue;
		}
		lc = cyr_lower[((u[a] & 3) << 6) | (u[a + 1] & 0x3f)] & 0x7fff;
		w[n++] = (char)(0xc0 | (lc >> 6));
		w[n++] = (char)(0x80 | (lc & 0x3f));
		a += 2;
	}
	return n;
}

static size_t
word_8bit(const unsigned char *s, size_t a, size_t b, const uint16_t tab[256], char *w)
{
	size_t n = 0;

	for (; a < b; a++) {
		unsigned v = tab[s[a]];
		if (n + (v < 0x400 ? 1 : 2) > WORD_MAX)
			return WORD_MAX + 1;
		if (v < 0x400) {
			w[n++] = '-';
			continue;
		}
		v &= 0x7fff;
		w[n++] = (char)(0xc0 | (v >> 6));
		w[n++] = (char)(0x80 | (v & 0x3f));
	}
	return n;
}

/* The end of whatever word was open (letters from wstart to i): its vote,
 * if votes are still taken.  SPELL fills word[] and gives its length. */
#define END_WORD(SPELL) do {                                             \
	if (wletters) {                                                  \
		if (wkk)                                                 \
			kk++;                                            \
		else if (kk + ru < VOTES_ENOUGH && words < WORDS_ENOUGH) { \
			size_t wl_ = SPELL;                              \
			if (wl_ <= WORD_MAX) {                           \
				char v_ = word_vote(word, wl_, wletters); \
				kk += v_ == 'k';                         \
				ru += v_ == 'r';                         \
			}                                                \
		}                                                        \
		wletters = 0;                                            \
		wkk = 0;                                                 \
		words++;                                                 \
	}                                                                \
} while (0)

static const char *
decide(struct lp_langctx *ctx, long lat, long cyr, long kk, long ru)
{
	const char *lang;

	if (lat == 0 && cyr == 0)
		return ctx->prev ? ctx->prev : "und";
	if (lat > cyr)
		lang = "en";
	else if (kk != ru)
		lang = kk > ru ? "kk" : "ru";
	else if (ctx->prev && strcmp(ctx->prev, "en"))
		lang = ctx->prev;
	else
		lang = "ru";
	ctx->prev = lang;
	return lang;
}

const char *
lp_lang_line(struct lp_langctx *ctx, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	long lat = 0, cyr = 0, kk = 0, ru = 0;
	char word[WORD_MAX + 4];
	size_t wstart = 0, wletters = 0, i = 0;
	unsigned wkk = 0;
	int words = 0;

	pthread_once(&slots_once, init_slots);
	if (n > LANG_SPAN) {
		/* end on a character boundary */
		n = LANG_SPAN;
		while (n > 0 && (u[n] & 0xc0) == 0x80)
			n--;
	}
	for (;;) {
		unsigned c = i < n ? u[i] : 0;

		if (i < n && c >= 0xd0 && c <= 0xd3 && i + 1 < n) {
			unsigned lc = cyr_lower[((c & 3) << 6) | (u[i + 1] & 0x3f)];
			if (lc) {
				if (!wletters)
					wstart = i;
				cyr++;
				wletters++;
				wkk |= lc;
				i += 2;
				continue;
			}
		}
		/* "сондай-ақ": a hyphen between letters stays in the word */
		if (c == '-' && wletters && i + 1 < n && u[i + 1] >= 0xd0 && u[i + 1] <= 0xd3 &&
		    i + 2 < n && cyr_lower[((u[i + 1] & 3) << 6) | (u[i + 2] & 0x3f)]) {
			i++;
			continue;
		}
		/* anything else ends a Cyrillic word */
		wkk &= 0x8000;
		END_WORD(word_utf8(u, wstart, i, word));
		if (i >= n)
			break;
		if (c < 0x80) {
			/* a run of ASCII: only its letters count */
			do
				lat += ascii_letter[c];
			while (++i < n && (c = u[i]) < 0x80 && c != '-');
			continue;
		}
		i += c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
	}
	return decide(ctx, lat, cyr, kk, ru);
}

void
lp_lang_table_8bit(const uint32_t cp[256], uint16_t tab[256])
{
	int b;

	pthread_once(&slots_once, init_slots);
	for (b = 0; b < 256; b++) {
		uint32_t c = cp[b];
		if (c >= 0x400 && c <= 0x4ff && cyr_lower[c - 0x400])
			tab[b] = cyr_lower[c - 0x400];
		else if (c < 0x80 && ascii_letter[c])
			tab[b] = 1;
		else if (c == '-')
			tab[b] = 2;
		else
			tab[b] = 0;
	}
}

const char *
lp_lang_line_8bit(struct lp_langctx *ctx, const unsigned char *s, size_t n,
                  const uint16_t tab[256], const unsigned char u8len[256])
{
	long lat = 0, cyr = 0, kk = 0, ru = 0;
	char word[WORD_MAX + 4];
	size_t wstart = 0, wletters = 0, i, span = 0;
	unsigned wkk = 0;
	int words = 0;

	/* the same LANG_SPAN bytes of UTF-8 as lp_lang_line() reads: a
	 * character of a single-byte page is 3 UTF-8 bytes at most */
	if (n > LANG_SPAN / 3) {
		for (i = 0; i < n && span + u8len[s[i]] <= LANG_SPAN; i++)
			span += u8len[s[i]];
		n = i;
	}
	for (i = 0; i < n; i++) {
		unsigned v = tab[s[i]];

		if (v >= 0x400) {
			if (!wletters)
				wstart = i;
			cyr++;
			wletters++;
			wkk |= v;
			continue;
		}
		if (v == 2 && wletters && i + 1 < n && tab[s[i + 1]] >= 0x400)
			continue;
		wkk &= 0x8000;
		END_WORD(word_8bit(s, wstart, i, tab, word));
		lat += v == 1;
	}
	wkk &= 0x8000;
	END_WORD(word_8bit(s, wstart, i, tab, word));
	return decide(ctx, lat, cyr, kk, ru);
}

const char *
lp_guess_lang(const char *s, size_t n)
{
	struct lp_langctx ctx = { NULL };

	return lp_lang_line(&ctx, s, n);
}
