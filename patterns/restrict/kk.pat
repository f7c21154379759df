# Kazakh restrictive language (engine: pipeline/restrict.c).  Negation in
# Kazakh is inside the verb (-ма/-ме/-ба/-бе/-па/-пе: "тыйым салынбайды",
# "шектелмейді") or a following "емес" ("міндетті емес"): the group "neg"
# marks it.  A modal absorbed into a restriction verb ("шектелуі мүмкін",
# "шектей алады") is one row.

# ---- prohibition ----

rule kk.tyiym
kind restrict
label prohibition
lang kk
regex (?iJ)(?<m>\bтыйым\s+сал(?:ын)?(?<neg>ба|ма)\w*|\bтыйым\s+сал\w*|\bтыйым(?:ы|ын|ға|да|дар\w*)?\b)
example Қатысушыларға бетін жасыруға тыйым салынады. => prohibition
example Сот тыйым салған ұйымның қызметіне қатысу. => prohibition
example Бейбіт жиналыстарға саяси мазмұны себебінен тыйым салынбайды. => prohibition negated
example бұқаралық іс-шаралар өткізуге тыйым салу; => prohibition

rule kk.zhol-berilmeidi
kind restrict
label prohibition
lang kk
regex (?i)(?<m>\bжол\s+берілме\w*|\bрұқсат\s+етілме\w*)
example Қауіпті объектілерден жақын жерде жиналыстар өткізуге жол берілмейді. => prohibition
example Конституциялық заңмен жол берілмейтін үгіт. => prohibition
example Мұнда темекі шегуге рұқсат етілмейді. => prohibition

rule kk.kukygy-zhok
kind restrict
label prohibition
lang kk
regex (?i)(?<m>\bқұқығы\s+жоқ\b|\bқұқылы\s+емес\b)
example Қатысушылардың рәміздерді көрсетуге құқығы жоқ. => prohibition

rule kk.bolmaidy
kind restrict
label prohibition
lang kk
regex (?i)\b\w+(?:уға|уге|қа|ке|ға|ге)\s+(?<m>болмайды)\b
example Сағат 22-ден кейін жиналыс өткізуге болмайды. => prohibition
example Егер қызметі қатер төндірсе, оны тіркеуге болмайды. => permission; prohibition

# normative "-а/-е/-й алмайды" (cannot); not "-пей тұра алмайды" (cannot but),
# not a personal inability ("ол ауырып қалғандықтан келе алмайды")
rule kk.almaidy
kind restrict
label prohibition
lang kk
regex (?i)(?<m>\b(?!тұра\b)\w+(?:а|е|й)\s+алма(?:йды|йтын|ған|с|йды)\b)
unless-before (?i)^\s*(?:\d+\.\s*)?(?:ол|мен|біз|сен|сіз|олар)\s
unless-clause (?i)(?:ғандықтан|гендіктен|қандықтан|кендіктен|ауырып)
example Шетелдіктер бейбіт жиналыстың ұйымдастырушысы бола алмайды. => prohibition
example Судьялар мен әскери қызметшілер партия мүшесі бола алмайды. => prohibition
example Ұйымдастырушылар сағат 20-дан кейін дауыс зорайтқыштарды пайдалана алмайды. => prohibition
not Комиссия полиция реформасындағы ілгерілеуді атап өтпей тұра алмайды.
not Ол ауырып қалғандықтан отырысқа келе алмайды.

rule kk.tiis-not
kind restrict
label prohibition
lang kk
regex (?i)(?<m>\b\w+(?:ма|ме|ба|бе|па|пе)(?:уға|уге|уы|уі)\s+тиіс\b)
example Қатысушылар қару алып жүрмеуге тиіс. => prohibition
example Төтенше жағдай отыз тәуліктен аспауға тиіс. => prohibition

# ---- restriction ----

rule kk.shekteu
kind restrict
label restriction
lang kk
regex (?iJ)(?<m>\bшекте(?:л)?(?<neg>ме)\w*|\bшекте(?!улі\b)(?!ліп\b)\w*)
example Бұл құқықты жүзеге асыру заңмен ғана шектелуі мүмкін. => restriction
example Бейбіт жиналыстар құқығы шектелмейді. => restriction negated
example Жергілікті атқарушы орган шеру бағытын шектей алады. => restriction
example Төтенше жағдай кезеңінде мынадай шектеулер енгізілуі мүмкін: => restriction
example Бұл жолда жылдамдықты шектеу сағатына тоқсан километр. => restriction
not Баспагер – Астанадағы жауапкершілігі шектеулі серіктестік.
not Полиция ескертумен шектеліп, пикетшілерді босатты.

# ---- obligation ----

rule kk.mindetti
kind restrict
label obligation
lang kk
regex (?i)(?<m>\bміндетті\b|\bміндеттел\w*|\bміндеттей(?:ді|тін)\b|\bміндеттеді\b)(?:\s+(?<neg>емес)\b)?
example Ұйымдастырушы хабарлама беруге міндетті. => obligation
example Ұйымдастырушы аты-жөнін жариялауға міндетті емес. => obligation negated
example Заң жобасы блогерлерді БАҚ ретінде тіркелуге міндеттейді. => permission; obligation
not Ұйымдастырушының құқықтары мен міндеттері

rule kk.tiis
kind restrict
label obligation
lang kk
regex (?i)\b\w+(?:уға|уге|қа|ке|ға|ге|уы|уі)\s+(?<m>тиіс)\b(?!\s+емес)
unless-before (?i)(?:ма|ме|ба|бе|па|пе)(?:уға|уге|уы|уі)\s*$
# epistemic тиіс: a forecast or a guess ("ертең жаңбыр жаууы тиіс, деп болжайды")
unless-clause (?i)(?:болжа\w*|шамасы|сірә|мүмкін|синоптик\w*)
example Ұйымдастырушы бағытты сақтауын қамтамасыз етуге тиіс. => obligation
example Бас тарту дәлелді болуға тиіс және үш күн ішінде жіберілуге тиіс. => obligation; obligation
example БАҚ уәкілетті органда тіркелуге тиіс. => permission; obligation
not Шағымдар тиісті органдарға жіберілді.
example Құрылтайшылар кемінде он адам болуы тиіс. => obligation
not Ертең жаңбыр жаууы тиіс, деп болжайды синоптиктер.

# ---- permission ----

rule kk.ruqsat
kind restrict
label permission
lang kk
regex (?i)(?<m>\bрұқсат(?!\s+етілме)(?!\s+етіңіз)\w*)(?:\s+(?:\S+\s+)?талап\s+(?<neg>етілмейді)\b)?
# "автордың рұқсатымен": a private person's consent, not an authorization regime
unless-before (?i)\b(?:автор|иесі|иелері|ата-ана|отбасы|фотограф|суретші|мұрагер|баспа|сұхбаттас)\w*\s*$
example Жол қозғалысына кедергі келтірген рұқсатсыз жиналысқа қатысу. => permission
example Арнайы орында жиналыс өткізу үшін әкімдіктің рұқсаты талап етілмейді. => permission negated
example Әкімдік рұқсат беруден бас тарта алады. => permission
not Рұқсат етіңіз, мен қысқаша айтайын.
not Хат авторының рұқсатымен жарияланып отыр.
not Суреттер фотографтың рұқсатымен басылды.
example Пикет әкімдіктің рұқсатынсыз өтті. => permission

rule kk.tirkeu
kind restrict
label permission
lang kk
regex (?iJ)(?<m>\b(?:қайта\s+)?тіркеу\w*|\bтіркел(?:уге|уі|уін|меген\w*|мейді|сін)\b)(?:\s+(?<neg>жатпайды)\b)?
  |(?<m>\bтіркел(?:уге|уі))\s+(?:\w+\s+)?(?<neg>жатпайды)\b
example Тіркелмеген қоғамдық бірлестіктердің қызметіне тыйым салынады. => permission; prohibition
example Басылымдар тіркелуге жатпайды. => permission negated
example Оны тіркеуден бас тартылуы мүмкін. => permission
example Бұқаралық ақпарат құралын тіркеусіз шығару. => permission
not 2023 жылы тұрмыстық зорлық-зомбылықтың 1 200 жағдайы тіркелді.
not Шілдеде тіркелген температура рекордты жаңартты.

rule kk.license
kind restrict
label permission
lang kk
regex (?i)(?<m>\bлицензия\w*|\bлицензиял\w*|\bаккредитте\w*|\bаккредитаци\w*|\bкелісілмеген\w*|\bсанкцияланбаған\w*)(?:\s+талап\s+(?<neg>етілмейді)\b)?
example Лицензиясыз хабар тарату жабдықты тәркілеуге әкеп соғады. => permission
example Шетелдік басылымдарды таратуға лицензия талап етілмейді. => permission negated
example Келісілмеген митингке қатысуға шақыру. => permission

# ---- vague ----

rule kk.extremism
kind restrict
label vague
lang kk
regex (?i)(?<m>\bэкстремизм\w*|\bэкстремист\w*)
example Экстремистік материалдарды тарату. => vague
example Жарнама экстремистік емес деп танылды. => vague

rule kk.public-order
kind restrict
label vague
lang kk
regex (?i)(?<m>\bқоғамдық\s+тәртіп\w*)
example Қоғамдық тәртіпке қатер төндіретін ақпарат. => vague
not Құжаттар заңда белгіленген тәртіппен беріледі.

rule kk.discord
kind restrict
label vague
lang kk
regex (?i)(?<m>\b(?:алауыздық|араздық|өшпенділік)\w*)
example діни алауыздықты қоздыру үшін пайдалануға тыйым салынады. => vague; prohibition

rule kk.honour
kind restrict
label vague
lang kk
regex (?i)(?<m>\bар-намыс\w*\s+(?:мен|және)\s+(?:абырой\w*|қадір-қасиет\w*))
example азаматтардың ар-намысы мен абыройын қорлау => vague
not Ереуілшілер адамдық қадір-қасиетке құрмет көрсетуді талап етті.

rule kk.integrity
kind restrict
label vague
lang kk
regex (?i)(?<m>\bаумақтық\s+тұтастығ\w*|\bтұтастығ\w*\s+бұз\w*)
example Республиканың аумақтық тұтастығын бұзуға бағытталған жиналыстар. => vague
not Деректердің тұтастығын екі талдаушы тексерді.

rule kk.security
kind restrict
label vague
lang kk
regex (?i)(?<m>\bқауіпсіздігіне\s+нұқсан\s+келтір\w*|\bқауіпсіздігін\s+(?:бұз|әлсірет|шайқалт)\w*)
example мемлекеттің қауіпсіздігіне нұқсан келтіруге шақыру => vague
not Жол қауіпсіздігі жөніндегі апталық өтті.

rule kk.provocation
kind restrict
label vague
lang kk
regex (?i)(?<m>\bарандат\w*)
example Полиция тұрғындарды арандатулардан сақтандырды. => vague

rule kk.false-information
kind restrict
label vague
lang kk
regex (?i)(?<m>\bжалған\s+ақпарат\w*)
example Көрінеу жалған ақпаратты тарату. => vague
not Өрт дабылы жалған болып шықты.

# ---- exception ----

rule kk.exception
kind restrict
label exception
lang kk
regex (?i)(?<m>\bқоспағанда\b|\b(?!(?:бұдан|одан|мұнан|осыдан|содан|бұлардан|олардан)\s)\w+(?:дан|ден|нан|нен|тан|тен)\s+басқа\b)
example Заңда көзделген жағдайларды қоспағанда, шектелмейді. => exception; restriction negated
example Шақырылған байқаушылардан басқа шетелдіктер қатыса алмайды. => exception; prohibition
not Бұдан басқа, комиссия он екі шағымды қарады.
not басқа адамдардың құқықтары
