# Russian unit words: every case and number, and the abbreviations.  The
# number comes after the word; the inner unit is named first ("пункт 6
# статьи 44").  Keys (README "References"): forms are ambiguous in number
# (статьи: gen. sg. or nom. pl.), singular forms never make a hyphen range,
# plural forms may.
rule ru.article
kind unit
level art
lang ru
singular статья статье статью статьей статьею
forms статьи ст.
plural статей статьям статьями статьях ст.ст. ст. ст. стст.
example в статье 44 => #art_44
example статьей 13-4 Закона «О средствах массовой информации» => kz-media#art_13-4
example статьи 27, 33 и 44 => #art_27; #art_33; #art_44
example статьями 102-1–102-3 => #art_102-1; #art_102-2; #art_102-3
example ст.ст. 27-29 КоАП => kz-coao#art_27; kz-coao#art_28; kz-coao#art_29
example статьи 102-3 КоАП => kz-coao#art_102-3
example статьями 25-1 и 25-2 => #art_25-1; #art_25-2
example см. статья 27-29 => #art_27-29
example ст. 44 УК РК => kz-criminal#art_44
example статьёй 5 => #art_5
example Статья 5. Права\nстатья 6 => #art_6
not статус 44
not Статья расходов № 5
not в статье журналиста от 5 июля
not Закон от 23 июля 1999 года (Ведомости Парламента РК, 1999 г., № 16-17, ст. 70; 2004 г., N 3-4, ст. 11)
example (Ведомости Парламента РК, 2016 г., № 7, ст. 49); статья 9 КоАП => kz-coao#art_9

rule ru.part
kind unit
level para
lang ru
singular часть частью
forms части ч.
plural частей частям частями частях ч.ч.
example ч. 2 ст. 355 КоАП РК => kz-coao#art_355__para_2
example части первой статьи 5 => #art_5__para_1
example части четвёртой статьи 14 => #art_14__para_4
example частями 1 и 2 статьи 5 => #art_5__para_1; #art_5__para_2
not части 2 повестки

rule ru.para
kind unit
level para
lang ru
under point
singular пункт пункта пункту пунктом пункте
plural пункты пунктов пунктам пунктами пунктах п.п. пп.пп.
forms п.
example п. 6 ст. 44 => #art_44__para_6
example пункт 6 статьи 44 => #art_44__para_6
example пунктов 1–3 статьи 10 => #art_10__para_1; #art_10__para_2; #art_10__para_3
example пункт 1) части первой статьи 28 УК => kz-criminal#art_28__para_1__point_1
not пункт пропуска № 6
not пункт 6 пограничного контроля
not Пункт 2 повестки дня

rule ru.point
kind unit
level point
lang ru
singular подпункт подпункта подпункту подпунктом подпункте
plural подпункты подпунктов подпунктам подпунктами подпунктах
forms подп. пп.
example подпункт 2) пункта 1 статьи 33 => #art_33__para_1__point_2
example подпунктами 1) – 3) пункта 1 статьи 25 => #art_25__para_1__point_1; #art_25__para_1__point_2; #art_25__para_1__point_3
example пп. a) п. 2 ст. 19 МПГПП => iccpr#art_19__para_2__point_a
not подпункт повестки

rule ru.al
kind unit
level al
lang ru
singular абзац абзаца абзацу абзацем абзаце
plural абзацы абзацев абзацам абзацами абзацах
forms абз.
example в абзаце втором части первой статьи 453 КоАП => kz-coao#art_453__para_1__al_2
not абзац текста

rule ru.chapter
kind unit
level chp
lang ru
singular глава главе главу главой главою
forms главы гл.
plural глав главам главами главах
example главой 46 КоАП => kz-coao#chp_46
not Глава 3 ее романа
