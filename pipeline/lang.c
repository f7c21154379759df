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
 * LANG_SPAN bytes, no allocation; a line of ASCII only (English) is
 * decided by a pass of sixteen bytes a step that looks for a letter.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "lang.h"
#include "util.h"

#define WORD_MAX 32 /* bytes of a word that may vote: longer ones do not */
#define NSLOT 1024  /* hash slots, a power of two, > 4 * entries (two-choice hashing) */
#define SYM_BITS 6  /* a word is read as symbols of 6 bits: see sym_of */
#define LO_SYMS 10  /* symbols in the low key word (60 bits) */

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

/*
 * Words and endings are looked up as keys, not strings.  Every letter that
 * occurs in a listed word or ending, other than the Kazakh letters, gets a
 * symbol (1, 2, ... in the order first met; the hyphen one too: the lists
 * use some 35 of the 63 that 6 bits hold); every other
 * letter is symbol 0, which no entry holds, so a word with such a letter
 * matches no entry -- as its spelling would match no listed spelling.  A
 * listed word with a Kazakh letter is dropped: only words without one are
 * looked up (a Kazakh letter votes by itself).  A word's key is its last
 * LO_SYMS symbols (lo) and the ones before them (hi); a word of more than
 * max_syms symbols cannot be a listed word.
 */
struct entry {
	uint64_t lo, hi;
	uint32_t tag;       /* syms | kind << 8 | USED; 0 for a free slot */
	char lang;          /* 'k' or 'r' */
};
#define USED (1u << 16)

static struct entry slots[NSLOT];
static uint64_t mult[2] = { 0x9e3779b97f4a7c15u, 0xc2b2ae3d27d4eb4fu };
static unsigned max_syms;  /* symbols of the longest listed word */
static unsigned char sym_of[256]; /* symbol of the lowercase letter U+0400 + i */
static unsigned nsym = 1;
static unsigned char sym_hyphen;
static unsigned char tails[(64 + 4096) / 8]; /* bits: the tails (tail_utf8) of every entry */
static unsigned char tails3[(1u << 18) / 8]; /* bits: the last three symbols of every entry of three or more */
static pthread_once_t slots_once = PTHREAD_ONCE_INIT; /* `run -j` has threads */
static _Atomic int slots_ready; /* set when init_slots is done: no call per line */

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

/* By the low 8 bits of a code point in U+0400..U+04FF: 0 for what is not
 * a letter (signs and marks); else LETTER, the symbol of its lowercase
 * form, and KAZAKH for the letters Russian lacks. */
#define LETTER 0x400u
#define KAZAKH 0x8000u
static uint16_t cyr_letter[256];
static unsigned char cyr_sym[256]; /* cyr_letter's symbol alone */

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

/* Each key has two slots and sits in one of them (cuckoo hashing), so a
 * lookup reads two slots and takes no branch on a probe sequence. */
static unsigned
slot_of(uint64_t lo, uint32_t tag, int which)
{
	return (unsigned)(((lo ^ (uint64_t)tag << 40) * mult[which]) >> 54) & (NSLOT - 1);
}

/* Append one symbol to a key. */
#define PUSH_SYM(lo, hi, s) do {                                         \
	(hi) = (hi) << SYM_BITS | (lo) >> (SYM_BITS * (LO_SYMS - 1));     \
	(lo) = ((lo) << SYM_BITS | (s)) & (((uint64_t)1 << (SYM_BITS * LO_SYMS)) - 1); \
} while (0)

static char find(uint64_t lo, uint64_t hi, unsigned syms, unsigned kind);
static int cuckoo_failed;

static void
add_entry(const char *w, unsigned kind, char lang)
{
	const unsigned char *u = (const unsigned char *)w;
	uint64_t lo = 0, hi = 0;
	unsigned syms = 0;
	size_t i = 0, n = strlen(w);

	while (i < n) {
		unsigned c, s;
		if (u[i] == '-') {
			if (!sym_hyphen)
				sym_hyphen = (unsigned char)nsym++;
			s = sym_hyphen;
			i++;
		} else {
			/* the lists are lowercase Cyrillic, two bytes a letter */
			c = ((u[i] & 0x1fu) << 6 | (u[i + 1] & 0x3fu));
			i += 2;
			if (is_kazakh_letter(c))
				return; /* looked-up words have no Kazakh letter */
			if (!sym_of[c - 0x400])
				sym_of[c - 0x400] = (unsigned char)nsym++;
			s = sym_of[c - 0x400];
		}
		PUSH_SYM(lo, hi, s);
		syms++;
	}
	/* An ending spelt like a listed word ("его") never voted: the lookup
	 * by spelling found the word first.  It still does not.  And the
	 * first entry of a key wins, as in a list. */
	if ((kind == 1 && find(lo, hi, syms, 0)) || find(lo, hi, syms, kind))
		return;
	{
		struct entry e = { lo, hi, (uint32_t)(syms | kind << 8 | USED), lang }, t;
		unsigned pos = slot_of(lo, e.tag, 0), k;

		for (k = 0; k < 4 * NSLOT && slots[pos].tag; k++) {
			t = slots[pos];
			slots[pos] = e;
			e = t;
			pos = pos == slot_of(e.lo, e.tag, 0) ? slot_of(e.lo, e.tag, 1) : slot_of(e.lo, e.tag, 0);
		}
		if (slots[pos].tag)
			cuckoo_failed = 1;
		slots[pos] = e;
	}
	{
		unsigned t = syms == 1 ? (unsigned)lo : (unsigned)(lo & 0xfff) + 64;
		tails[t >> 3] |= (unsigned char)(1u << (t & 7));
		if (syms >= 3)
			tails3[(lo & 0x3ffff) >> 3] |= (unsigned char)(1u << (lo & 7));
	}
	if (kind == 0 && syms > max_syms)
		max_syms = syms;
}

static void
init_slots(void)
{
	size_t i;

	/* two-choice hashing may fail to place every key (it does not with
	 * these lists and multipliers): then again with other multipliers */
	do {
		cuckoo_failed = 0;
		memset(slots, 0, sizeof slots);
		for (i = 0; i < sizeof kk_words / sizeof kk_words[0]; i++)
			add_entry(kk_words[i], 0, 'k');
		for (i = 0; i < sizeof ru_words / sizeof ru_words[0]; i++)
			add_entry(ru_words[i], 0, 'r');
		for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
			add_entry(suffixes[i].s, 1, suffixes[i].lang);
		if (cuckoo_failed) {
			mult[0] += 0x9e3779b97f4a7c16u;
			mult[1] ^= mult[0] >> 7;
		}
	} while (cuckoo_failed);
	for (i = 0; i < 256; i++) {
		unsigned c = 0x400 + (unsigned)i, lc = lower_cyr(c);
		if (c >= 0x482 && c <= 0x489)
			continue;
		cyr_letter[i] = (uint16_t)(LETTER | (lc - 0x400 < 256 ? sym_of[lc - 0x400] : 0) |
		                           (is_kazakh_letter(lc) ? KAZAKH : 0));
		cyr_sym[i] = (unsigned char)(cyr_letter[i] & 0x3f);
	}
	atomic_store_explicit(&slots_ready, 1, memory_order_release);
}

static char
find(uint64_t lo, uint64_t hi, unsigned syms, unsigned kind)
{
	uint32_t tag = (uint32_t)(syms | kind << 8 | USED);
	const struct entry *a = &slots[slot_of(lo, tag, 0)], *b = &slots[slot_of(lo, tag, 1)];
	int ia = a->lo == lo && a->hi == hi && a->tag == tag;
	int ib = b->lo == lo && b->hi == hi && b->tag == tag;

	return ia ? a->lang : ib ? b->lang : 0;
}

/* The vote of a word without Kazakh letters: its key (lo, hi) of `syms`
 * symbols, `letters` of them letters, `bytes` long in UTF-8: the word
 * itself if listed, else its last 4 or 3 letters if an ending is listed,
 * with at least 5 letters in the word.  A hyphen among those last letters
 * matches no ending, as the bytes of a spelling would not.  0 if neither. */
static char
word_vote(uint64_t lo, uint64_t hi, unsigned syms, size_t letters)
{
	char v;
	unsigned k;

	if (syms <= max_syms && (v = find(lo, hi, syms, 0)) != 0)
		return v;
	if (letters < 5)
		return 0;
	for (k = 4; k >= 3; k--) {
		uint64_t tail = lo & (((uint64_t)1 << (SYM_BITS * k)) - 1);
		if ((v = find(tail, 0, k, 1)) != 0)
			return v;
	}
	return 0;
}

/* A long line has said what it is long before its end: only its first
 * LANG_SPAN bytes (some 40 to 80 words) are read, and words stop being
 * looked up after VOTES_ENOUGH votes or WORDS_ENOUGH Cyrillic words (the
 * letters Russian lacks still count).  That bounds the cost of a line. */
#define LANG_SPAN LP_LANG_SPAN
#define VOTES_ENOUGH 6
#define WORDS_ENOUGH 8

/*
 * The scanning loops only count: a Cyrillic word is remembered as where it
 * starts, and its key made (key_utf8, key_8bit) only when it may vote -- no
 * Kazakh letter, votes still taken, at most WORD_MAX bytes.  Counts live in
 * local variables that never have their address taken, so they stay in
 * registers.
 */

/* The key of the Cyrillic word u[a..b) of `letters` letters (two bytes
 * each) and hyphens (one): what PUSH_SYM gives symbol by symbol, made
 * with one shift a symbol -- the symbols before the last LO_SYMS go to
 * hi, and how many those are is known from the word's length.  Most
 * words have no hyphen: a letter every two bytes, no test per symbol. */
static unsigned
key_utf8(const unsigned char *u, size_t a, size_t b, size_t letters, uint64_t *lo, uint64_t *hi)
{
	uint64_t l = 0, h = 0;
	unsigned syms = (unsigned)(b - a - letters), nhi = syms > LO_SYMS ? syms - LO_SYMS : 0, k;

	if (syms == letters) {
		for (k = 0; k < nhi; k++, a += 2)
			h = h << SYM_BITS | cyr_sym[((u[a] & 3) << 6) | (u[a + 1] & 0x3f)];
		for (; a < b; a += 2)
			l = l << SYM_BITS | cyr_sym[((u[a] & 3) << 6) | (u[a + 1] & 0x3f)];
	} else {
		for (k = 0; k < syms; k++) {
			unsigned s;
			if (u[a] == '-') {
				s = sym_hyphen;
				a++;
			} else {
				s = cyr_sym[((u[a] & 3) << 6) | (u[a + 1] & 0x3f)];
				a += 2;
			}
			if (k < nhi)
				h = h << SYM_BITS | s;
			else
				l = l << SYM_BITS | s;
		}
	}
	*lo = l;
	*hi = h;
	return syms;
}

/* The same for the 8-bit word s[a..b), read through tab. */
static unsigned
key_8bit(const unsigned char *s, size_t a, size_t b, const uint16_t tab[256], uint64_t *lo,
         uint64_t *hi, size_t *bytes)
{
	uint64_t l = 0, h = 0;
	unsigned syms = 0;
	size_t n = 0;

	for (; a < b; a++) {
		unsigned v = tab[s[a]], sy;
		if (v < LETTER) {
			sy = sym_hyphen;
			n++;
		} else {
			sy = v & 0x3f;
			n += 2;
		}
		PUSH_SYM(l, h, sy);
		syms++;
	}
	*lo = l;
	*hi = h;
	*bytes = n;
	return syms;
}

/* The last two symbols of a word, as a number: (s2 << 6 | s1) + 64 for a
 * word of two symbols or more, s1 for a word of one.  A word ends in a
 * letter (a hyphen stays in a word only before a letter). */
static unsigned
tail_utf8(const unsigned char *u, size_t a, size_t b)
{
	unsigned s1 = cyr_letter[((u[b - 2] & 3) << 6) | (u[b - 1] & 0x3f)] & 0x3f, s2;

	if (b - 2 == a)
		return s1;
	if (u[b - 3] == '-')
		s2 = sym_hyphen;
	else
		s2 = cyr_letter[((u[b - 4] & 3) << 6) | (u[b - 3] & 0x3f)] & 0x3f;
	return (s2 << 6 | s1) + 64;
}

static unsigned
tail_8bit(const unsigned char *s, size_t a, size_t b, const uint16_t tab[256])
{
	unsigned s1 = tab[s[b - 1]] & 0x3f, v;

	if (b - 1 == a)
		return s1;
	v = tab[s[b - 2]];
	return ((v < LETTER ? sym_hyphen : v & 0x3f) << 6 | s1) + 64;
}

/* Can a word with this tail be a listed word or end in a listed ending?
 * Most words cannot, and are turned away before their key is made. */
static int
may_match(unsigned tail)
{
	return tails[tail >> 3] >> (tail & 7) & 1;
}

/* The same for the Cyrillic word u[a..b) by its last three symbols too,
 * which a listed word or ending of three or more that it matches has:
 * most words that pass the test of two fail this one.  A word of fewer
 * than three letters, or with a hyphen among its last three, is asked
 * of two only. */
static int
may_match_utf8(const unsigned char *u, size_t a, size_t b)
{
	unsigned t3;

	if (!may_match(tail_utf8(u, a, b)))
		return 0;
	if (b - a < 6 || u[b - 3] == '-' || u[b - 5] == '-')
		return 1;
	t3 = (unsigned)cyr_sym[((u[b - 6] & 3) << 6) | (u[b - 5] & 0x3f)] << 12 |
	     (unsigned)cyr_sym[((u[b - 4] & 3) << 6) | (u[b - 3] & 0x3f)] << 6 |
	     cyr_sym[((u[b - 2] & 3) << 6) | (u[b - 1] & 0x3f)];
	return tails3[t3 >> 3] >> (t3 & 7) & 1;
}

/* The end of whatever word was open (letters from wstart to i): its vote,
 * if votes are still taken.  KEY makes lo, hi and syms and sets wbytes,
 * the word's UTF-8 length. */
#define END_WORD(MAYBE, KEY) do {                                         \
	if (wletters) {                                                  \
		if (wkk)                                                 \
			kk++;                                            \
		else if (kk + ru < VOTES_ENOUGH && words < WORDS_ENOUGH && \
		         (MAYBE)) {                                      \
			uint64_t lo_, hi_;                               \
			size_t wbytes;                                   \
			unsigned syms_ = KEY;                            \
			if (wbytes <= WORD_MAX) {                        \
				char v_ = word_vote(lo_, hi_, syms_, wletters); \
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

#ifdef __SSE2__
#define SPLAT(b) _mm_set1_epi8((char)(b))

/*
 * The rest of a line once votes are over, from where no word is open: its
 * ASCII letters (*lat) and Cyrillic letters (*cyr), sixteen bytes a step,
 * without the branches of the word loop, taken at every word.  What words
 * remain can only add Kazakh words to kk, which matters only while kk is
 * not above ru (kk_ahead is 0): then a Kazakh letter in the rest makes
 * this give up (returns 0), and the word loop reads on.  Returns 1 when
 * the counts are the answer.  s[0..n) ends on a character boundary.
 */
static int
count_rest(const unsigned char *s, size_t n, int kk_ahead, long *lat, long *cyr)
{
	unsigned char b[LANG_SPAN + 32];
	__m128i alat = _mm_setzero_si128(), acyr = _mm_setzero_si128(), akz = _mm_setzero_si128();
	size_t i;

	/* a copy with zeros after it: every step may read 17 bytes */
	memcpy(b, s, n);
	memset(b + n, 0, 32);
	for (i = 0; i < n; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(b + i));
		__m128i nb = _mm_loadu_si128((const __m128i *)(const void *)(b + i + 1));
		__m128i nb2 = _mm_and_si128(nb, SPLAT(0xfe));
		__m128i lead = _mm_cmpeq_epi8(_mm_and_si128(x, SPLAT(0xfc)), SPLAT(0xd0));
		__m128i d2 = _mm_cmpeq_epi8(x, SPLAT(0xd2)), d3 = _mm_cmpeq_epi8(x, SPLAT(0xd3));
		/* D2 82..89 are signs and marks, not letters */
		__m128i mark = _mm_and_si128(d2, _mm_cmpeq_epi8(_mm_subs_epu8(_mm_sub_epi8(nb, SPLAT(0x82)), SPLAT(7)),
		                                                _mm_setzero_si128()));
		__m128i lx = _mm_or_si128(x, SPLAT(0x20));
		__m128i alpha = _mm_and_si128(_mm_cmpgt_epi8(lx, SPLAT(0x60)), _mm_cmpgt_epi8(SPLAT(0x7b), lx));
		/* the Kazakh letters: І і (D0 86, D1 96), D2 92 93 9A 9B A2 A3 AE AF
		 * B0 B1 BA BB, D3 98 99 A8 A9 */
		__m128i kz = _mm_or_si128(
			_mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(x, SPLAT(0xd0)), _mm_cmpeq_epi8(nb, SPLAT(0x86))),
			             _mm_and_si128(_mm_cmpeq_epi8(x, SPLAT(0xd1)), _mm_cmpeq_epi8(nb, SPLAT(0x96)))),
			_mm_or_si128(
				_mm_and_si128(d2, _mm_or_si128(
					_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(nb2, SPLAT(0x92)), _mm_cmpeq_epi8(nb2, SPLAT(0x9a))),
					             _mm_or_si128(_mm_cmpeq_epi8(nb2, SPLAT(0xa2)), _mm_cmpeq_epi8(nb2, SPLAT(0xae)))),
					_mm_or_si128(_mm_cmpeq_epi8(nb2, SPLAT(0xb0)), _mm_cmpeq_epi8(nb2, SPLAT(0xba))))),
				_mm_and_si128(d3, _mm_or_si128(_mm_cmpeq_epi8(nb2, SPLAT(0x98)), _mm_cmpeq_epi8(nb2, SPLAT(0xa8))))));

		/* per-byte counters: at most LANG_SPAN / 16 steps, no overflow */
		alat = _mm_sub_epi8(alat, alpha);
		acyr = _mm_sub_epi8(acyr, _mm_andnot_si128(mark, lead));
		akz = _mm_or_si128(akz, kz);
	}
	if (!kk_ahead && _mm_movemask_epi8(akz))
		return 0;
	{
		__m128i sl = _mm_sad_epu8(alat, _mm_setzero_si128()), sc = _mm_sad_epu8(acyr, _mm_setzero_si128());
		*lat = _mm_cvtsi128_si32(sl) + _mm_cvtsi128_si32(_mm_srli_si128(sl, 8));
		*cyr = _mm_cvtsi128_si32(sc) + _mm_cvtsi128_si32(_mm_srli_si128(sc, 8));
	}
	return 1;
}
#endif

/* Letters among eight ASCII bytes: 0x80 in each byte that is one. */
static uint64_t
ascii_letters8(uint64_t w)
{
	uint64_t l = w | 0x2020202020202020u; /* A-Z -> a-z, and nothing else lands on a-z */
	uint64_t ge_a = l + 0x1f1f1f1f1f1f1f1fu, gt_z = l + 0x0505050505050505u;

	return ge_a & ~gt_z & 0x8080808080808080u;
}

const char *
lp_lang_line(struct lp_langctx *ctx, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	long lat = 0, cyr = 0, kk = 0, ru = 0;
	size_t wstart = 0, wletters = 0, i = 0;
	unsigned wkk = 0, e;
	int words = 0, counting = 1;

	if (n == 0)
		return decide(ctx, 0, 0, 0, 0); /* a blank line: the language before it */
	if (!atomic_load_explicit(&slots_ready, memory_order_acquire))
		pthread_once(&slots_once, init_slots);
	if (n > LANG_SPAN) {
		/* end on a character boundary */
		n = LANG_SPAN;
		while (n > 0 && (u[n] & 0xc0) == 0x80)
			n--;
	}
#ifdef __SSE2__
	if (n >= 16) {
		/* A line of ASCII (English) has no Cyrillic word and casts no
		 * vote: whether it has a letter is all that counts.  Sixteen
		 * bytes a step, the last step ending at n; the first byte
		 * past ASCII sends the line to the loop below. */
		__m128i al = _mm_setzero_si128();
		size_t j = 0;

		for (;;) {
			__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(u + j));
			__m128i lx = _mm_or_si128(x, SPLAT(0x20));
			if (_mm_movemask_epi8(x))
				break;
			al = _mm_or_si128(al, _mm_and_si128(_mm_cmpgt_epi8(lx, SPLAT(0x60)), _mm_cmpgt_epi8(SPLAT(0x7b), lx)));
			if (j + 16 == n)
				return decide(ctx, _mm_movemask_epi8(al) != 0, 0, 0, 0);
			j = j + 32 <= n ? j + 16 : n - 16;
		}
	}
#endif
	for (;;) {
		unsigned c = i < n ? u[i] : 0;

		if (i < n && c >= 0xd0 && c <= 0xd3 && i + 1 < n &&
		    (e = cyr_letter[((c & 3) << 6) | (u[i + 1] & 0x3f)]) != 0) {
			/* a run of Cyrillic letters */
			if (!wletters)
				wstart = i;
			do {
				cyr++;
				wletters++;
				wkk |= e;
				i += 2;
				/* up to four letters А..я at a time: none is
				 * Kazakh */
				while (i + 8 <= n) {
					uint64_t w;
					unsigned r;
					memcpy(&w, u + i, 8);
					r = lp_u8_cyr_run(w);
					cyr += r;
					wletters += r;
					i += 2 * r;
					if (r < 4)
						break;
				}
			} while (i + 1 < n && (c = u[i]) >= 0xd0 && c <= 0xd3 &&
			         (e = cyr_letter[((c & 3) << 6) | (u[i + 1] & 0x3f)]) != 0);
			continue;
		}
		/* "сондай-ақ": a hyphen between letters stays in the word */
		if (c == '-' && wletters && i + 1 < n && u[i + 1] >= 0xd0 && u[i + 1] <= 0xd3 &&
		    i + 2 < n && cyr_letter[((u[i + 1] & 3) << 6) | (u[i + 2] & 0x3f)]) {
			i++;
			continue;
		}
		/* anything else ends a Cyrillic word */
		wkk &= KAZAKH;
		END_WORD(may_match_utf8(u, wstart, i),
		         (wbytes = i - wstart) <= WORD_MAX ? key_utf8(u, wstart, i, wletters, &lo_, &hi_) : 0);
		if (i >= n)
			break;
#ifdef __SSE2__
		if (counting && (kk + ru >= VOTES_ENOUGH || words >= WORDS_ENOUGH)) {
			/* votes are over, and no word is open */
			long l_, c_;
			if (count_rest(u + i, n - i, kk > ru, &l_, &c_))
				return decide(ctx, lat + l_, cyr + c_, kk, ru);
			counting = 0; /* a Kazakh letter that may still count: read on */
		}
#endif
		if (c < 0x80) {
			/* a run of ASCII up to a hyphen: only its letters count */
			lat += ascii_letter[c];
			i++;
			while (i + 8 <= n) {
				uint64_t w, h;
				memcpy(&w, u + i, 8);
				h = w ^ 0x2d2d2d2d2d2d2d2du;
				if ((w & 0x8080808080808080u) ||
				    ((h - 0x0101010101010101u) & ~h & 0x8080808080808080u))
					break;
				lat += (long)(((ascii_letters8(w) >> 7) * 0x0101010101010101u) >> 56);
				i += 8;
			}
			while (i < n && (c = u[i]) < 0x80 && c != '-') {
				lat += ascii_letter[c];
				i++;
			}
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
		if (c >= 0x400 && c <= 0x4ff && cyr_letter[c - 0x400])
			tab[b] = cyr_letter[c - 0x400];
		else if (c < 0x80 && ascii_letter[c])
			tab[b] = 1;
		else if (c == '-')
			tab[b] = 2;
		else
			tab[b] = 0;
	}
}

const char *
lp_lang_span_8bit(struct lp_langctx *ctx, const unsigned char *s, size_t n, const uint16_t tab[256])
{
	long lat = 0, cyr = 0, kk = 0, ru = 0;
	size_t wstart = 0, wletters = 0, i;
	unsigned wkk = 0;
	int words = 0;

	for (i = 0; i < n; i++) {
		unsigned v = tab[s[i]];

		if (v >= LETTER) {
			if (!wletters)
				wstart = i;
			cyr++;
			wletters++;
			wkk |= v;
			continue;
		}
		if (v == 2 && wletters && i + 1 < n && tab[s[i + 1]] >= LETTER)
			continue;
		wkk &= KAZAKH;
		END_WORD(may_match(tail_8bit(s, wstart, i, tab)), key_8bit(s, wstart, i, tab, &lo_, &hi_, &wbytes));
		lat += v == 1;
	}
	wkk &= KAZAKH;
	END_WORD(may_match(tail_8bit(s, wstart, i, tab)), key_8bit(s, wstart, i, tab, &lo_, &hi_, &wbytes));
	return decide(ctx, lat, cyr, kk, ru);
}

const char *
lp_lang_entry(size_t i, char *lang, int *ending)
{
	size_t nk = sizeof kk_words / sizeof kk_words[0], nr = sizeof ru_words / sizeof ru_words[0];

	*ending = i >= nk + nr;
	if (i < nk) {
		*lang = 'k';
		return kk_words[i];
	}
	if (i < nk + nr) {
		*lang = 'r';
		return ru_words[i - nk];
	}
	i -= nk + nr;
	if (i >= sizeof suffixes / sizeof suffixes[0])
		return NULL;
	*lang = suffixes[i].lang;
	return suffixes[i].s;
}

const char *
lp_guess_lang(const char *s, size_t n)
{
	struct lp_langctx ctx = { NULL };

	return lp_lang_line(&ctx, s, n);
}
