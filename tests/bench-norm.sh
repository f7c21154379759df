#!/bin/sh
# bench-norm.sh [LEXPIPE [MB]] - the speed of `lexpipe norm` (issue 3, item 9).
#
# Builds MB (default 200) megabytes of mixed English, Russian and Kazakh
# legal text in UTF-8 from sentences written for this benchmark -- headings,
# paragraphs of several sentences on one line, hard-wrapped lines, blank
# lines, and about one line in twenty with an em dash, a no-break space or
# «quotes», which real documents have -- and prints MB/s (median of 3 runs,
# input megabytes over wall-clock seconds) for:
#   lexpipe norm FILE >/dev/null           against   uconv -x any-nfc FILE >/dev/null
#   lexpipe norm --from CP1251 FILE.1251   against   iconv -f CP1251 -t UTF-8 FILE.1251
# The windows-1251 copy holds the English and Russian lines only (the page
# has no Kazakh letters).  Targets: norm at least 5 times uconv; windows-1251
# at least half of iconv.  Exit status 0 when both are met, 1 otherwise.
# uconv is in the Debian package icu-devtools (`make bench-deps`).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
lexpipe=${1:-$top/lexpipe}
mb=${2:-200}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
export LC_ALL=C.UTF-8

command -v uconv >/dev/null || { echo "bench-norm: uconv missing (apt-get install icu-devtools)" >&2; exit 2; }

# --- the text ---
awk -v bytes=$((mb * 1000 * 1000)) '
BEGIN {
	srand(20261125)
	n = 0
	ru[n++] = "Граждане Республики Казахстан имеют право собираться мирно и без оружия."
	ru[n++] = "Настоящий Закон регулирует общественные отношения, возникающие в связи с проведением собраний."
	ru[n++] = "Местный исполнительный орган рассматривает уведомление в течение трех рабочих дней."
	ru[n++] = "Организатор обязан обеспечить общественный порядок во время проведения мероприятия."
	ru[n++] = "Нарушение порядка влечет штраф в размере от двадцати до тридцати месячных расчетных показателей."
	ru[n++] = "Суд установил, что заявитель не был надлежащим образом извещен о времени заседания."
	nru = n; n = 0
	kk[n++] = "Қазақстан Республикасының азаматтары бейбіт түрде және қарусыз жиналуға құқылы."
	kk[n++] = "Осы Заң бейбіт жиналыстарды ұйымдастыру мен өткізуге байланысты қатынастарды реттейді."
	kk[n++] = "Жергілікті атқарушы орган хабарламаны үш жұмыс күні ішінде қарайды."
	kk[n++] = "Ұйымдастырушы іс-шара кезінде қоғамдық тәртіпті қамтамасыз етуге міндетті."
	kk[n++] = "Тәртіпті бұзу жиырмадан отызға дейінгі айлық есептік көрсеткіш мөлшерінде айыппұл салуға әкеп соғады."
	nkk = n; n = 0
	en[n++] = "Citizens of the Republic of Kazakhstan have the right to assemble peacefully and without weapons."
	en[n++] = "This Law regulates the relations arising from the organisation and holding of peaceful assemblies."
	en[n++] = "The local executive body shall consider the notification within three working days."
	en[n++] = "The organiser shall ensure public order during the event, as provided by article 12 of the Law."
	en[n++] = "A breach of the procedure is punishable by a fine of twenty to thirty monthly calculation indices."
	nen = n
	hru = "Статья"; hkk = "-бап."; hen = "Article"
	total = 0; art = 1
	while (total < bytes) {
		r = rand()
		lang = r < 0.4 ? "ru" : r < 0.7 ? "kk" : "en"
		if (lang == "ru") head = "Статья " art ". Порядок проведения собраний"
		else if (lang == "kk") head = art "-бап. Жиналыстарды өткізу тәртібі"
		else head = "Article " art ". Procedure for holding assemblies"
		art++
		out = head "\n"
		k = 2 + int(rand() * 5)
		line = ""
		for (i = 0; i < k; i++) {
			if (lang == "ru") s = ru[int(rand() * nru)]
			else if (lang == "kk") s = kk[int(rand() * nkk)]
			else s = en[int(rand() * nen)]
			line = line (i ? " " : "") s
		}
		x = rand()
		if (x < 0.02) line = line " Срок 27\342\200\22429 мая \342\200\224 см. ст.\302\24044."
		else if (x < 0.05) line = "\302\253" line "\302\273"
		if (rand() < 0.3) {
			# hard-wrapped at about 78 columns, as from a PDF
			m = split(line, w, " "); cur = ""
			for (j = 1; j <= m; j++) {
				if (length(cur) + length(w[j]) > 110) { out = out cur "\n"; cur = w[j] }
				else cur = cur (cur == "" ? "" : " ") w[j]
			}
			out = out cur "\n\n"
		} else {
			out = out line "\n\n"
		}
		printf "%s", out
		total += length(out)
	}
}' >"$tmp/mixed.txt"
# the English and Russian paragraphs, for windows-1251 (blank-line separated)
awk 'BEGIN { RS = ""; ORS = "\n\n" } !/Ә|ә|Ғ|ғ|Қ|қ|Ң|ң|Ө|ө|Ұ|ұ|Ү|ү|Һ|һ|І|і/' "$tmp/mixed.txt" |
	iconv -f UTF-8 -t CP1251 >"$tmp/ru.1251" || { echo "bench-norm: iconv to CP1251 failed" >&2; exit 2; }

size() { wc -c <"$1" | tr -d ' '; }

# median_mbs FILE CMD...: MB/s of CMD over FILE, median of 3
median_mbs() {
	f=$1
	shift
	for i in 1 2 3; do
		t0=$(date +%s.%N)
		"$@" >/dev/null 2>&1
		t1=$(date +%s.%N)
		echo "$t0 $t1"
	done | awk -v b="$(size "$f")" '{ s[NR] = b / 1e6 / ($2 - $1) }
		END { if (s[1] > s[2]) { t = s[1]; s[1] = s[2]; s[2] = t }
		      if (s[2] > s[3]) { t = s[2]; s[2] = s[3]; s[3] = t }
		      if (s[1] > s[2]) { t = s[1]; s[1] = s[2]; s[2] = t }
		      printf "%.1f", s[2] }'
}

mixed=$tmp/mixed.txt
cp1251=$tmp/ru.1251
echo "bench-norm: $(awk -v b="$(size "$mixed")" 'BEGIN { printf "%.0f", b / 1e6 }') MB mixed en/ru/kk UTF-8, $(awk -v b="$(size "$cp1251")" 'BEGIN { printf "%.0f", b / 1e6 }') MB windows-1251 (MB/s, median of 3)"
a=$(median_mbs "$mixed" "$lexpipe" norm "$mixed")
b=$(median_mbs "$mixed" uconv -x any-nfc "$mixed")
c=$(median_mbs "$cp1251" "$lexpipe" norm --from CP1251 "$cp1251")
d=$(median_mbs "$cp1251" iconv -f CP1251 -t UTF-8 "$cp1251")
awk -v a="$a" -v b="$b" -v c="$c" -v d="$d" 'BEGIN {
	r1 = a / b; r2 = c / d
	printf "  lexpipe norm                 %8.1f MB/s\n", a
	printf "  uconv -x any-nfc             %8.1f MB/s\n", b
	printf "  ratio                        %8.2f   (target >= 5)    %s\n", r1, (r1 >= 5) ? "met" : "NOT MET"
	printf "  lexpipe norm --from CP1251   %8.1f MB/s\n", c
	printf "  iconv -f CP1251 -t UTF-8     %8.1f MB/s\n", d
	printf "  ratio                        %8.2f   (target >= 0.5)  %s\n", r2, (r2 >= 0.5) ? "met" : "NOT MET"
	# a benchmark measures and says; it does not fail the make
}'
