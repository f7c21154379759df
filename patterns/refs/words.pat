# Function words of the grammar, by class (README "References").
rule words.and
kind word
role vocabulary
class and
forms и или либо а_также and or as_well_as және мен бен пен немесе сондай-ақ
example статьи 27, 33 и 44 => #art_27; #art_33; #art_44
example arts. 27 and 33 => #art_27; #art_33
example 14 және 15-баптарында => #art_14; #art_15
example section 1 of article 27 and section 3 of article 33 of the law on elections => kz-elections#art_27__para_1; kz-elections#art_33__para_3
not и 27

rule words.range
kind word
role vocabulary
class range
forms to through по
example articles 102-1 to 102-3 => #art_102-1; #art_102-2; #art_102-3
example статьи 5 по 7 => #art_5; #art_6; #art_7
not to 5

rule words.from
kind word
role vocabulary
class from
forms с со from
example статьи с 5 по 7 => #art_5; #art_6; #art_7
not с 5 по 7

rule words.of
kind word
role vocabulary
class of
forms of
example paragraph 2 of article 5 => #art_5__para_2
not of 5

rule words.the
kind word
role vocabulary
class the
forms the
example paragraph 2 of the Article 5 => #art_5__para_2
not the 5

rule words.this
kind word
role vocabulary
class this
forms настоящ(ий|ая|ее|его|ей|ему|им|ем|ую|ею) эт(от|а|о|ого|ой|ому|им|ом|у|ою) this осы
example Статья 5. Права\n1. Пункт 2 настоящей статьи применяется. => #art_5__para_2
example Article 19 of the ICCPR, and in particular paragraph 2 of this article => iccpr#art_19; iccpr#art_19__para_2
not this article is about cats

rule words.same
kind word
role vocabulary
class same
forms указанн(ый|ая|ое|ого|ой|ому|ым|ом|ую|ою|ых|ыми|ые) вышеуказанн(ый|ая|ое|ого|ой|ому|ым|ом|ую|ою) данн(ой|ого|ом|ая|ую|ый|ою) т(ой|ого|ому|ом|у|ою)_же the_same that the_said same said аталған сол көрсетілген жоғарыда_аталған
example пункта 2 статьи 14 и пункта 1 той же статьи => #art_14__para_2; #art_14__para_1
example Paragraph 2 of Article 14 of the Constitution; paragraph 1 of the same article => kz-constitution#art_14__para_2; kz-constitution#art_14__para_1
example 803-бабының 1-бөлігі. Аталған баптың 2-бөлігі => #art_803__para_1; #art_803__para_2
not the same article of faith

rule words.hereinafter
kind word
role vocabulary
class hereinafter
forms далее далее_по_тексту далее_именуем(ый|ая|ое|ые) hereinafter hereinafter_referred_to_as hereinafter_also бұдан_әрі бұдан_ері бұдан_әрі_мәтін_бойынша әрі_қарай
example Закон «О политических партиях» (далее – Закон). Статья 5 Закона => kz-parties; kz-parties#art_5
example the Law on Non-Commercial Organizations (hereinafter the Law) and Article 41-2 of the Law => kz-nco; kz-nco#art_41-2
example Закон «О некоммерческих организациях» (далее по тексту – Закон об НКО) изменён; пункт 3 статьи 7 Закона об НКО => kz-nco; kz-nco#art_7__para_3
example Закон «О национальной безопасности» (далее именуемый – Закон о безопасности) и статьи 4, 6 Закону о безопасности => kz-natsec; kz-natsec#art_4; kz-natsec#art_6
example the Law "On Mass Media" (hereinafter, "the Media Law") was cited; Article 13 of the Media Law => kz-media; kz-media#art_13
example the Law "On National Security" (the "Security Law") and Article 4 of the Security Law => kz-natsec; kz-natsec#art_4
example «Ұлттық қауіпсіздік туралы» Заң (бұдан әрі мәтін бойынша – Қауіпсіздік туралы заң) өзгерді. Қауіпсіздік туралы заңның 6-бабы => kz-natsec; kz-natsec#art_6
not далее 5

rule words.note
kind word
role vocabulary
class note
forms Примечание Сноска Footnote Note Ескерту Ескертпе
example Закон Республики Казахстан «О средствах массовой информации»\n\nСтатья 2. Свобода\n\nСноска. Статья 2 с изменениями; пункт 4 дополнен Законом РК от 02.07.2023 № 17-VIII. => kz-media; kz-media#art_2; kz-media#art_2__para_4
not Note 5

rule words.stop
kind word
role vocabulary
class stop
forms год(а|у|ом)? г. жыл(ғы|ы|дың)? тенге теңге MCI МРП АЕК процент* percent* январ(я|ь) феврал(я|ь) март(а)? апрел(я|ь) ма(я|й) июн(я|ь) июл(я|ь) август(а)? сентябр(я|ь) октябр(я|ь) ноябр(я|ь) декабр(я|ь) January February March April May June July August September October November December қаңтар* ақпан* наурыз* сәуір* мамыр* маусым* шілде* тамыз* қыркүйек* қазан* қараша* желтоқсан* тысяч* миллион* million* мың
example статьи 5 и 6 => #art_5; #art_6
not статьи 5 июля 2006 года
not статья 44 тысячи тенге
