# The act catalogue: one rule per act.  id is the act ID used in canonical
# strings; type is informative; every en, ru and kk line is one name in the
# notation of refs_vocab.c (README "References"); regex lines are raw PCRE2.
# Users add an act by adding a rule here, with examples; no recompiling.
rule act.kz-constitution
kind act
role vocabulary
id kz-constitution
type constitution
regex (?<!День\s)(?<!Дню\s)(?<!Днём\s)(?<!Днем\s)(?<!Дня\s)Конституци(?:я|и|ю|ей|ею)(?:\s+(?:Республики\s+Казахстан|РК))?(?!\s+күн)
regex Constitution(?:\s+of\s+the\s+Republic\s+of\s+Kazakhstan)?(?!\s+Day)
regex (?:(?:Қазақстан\s+Республикасының|ҚР)\s+)?Конституция(?:сы|сының|сына|сында|сын|сынан|ға|да|ның|ны|дан)?(?!\s+күн)
kk Ата {Заң}
example статьей 20 Конституции Республики Казахстан => kz-constitution#art_20
example Article 39, paragraph 1, of the Constitution => kz-constitution#art_39__para_1
example Қазақстан Республикасы Конституциясының 20-бабы => kz-constitution#art_20
example The Constitution was amended; Article 91 now protects more => kz-constitution; kz-constitution#art_91
not День Конституции отмечают 30 августа
not Constitution Day is a holiday
not Конституция күні демалыс
not the Constitutional Court ruled

rule act.kz-elections
kind act
role vocabulary
id kz-elections
type constitutional-law
ru Конституционн* {Закон}{РК} «о выборах в Республике Казахстан»
ru {Закон}{РК} «о выборах в Республике Казахстан»
ru Конституционн* {Закон} о выборах
ru {Закон} «о выборах»
ru избирательн* {Закон}
en Constitutional {Law}{ofRK} «on elections( in the Republic of Kazakhstan)?»
en {Law}{ofRK} «on elections( in the Republic of Kazakhstan)?»
en Election {Law}
en Electoral {Law}
kk «Қазақстан Республикасындағы сайлау туралы»{ҚРы} Конституциялық {Заң}
kk «Қазақстан Республикасындағы сайлау туралы»{ҚРы} {Заң}
kk «сайлау туралы»( Конституциялық)? {Заң}
example статьями 27, 33 и 44 Конституционного закона «О выборах в Республике Казахстан» => kz-elections#art_27; kz-elections#art_33; kz-elections#art_44
example See article 44 of the Constitutional Law on Elections => kz-elections#art_44
example Art. 44(6) of the Election Law => kz-elections#art_44__para_6
example Сайлау туралы Конституциялық заңның 44-бабы => kz-elections#art_44
not выборы в Республике Казахстан прошли

rule act.kz-coao
kind act
role vocabulary
id kz-coao
type code
ru {Кодекс}{РК} об административных правонарушениях
ru КоАП( РК)?
en Code{ofRK} (on|of) administrative (offences|offenses)
en administrative (offences|offenses) {Code}
en administrative {Code}
en CAO
en CoAO
kk әкімшілік құқық бұзушылық туралы{ҚРы} {Кодексі}
kk ӘҚБтК(\-*)?
example ч. 2 ст. 355 КоАП РК => kz-coao#art_355__para_2
example article 102-3 of the Code of Administrative Offences => kz-coao#art_102-3
example ӘҚБтК 355-бабының 2-бөлігі => kz-coao#art_355__para_2
example Әкімшілік құқық бұзушылық туралы Қазақстан Республикасының Кодексі => kz-coao
not административные правонарушения

rule act.kz-criminal
kind act
role vocabulary
id kz-criminal
type code
ru Уголовн* {Кодекс}{РК}
ru УК( РК)?
en Criminal {Code}{ofRK}
en Penal {Code}
kk Қылмыстық {Кодексі}
kk ҚК(\-*)?
example статьями 174, 179 и 405 Уголовного кодекса Республики Казахстан => kz-criminal#art_174; kz-criminal#art_179; kz-criminal#art_405
example Article 400 of the Criminal Code => kz-criminal#art_400
example Қылмыстық кодекстің 174-бабы => kz-criminal#art_174
not Уголовно-процессуальный кодекс

rule act.kz-civil
kind act
role vocabulary
id kz-civil
type code
ru Гражданск* {Кодекс}{РК}
ru ГК( РК)?
en Civil {Code}{ofRK}
kk Азаматтық {Кодексі}
kk АК(\-*)?
example Article 917 of the Civil Code => kz-civil#art_917
example Гражданским кодексом Республики Казахстан => kz-civil
not Гражданским процессуальным кодексом

rule act.kz-media
kind act
role vocabulary
id kz-media
type law
ru {Закон}{РК} «о средствах массовой информации»
ru {Закон} «о СМИ»
regex [«"“„]\s*О\s+средствах\s+массовой\s+информации\s*[»"”“]
en {Law}{ofRK} «on (the )?mass media»
en (mass )?media {Law}
kk {ҚР}«бұқаралық ақпарат құралдары туралы»{ҚРы} {Заң}
kk «БАҚ туралы» {Заң}
regex [«"“„]\s*Бұқаралық\s+ақпарат\s+құралдары\s+туралы\s*[»"”“]
example Закон Республики Казахстан «О средствах массовой информации» => kz-media
example Article 13-4 of the Law on Mass Media => kz-media#art_13-4
example «Бұқаралық ақпарат құралдары туралы» Заңның 4-бабы => kz-media#art_4
example БАҚ туралы заңның бас тарту негіздерін белгілейтін 25-бабы => kz-media#art_25
not законодательство о средствах массовой информации

rule act.kz-natsec
kind act
role vocabulary
id kz-natsec
type law
ru {Закон}{РК} «о национальной безопасности( Республики Казахстан)?»
regex [«"“„]\s*О\s+национальной\s+безопасности(?:\s+Республики\s+Казахстан)?\s*[»"”“]
en {Law}{ofRK} «on national security( of the Republic of Kazakhstan)?»
en national security {Law}
kk {ҚР}«(Қазақстан Республикасының )?ұлттық қауіпсізді* туралы»{ҚРы} {Заң}
example Point 4 of Article 7 of the Law on National Security => kz-natsec#art_7__point_4
example статьи 5 Закона «О национальной безопасности Республики Казахстан» => kz-natsec#art_5
not национальная безопасность

rule act.kz-nco
kind act
role vocabulary
id kz-nco
type law
ru {Закон}{РК} «о некоммерческих организациях»
ru {Закон} «о НКО»
regex [«"“„]\s*О\s+некоммерческих\s+организациях\s*[»"”“]
en {Law}{ofRK} «on non-commercial organi(s|z)ations»
en NCO {Law}
kk {ҚР}«коммерциялық емес ұйымдар туралы»{ҚРы} {Заң}
example Sections 2 through 4 of Article 10 of the Law on Non-Commercial Organizations => kz-nco#art_10__para_2; kz-nco#art_10__para_3; kz-nco#art_10__para_4
example «Коммерциялық емес ұйымдар туралы» Қазақстан Республикасының Заңында көзделген => kz-nco
not некоммерческие организации

rule act.kz-assembly
kind act
role vocabulary
id kz-assembly
type law
ru {Закон}{РК} «о порядке организации и проведения мирных собраний( в Республике Казахстан)?»
ru {Закон}{РК} «о мирных собраниях»
regex [«"“„]\s*О\s+порядке\s+организации\s+и\s+проведения\s+мирных\s+собраний(?:\s+в\s+Республике\s+Казахстан)?\s*[»"”“]
en {Law}{ofRK} «on the procedure for organi(z|s)ing and holding peaceful assemblies( in the Republic of Kazakhstan)?»
en {Law} «on peaceful assemblies»
en peaceful assemblies {Law}
kk {ҚР}«(Қазақстан Республикасында )?бейбіт жиналыстарды ұйымдастыру және өткізу тәртібі туралы»{ҚРы} {Заң}
kk «бейбіт жиналыстар туралы» {Заң}
example Law of the Republic of Kazakhstan "On the Procedure for Organizing and Holding Peaceful Assemblies in the Republic of Kazakhstan" => kz-assembly
example статьи 10 Закона о мирных собраниях => kz-assembly#art_10
not мирные собрания

rule act.kz-parties
kind act
role vocabulary
id kz-parties
type law
ru {Закон}{РК} «о политических партиях»
ru {Закон} «о партиях»
regex [«"“„]\s*О\s+политических\s+партиях\s*[»"”“]
en {Law}{ofRK} «on political parties»
en political parties {Law}
en {Law} on parties
kk {ҚР}«саяси партиялар туралы»{ҚРы} {Заң}
example The Law on Political Parties was amended in 2021 => kz-parties
example The Draft would add Article 7-1 to the Law on Political Parties => kz-parties#art_7-1
example article 5 of the Law on Political Parties => kz-parties#art_5
example «Саяси партиялар туралы» Заңның 5-бабы => kz-parties#art_5
not политические партии

rule act.iccpr
kind act
role vocabulary
id iccpr
type treaty
ru (Международн* )?пакт* о гражданских и политических правах
ru МПГПП
en International Covenant on Civil and Political Rights
en ICCPR
kk азаматтық және саяси құқықтар туралы (халықаралық )?пакт*
example Article 19 of the ICCPR => iccpr#art_19
example Азаматтық және саяси құқықтар туралы халықаралық пактінің 14 және 15-баптарында => iccpr#art_14; iccpr#art_15
not гражданские и политические права

rule act.udhr
kind act
role vocabulary
id udhr
type declaration
ru Всеобщ* деклараци* прав человека
en Universal Declaration of Human Rights
en UDHR
kk адам құқықтарының жалпыға бірдей декларация*
example Article 19 of the Universal Declaration of Human Rights => udhr#art_19
not права человека
