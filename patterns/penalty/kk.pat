# Kazakh sanction triggers.  Kazakh puts the amount before the sanction
# ("жиырма АЕК мөлшерінде айыппұл салуға", "он тәулікке дейінгі мерзімге
# әкімшілік қамаққа алуға"): side before; the engine looks back to the
# previous trigger or the sentence start, with kk.voc.

rule kk.fine
kind penalty
label fine
lang kk
side before
units MCI MMW KZT USD EUR RUB
regex (?i)(?<m>\bайыппұл\w*)
example жиырма айлық есептік көрсеткіш мөлшерінде айыппұл салуға әкеп соғады. => fine 20 MCI
example Журналиске 100 АЕК (шамамен 369 200 теңге) айыппұл салынды. => fine 100 MCI
example Ұйымдастырушыға 50 АЕК, оның көмекшісіне 30 АЕК айыппұл салынды. => fine 50 MCI; fine 30 MCI
example жеке тұлғаларға – елу, лауазымды адамдарға – сексен, заңды тұлғаларға – екі жүз айлық есептік көрсеткіш мөлшерінде айыппұл салуға әкеп соғады. => fine 50 MCI; fine 80 MCI; fine 200 MCI
example он бестен жиырма беске дейінгі АЕК мөлшерінде айыппұл салуға әкеп соғады. => fine 15-25 MCI
example Бір жыл ішінде қайталап жасалған әрекет 1,5 млн теңге мөлшерінде айыппұл салуға әкеп соғады. => fine 1500000 KZT
example Журналистке айыппұл салынды. => fine
example Белсендіге 15 (он бес) АЕК мөлшерінде, яғни 55 380 теңге сомасында айыппұл салынсын. => fine 15 MCI
example Жауапкерге 10 АЕК, бұл шамамен 36 920 теңге, айыппұл салынды. => fine 10 MCI
example жеке тұлғаларға – он, лауазымды адамдарға қырық айлық есептік көрсеткіш мөлшерінде айыппұл салуға әкеп соғады. => fine 10 MCI; fine 40 MCI

rule kk.detention
kind penalty
label detention
lang kk
side before
units days
regex (?iJ)(?<m>\bәкімшілік\s+қама(?:қ|у)\w*(?:\s+ал\w*)?)
  |\bтәулік\w*\s+(?:мерзімге\s+)?(?<m>қама(?:ққа|уға)\s+ал\w*)
  |\bтәулік\w*\s+(?:мерзімге\s+)?(?<m>қамал(?:ды|ған\w*|сын|ады|атын|ып|уы\w*)(?!\w))
example не он бес тәулікке дейінгі мерзімге әкімшілік қамаққа алуға әкеп соғады. => detention 15 days
example бес тәуліктен он бес тәулікке дейінгі мерзімге әкімшілік қамаққа алуға әкеп соғады. => detention 5-15 days
example Белсенді он бес тәулікке қамаққа алынды. => detention 15 days
example Үш белсенді он тәулікке қамауға алынды. => detention 10 days
example Пикетке шыққан зейнеткер жеті тәулікке қамалды. => detention 7 days
not Қала жау әскерімен үш ай қамалды.
not Ол сотқа дейін екі ай күзетпен ұсталды.

rule kk.deportation
kind penalty
label deportation
lang kk
regex (?i)(?<m>\bшығарып\s+жібер\w*|\bдепортаци\w*|\bелден\s+шығар\w*)
example Қазақстан Республикасының шегінен әкімшілік жолмен шығарып жіберуге әкеп соғады. => deportation

rule kk.liquidation
kind penalty
label liquidation
lang kk
regex (?iJ)\b(?:заңды\s+тұлғаны|бірлестікті|ұйымды|партияны|серіктестікті|қорды|мекемені|қауымдастықты|бірлестігін|ұйымын|партиясын|серіктестігін|қорын|мекемесін|қауымдастығын)\s+(?<m>тарат(?:у\w*|а\s+отырып|ылсын|ылды|ты|сын))
  |\b(?:бірлестік|ұйым|партия|заңды\s+тұлға|қор|серіктестік|мекеме)\w*\s+(?:\S+\s+){0,3}?(?<m>тарат(?:ылды|ылсын|ылуы\w*|ылған\w*|ылады))\b
  |(?<m>\bликвидаци\w*)
example заңды тұлғаны тарата отырып, 500 АЕК мөлшерінде айыппұл салуға әкеп соғады. => liquidation; fine 500 MCI
example бірлестікті таратуға әкеп соғады. => liquidation
example Бірлестік сот шешімімен таратылды. => liquidation
example Сот «Шырақ» қоғамдық бірлестігін таратты. => liquidation
example Әділет министрлігінің талабымен партиясын тарату туралы шешім шықты. => liquidation
not Ұйым өз есебін таратты.
not Полиция жиналғандарды таратты.
not Пикеттер полиция тарапынан таратылды.
not жалған ақпаратты тарату
not хабар тарату

rule kk.suspension
kind penalty
label suspension
lang kk
side before
units days months years
regex (?iJ)\b(?:қызмет|шығар(?:у|ыл)|жұмыс|хабар\s+тарату|лицензия|әрекет|газет|басылым|телеарна|радиостанция|сайт|бірлестік|партия)\w*(?:\s+\S+){0,8}?\s+(?<m>тоқтат(?:а|ыла)\s+тұр\w*|тоқтатып\s+қою\w*)
  |(?<m>\bтоқтата\s+тұру\w*)(?=\s+кезең)
example қызметін үш айға дейінгі мерзімге тоқтата тұрып, 300 АЕК мөлшерінде айыппұл салуға әкеп соғады. => suspension 3 months; fine 300 MCI
example қызметін тоқтата тұра отырып => suspension
not Келіссөздер қыркүйекке дейін тоқтатыла тұрды.
example Сот журналдың шығарылуын екі айға тоқтата тұрды. => suspension 2 months
example Министрлік апталық басылымды алты айға тоқтата тұрды. => suspension 6 months

rule kk.closure
kind penalty
label closure
lang kk
regex (?iJ)\b(?:құралын|басылымды|басылымын|газетті|газетін|арнаны|арнасын|телеарнаны|сайтты|сайтын|редакцияны|ұйымды|бірлестікті)\s+(?<m>жаб(?:у\w*|ылсын|ылды|ты|а\s+отырып))
  |\b(?:газет|басылым|телеарна|арна|сайт|редакция)\w*\s+(?<m>жабылды)
  |(?<m>\b(?:сот|соттың)\s+(?:шешімімен|үкімімен)\s+жабыл\w*)
example бұқаралық ақпарат құралын жабуға әкеп соғады. => closure
example Газет сұхбат жариялағаны үшін сот шешімімен жабылды. => closure
not есікті жабу

rule kk.confiscation
kind penalty
label confiscation
lang kk
regex (?i)(?<m>\bтәркіле\w*|\bконфискаци\w*)
example материалдарды тәркілей отырып => confiscation

rule kk.license-revocation
kind penalty
label license-revocation
lang kk
regex (?i)(?<m>\bлицензия\w*\s+(?:\S+\s+)?айыр\w*|\bлицензия\w*\s+(?:\S+\s+){0,2}?(?:кері\s+)?қайтарып\s+ал\w*|\bлицензия\w*\s+күшін\s+жою\w*)
example хабар тарату лицензиясынан айыруға әкеп соғады. => license-revocation
example Талаптарды қайталап бұзу лицензиядан айыра отырып => license-revocation
not лицензия алу
example Газеттің лицензиясы мамырда кері қайтарып алынды. => license-revocation

rule kk.imprisonment
kind penalty
label imprisonment
lang kk
side before
units years months
regex (?i)(?<m>\bбас\s+бостандығынан\s+айыр\w*|\b(?:түрмеге|абақтыға|колонияға)\s+(?:жабыл|жабу|жапт|қамал|қамау|отырғыз|тоғыт|жіберіл)\w*)
example екі жылдан жеті жылға дейінгі мерзімге бас бостандығынан айыруға жазаланады. => imprisonment 2-7 years
example бір жылға дейінгі мерзімге бас бостандығынан айыруға жазаланады. => imprisonment 1 years
example Ақын бес жылға түрмеге қамалды. => imprisonment 5 years
example бес жылға дейінгі мерзімге бас бостандығын шектеуге не сол мерзімге бас бостандығынан айыруға жазаланады. => imprisonment 5 years
example Кәсіподақ жетекшісі төрт жылға колонияға жіберілді. => imprisonment 4 years
example Белсенді түрмеге жабылды. => imprisonment

rule kk.disqualification
kind penalty
label disqualification
lang kk
side before
units years months
regex (?i)(?<m>\b(?:лауазымдарды\s+атқару|лауазым\w*\s+атқару|қызметпен\s+айналысу)\s+құқығынан)
example белгілі бір лауазымдарды атқару құқығынан үш жылға дейінгі мерзімге айыра отырып, бес жылдан он екі жылға дейінгі мерзімге бас бостандығынан айыруға жазаланады. => disqualification 3 years; imprisonment 5-12 years
example Бас редактор екі жылға журналистік қызметпен айналысу құқығынан айырылды. => disqualification 2 years

rule kk.community-service
kind penalty
label community-service
lang kk
side before
units hours
regex (?i)(?<m>\bқоғамдық\s+жұмыс\w*)
example 1 200 сағатқа дейінгі мерзімге қоғамдық жұмыстарға тартуға => community-service 1200 hours
