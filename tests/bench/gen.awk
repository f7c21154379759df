# gen.awk - the benchmark corpus: deterministic legal prose in English,
# Russian and Kazakh, written from this file's own templates.
#
#   awk -v MB=200 -v DIR=out -f gen.awk
#
# writes DIR/NNNNN-LANG.txt documents (laws with headings and numbered
# items, reports and letters in plain paragraphs, some hard-wrapped) until
# MB megabytes are written, then prints the file names, one a line.  About
# one sentence in six carries a statute reference or restrictive wording.
#
# Determinism: the generator is Park-Miller's (x * 16807 mod 2^31-1),
# exact in awk's doubles, so mawk, gawk and busybox awk write the same bytes.

function rnd(n) { X = (X * 16807) % 2147483647; return int(n * X / 2147483647) }
function pick(a, n) { return a[1 + rnd(n)] }
function num() { return 1 + rnd(rnd(4) ? 60 : 400) }
function split_list(s, a) { return split(s, a, "|") }

function lcfirst(s) { return tolower(substr(s, 1, 1)) substr(s, 2) }

function sent_en(   r, s, t) {
	r = rnd(6)
	if (r == 0) {
		s = rnd(3) == 0 ? "In accordance with Article " num() " of the Law on " pick(EL, nEL) ", " \
		  : rnd(2) ? "Under paragraph " num() " of Article " num() "-" (1 + rnd(5)) " of the " pick(EC, nEC) ", " \
		  : "As provided by Art. " num() " of the Constitution, "
		t = pick(ES, nES)
		s = s tolower(substr(t, 1, 1)) substr(t, 2) " " pick(EP, nEP) " " pick(EA, nEA) "."
	} else if (r == 1 && rnd(2)) {
		s = rnd(3) ? pick(EN, nEN) " " pick(ER, nER) " " pick(ET, nET) "." \
		  : pick(EN, nEN) " shall be punished by a fine of " (10 + rnd(20)) " to " (40 + rnd(60)) " monthly calculation indices."
	} else {
		r = rnd(3)
		s = r == 0 ? pick(ES, nES) " " pick(EP, nEP) " " pick(EA, nEA) " " pick(ET, nET) "." \
		  : r == 1 ? pick(EO, nEO) " " pick(EV, nEV) " " (2 + rnd(300)) " " pick(EX, nEX) " " pick(EW, nEW) "." \
		  : pick(EO, nEO) " " pick(EF, nEF) " that " lcfirst(pick(ES, nES)) " " pick(EP, nEP) " " pick(EA, nEA) "."
	}
	return s
}

function sent_ru(   r, s) {
	r = rnd(6)
	if (r == 0) {
		s = rnd(3) == 0 ? "В соответствии со статьей " num() " Закона «О " pick(UL, nUL) "» " \
		  : rnd(2) ? "Согласно пункту " num() " статьи " num() "-" (1 + rnd(5)) " " pick(UC, nUC) " " \
		  : "Как предусмотрено ст. " num() " Конституции, "
		s = s tolower_ru(pick(US, nUS)) " " pick(UP, nUP) " " pick(UA, nUA) "."
	} else if (r == 1 && rnd(2)) {
		s = rnd(3) ? pick(UN, nUN) " " pick(UR, nUR) " " pick(UT, nUT) "." \
		  : pick(UN, nUN) " влечет штраф в размере от " (10 + rnd(20)) " до " (40 + rnd(60)) " месячных расчетных показателей."
	} else {
		r = rnd(3)
		s = r == 0 ? pick(US, nUS) " " pick(UP, nUP) " " pick(UA, nUA) " " pick(UT, nUT) "." \
		  : r == 1 ? pick(UO, nUO) " " pick(UV, nUV) " " (2 + rnd(300)) " " pick(UX, nUX) " " pick(UW, nUW) "." \
		  : pick(UO, nUO) " " pick(UV, nUV) " — " tolower_ru(pick(US, nUS)) " " pick(UP, nUP) " " pick(UA, nUA) "."
	}
	return s
}

function sent_kk(   r, s) {
	r = rnd(6)
	if (r == 0) {
		s = rnd(3) == 0 ? "«" pick(KL, nKL) " туралы» Заңның " num() "-бабына сәйкес " \
		  : rnd(2) ? pick(KC, nKC) " " num() "-бабының " num() "-тармағына сәйкес " \
		  : "Конституцияның " num() "-бабында көзделгендей, "
		s = s pick(KS, nKS) " " pick(KA, nKA) " " pick(KP, nKP) "."
	} else if (r == 1 && rnd(2)) {
		s = rnd(3) ? pick(KN, nKN) " " pick(KR, nKR) "." \
		  : pick(KN, nKN) " айлық есептік көрсеткіштің " (10 + rnd(20)) "-дан " (40 + rnd(60)) "-ға дейінгі мөлшерінде айыппұл салуға әкеп соғады."
	} else {
		r = rnd(3)
		s = r == 0 ? pick(KS, nKS) " " pick(KT, nKT) " " pick(KA, nKA) " " pick(KP, nKP) "." \
		  : r == 1 ? pick(KO, nKO) " " (2 + rnd(300)) " " pick(KX, nKX) " " pick(KV, nKV) "." \
		  : pick(KO, nKO) " " pick(KS, nKS) " " pick(KA, nKA) " " pick(KP, nKP) " деп атап өтті."
	}
	return s
}

# Russian capitals to small letters for a subject moved after a clause
# (awk's tolower is byte-wise ASCII in mawk).
function tolower_ru(s,   f) {
	f = substr(s, 1, 2)
	if (f in LOW)
		return LOW[f] substr(s, 3)
	return s
}

function sentence(lang) {
	return lang == "en" ? sent_en() : lang == "ru" ? sent_ru() : sent_kk()
}

function heading(lang, n) {
	if (lang == "en") return "Article " n ". " pick(EH, nEH)
	if (lang == "ru") return "Статья " n ". " pick(UH, nUH)
	return n "-бап. " pick(KH, nKH)
}

# A paragraph of k sentences, written as one line or hard-wrapped at w.
function para(lang, k, w,   p, i, out, n, words, line) {
	p = sentence(lang)
	for (i = 2; i <= k; i++)
		p = p " " sentence(lang)
	if (!w)
		return p "\n"
	n = split(p, words, " ")
	out = ""
	line = words[1]
	for (i = 2; i <= n; i++) {
		if (length(line) + length(words[i]) >= w) {
			out = out line "\n"
			line = words[i]
		} else
			line = line " " words[i]
	}
	return out line "\n"
}

function document(lang, target,   f, bytes, art, item, kind, w, p, crlf, nl) {
	f = sprintf("%s/%05d-%s.txt", DIR, ndoc, lang)
	kind = rnd(3)             # 0 law, 1 report, 2 letter
	w = rnd(3) == 0 ? (72 + rnd(20)) * (lang == "en" ? 1 : 2) : 0
	crlf = rnd(8) == 0
	nl = crlf ? "\r\n" : "\n"
	p = lang == "en" ? (kind == 0 ? "LAW OF THE REPUBLIC OF KAZAKHSTAN\nOn " pick(EL, nEL) "\n\n" : kind == 1 ? "Monitoring report on " pick(EL, nEL) "\n\n" : "To the Ministry of Justice\n\n") \
	  : lang == "ru" ? (kind == 0 ? "ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН\nО " pick(UL, nUL) "\n\n" : kind == 1 ? "Доклад о мониторинге: " pick(UL, nUL) "\n\n" : "В Министерство юстиции\n\n") \
	  : (kind == 0 ? "ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ\n" pick(KL, nKL) " туралы\n\n" : kind == 1 ? "Мониторинг туралы баяндама: " pick(KL, nKL) "\n\n" : "Әділет министрлігіне\n\n")
	bytes = 0
	art = 1
	while (bytes < target) {
		if (kind == 0) {
			p = p heading(lang, art++) "\n"
			for (item = 1; item <= 1 + rnd(5); item++)
				p = p item ". " para(lang, 1 + rnd(3), w)
			p = p "\n"
		} else {
			p = p para(lang, 2 + rnd(6), w) "\n"
		}
		if (crlf)
			gsub(/\n/, "\r\n", p)
		printf "%s", p > f
		bytes += length(p)
		p = ""
	}
	close(f)
	print f
	return bytes
}

BEGIN {
	X = 20260401
	if (!MB) MB = 200
	if (!DIR) DIR = "."
	# mawk counts bytes, gawk in a UTF-8 locale characters: either way the
	# size target only decides where documents stop, and run under LC_ALL=C
	# every awk counts bytes.
	nEL = split_list("Peaceful Assemblies|Elections|Mass Media|Public Associations|Access to Information|Political Parties|Religious Activity and Religious Associations|Combating Extremism", EL)
	nEC = split_list("Code of Administrative Offences|Criminal Code|Civil Procedure Code|Labour Code", EC)
	nES = split_list("Citizens of the Republic of Kazakhstan|The organisers of a peaceful assembly|Every person|The local executive body|A candidate for deputy|Public associations|The court|The authorised body|Journalists accredited under this Law|Foreign nationals|Observers", ES)
	nEP = split_list("shall have the right to|may|shall|are entitled to|shall be obliged to", EP)
	nEA = split_list("assemble peacefully and without weapons|hold meetings, rallies and demonstrations|receive and impart information|submit a written notification to the local executive body|appeal against the decision in court|form political parties|monitor the voting at polling stations|publish the results of the count", EA)
	nET = split_list("in accordance with the procedure established by law|within ten working days|subject to the requirements of public order|unless otherwise provided by the Constitution|in the manner determined by the Government|at the place designated by the akimat", ET)
	nEN = split_list("Holding an assembly in a place not designated for it|Obstructing the work of journalists|Financing of political parties by foreign legal entities|Participation in an unregistered association|Distribution of campaign materials on the day of voting", EN)
	nER = split_list("is prohibited|shall not be permitted|is not allowed|shall be restricted|is forbidden", ER)
	nEO = split_list("The commission|The working group|Our observers|The ombudsman|The regional court|The monitoring mission|The applicant|The prosecutor's office", EO)
	nEV = split_list("reviewed|recorded|received|reported|examined|noted", EV)
	nEF = split_list("noted|reported|found|stressed|concluded", EF)
	nEX = split_list("complaints|cases|notifications|requests|applications|appeals", EX)
	nEW = split_list("during the reporting period|in the first half of the year|from citizens and NGOs|in Almaty and Astana|since the amendments came into force", EW)
	nEH = split_list("The right to peaceful assembly|Notification of an assembly|Restrictions|Rights of observers|Final provisions|Liability for violations", EH)

	nUL = split_list("мирных собраниях|выборах в Республике Казахстан|средствах массовой информации|общественных объединениях|доступе к информации|политических партиях|религиозной деятельности и религиозных объединениях|противодействии экстремизму", UL)
	nUC = split_list("Кодекса об административных правонарушениях|Уголовного кодекса|Гражданского процессуального кодекса|Трудового кодекса", UC)
	nUS = split_list("Граждане Республики Казахстан|Организаторы мирного собрания|Каждый|Местный исполнительный орган|Кандидат в депутаты|Общественные объединения|Суд|Уполномоченный орган|Аккредитованные журналисты|Иностранцы|Наблюдатели", US)
	nUP = split_list("вправе|имеют право|обязаны|могут", UP)
	nUA = split_list("собираться мирно и без оружия|проводить собрания, митинги и демонстрации|получать и распространять информацию|подать письменное уведомление в местный исполнительный орган|обжаловать решение в суде|создавать политические партии|наблюдать за голосованием на избирательных участках|опубликовать итоги подсчета голосов", UA)
	nUT = split_list("в порядке, установленном законом|в течение десяти рабочих дней|с соблюдением требований общественного порядка|если иное не предусмотрено Конституцией|в порядке, определяемом Правительством|в месте, определенном акиматом", UT)
	nUN = split_list("Проведение собрания в не отведенном для этого месте|Воспрепятствование работе журналистов|Финансирование политических партий иностранными юридическими лицами|Участие в деятельности незарегистрированного объединения|Распространение агитационных материалов в день голосования", UN)
	nUR = split_list("запрещается|не допускается|запрещено|ограничивается|не разрешается", UR)
	nUO = split_list("Комиссия|Рабочая группа|Наши наблюдатели|Уполномоченный по правам человека|Областной суд|Миссия по мониторингу|Заявитель|Прокуратура", UO)
	nUV = split_list("рассмотрела|зафиксировала|получила|сообщила о том, что поступило|изучила", UV)
	nUX = split_list("жалоб|дел|уведомлений|обращений|заявлений|апелляций", UX)
	nUW = split_list("за отчетный период|в первом полугодии|от граждан и НПО|в Алматы и Астане|после вступления поправок в силу", UW)
	nUH = split_list("Право на мирные собрания|Уведомление о собрании|Ограничения|Права наблюдателей|Заключительные положения|Ответственность за нарушения", UH)
	LOW["Г"] = "г"; LOW["О"] = "о"; LOW["К"] = "к"; LOW["М"] = "м"; LOW["С"] = "с"
	LOW["У"] = "у"; LOW["А"] = "а"; LOW["И"] = "и"; LOW["Н"] = "н"

	nKL = split_list("Бейбіт жиналыстар|Қазақстан Республикасындағы сайлау|Бұқаралық ақпарат құралдары|Қоғамдық бірлестіктер|Ақпаратқа қол жеткізу|Саяси партиялар|Діни қызмет және діни бірлестіктер|Экстремизмге қарсы іс-қимыл", KL)
	nKC = split_list("Әкімшілік құқық бұзушылық туралы кодекстің|Қылмыстық кодекстің|Азаматтық процестік кодекстің|Еңбек кодексінің", KC)
	nKS = split_list("Қазақстан Республикасының азаматтары|Бейбіт жиналысты ұйымдастырушылар|Әркім|Жергілікті атқарушы орган|Депутаттыққа кандидат|Қоғамдық бірлестіктер|Сот|Уәкілетті орган|Аккредиттелген журналистер|Шетелдіктер|Байқаушылар", KS)
	nKA = split_list("бейбіт және қарусыз жиналуға|жиналыстар, митингілер мен демонстрациялар өткізуге|ақпарат алуға және таратуға|жергілікті атқарушы органға жазбаша хабарлама беруге|шешімге сотқа шағымдануға|саяси партиялар құруға|сайлау учаскелерінде дауыс беруді байқауға", KA)
	nKP = split_list("құқылы|міндетті|құқығы бар", KP)
	nKT = split_list("заңда белгіленген тәртіппен|он жұмыс күні ішінде|қоғамдық тәртіп талаптарын сақтай отырып|Конституцияда өзгеше көзделмесе|Үкімет айқындайтын тәртіппен", KT)
	nKN = split_list("Жиналысты осы үшін белгіленбеген орында өткізуге|Журналистердің жұмысына кедергі келтіруге|Саяси партияларды шетелдік заңды тұлғалардың қаржыландыруына|Тіркелмеген бірлестіктің қызметіне қатысуға", KN)
	nKR = split_list("тыйым салынады|жол берілмейді|рұқсат етілмейді", KR)
	nKO = split_list("Комиссия|Жұмыс тобы|Біздің байқаушылар|Адам құқықтары жөніндегі уәкіл|Облыстық сот|Мониторинг миссиясы", KO)
	nKX = split_list("шағымды|істі|хабарламаны|өтінішті|арызды", KX)
	nKV = split_list("қарады|тіркеді|алды|зерделеді", KV)
	nKH = split_list("Бейбіт жиналыстарға құқық|Жиналыс туралы хабарлама|Шектеулер|Байқаушылардың құқықтары|Қорытынды ережелер|Бұзушылықтар үшін жауапкершілік", KH)

	total = 0
	limit = MB * 1000000
	ndoc = 0
	while (total < limit) {
		ndoc++
		r = rnd(10)
		lang = r < 4 ? "ru" : r < 7 ? "en" : "kk"
		# most documents 20-200 kB, one in fifty a few megabytes
		size = rnd(50) == 0 ? 1000000 + rnd(3000000) : 20000 + rnd(180000)
		if (size > limit - total)
			size = limit - total
		total += document(lang, size)
	}
}
