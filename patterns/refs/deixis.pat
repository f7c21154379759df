# Acts named by pointing: the document's own ("настоящего Закона", "this
# Law", "осы Заңның"), the act just cited ("того же закона", "the same
# law"), and acts not in the catalogue, which give no act row but are
# citations all the same (they stop inheritance).
rule self.act
kind self
role vocabulary
ru настоящ(ий|его|ему|им|ем|ая|ей|ую) ({Закон}|{Кодекс})
en (this|the present) ({Law}|{Code})
kk осы ({Заң}|{Кодексі})
example Закон Республики Казахстан «О средствах массовой информации»\n\nстатьей 10 настоящего Закона => kz-media; kz-media#art_10
example Әкімшілік құқық бұзушылық туралы Қазақстан Республикасының Кодексі\n\nОсы Кодекстің 30-бабында => kz-coao; kz-coao#art_30
not настоящего закона нет в тексте новости

rule same.act
kind same-act
role vocabulary
ru т(ого|ом|ому|ем|от) же ({Закон}|{Кодекс})
ru указанн(ого|ом|ому|ым|ый) {Закон}
en (the same|that|the said) {Law}
kk (сол|аталған) {Заң}
example статьи 5 Закона о СМИ и статьи 6 того же закона => kz-media#art_5; kz-media#art_6
not того же закона

rule other.act
kind act-unknown
role vocabulary
regex закон\p{L}*(?:\s+(?:Республики\s+Казахстан|РК))?(?:\s+от\s+\d{1,2}(?:\.\d{1,2}\.|\s+\p{L}+\s+)\d{4}(?:\s+года|\s*г\.)?)?(?:\s+№\s*[\w-]+)?\s+[«"“„][^»"”]{3,200}[»"”“]
regex закон\p{L}*(?:\s+(?:Республики\s+Казахстан|РК))?\s+от\s+[\d.]+(?:\s+года)?(?:\s*№\s*[\w-]+)?(?:;\s*от\s+[\d.]+(?:\s+года)?(?:\s*№\s*[\w-]+)?)*
regex (?:Гражданск|Уголовн|Административн)\p{L}*[\s-]+(?:процессуальн|исполнительн|процедурно-процессуальн)\p{L}*\s+кодекс\p{L}*(?:\s+Республики\s+Казахстан|\s+РК)?
regex Уголовно-(?:процессуальн|исполнительн)\p{L}*\s+кодекс\p{L}*(?:\s+Республики\s+Казахстан|\s+РК)?
regex (?:Налогов|Бюджетн|Трудов|Земельн|Предпринимательск|Экологическ|Водн|Лесн|Жилищн)\p{L}*\s+кодекс\p{L}*(?:\s+Республики\s+Казахстан|\s+РК)?
regex laws?(?:\s+of\s+the\s+Republic\s+of\s+Kazakhstan)?(?:\s+(?:dated|of)\s+(?:\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}\s+\p{L}+\s+\d{4}|\p{L}+\s+\d{1,2},\s+\d{4}))?(?:,?\s+No\.?\s*[\w-]+)?\s+["“«][^"”»]{3,200}["”»]
regex laws?\s+of\s+the\s+Republic\s+of\s+Kazakhstan\s+(?:dated|of)\s+(?:[\d.]+|\d{1,2}\s+\p{L}+\s+\d{4}|\p{L}+\s+\d{1,2},\s+\d{4}),?\s+No\.?\s*[\w-]+
regex (?:Tax|Budget|Labour|Labor|Land|Entrepreneurial|Environmental|Water|Forest)\s+Code
regex (?:Administrative|Civil|Criminal)\s+Procedur(?:e|al)\s+Code|Code\s+of\s+(?:Civil|Criminal|Administrative)\s+Procedure
regex (?:ҚР|Қазақстан\s+Республикасының)\s+\d{4}\.\d{2}\.\d{2}\s+№\s*[\w-]+(?:;\s*\d{4}\.\d{2}\.\d{2}\s+№\s*[\w-]+)*\s+заң\p{L}*
regex [«"“„][^»"”]{3,200}[»"”“](?:\s+\d{4}\s+жылғы\s+\d{1,2}\s+\p{L}+)?(?:\s+№\s*[\w-]+)?(?:\s+Қазақстан\s+Республикасы(?:ның)?)?\s+заң(?:ы|ын|ның|ының|ына|ға|да|ында|ды|мен|ымен|нан|ынан)?
regex (?:Салық|Бюджет|Еңбек|Жер|Кәсіпкерлік|Экологиялық|Су|Орман)\s+кодекс\p{L}*
regex \p{L}+\s+процестік\s+кодекс\p{L}*
regex (?-i:УПК|ГПК|АППК)(?:\s+(?:Республики\s+Казахстан|РК))?
regex (?:ҚР\s+)?(?-i:ҚПК|ӘРПК|ҚАЖК)(?:-\p{L}+)?
example статьи 31–33 Закона Республики Казахстан «О телевидении и радиовещании» => #art_31; #art_32; #art_33
example Article 460-1 of the Tax Code => #art_460-1
example The Law "On Political Parties" was cited. Article 7 of the Law of the Republic of Kazakhstan of 3 March 2021 No. 12-VII applies => kz-parties; #art_7
example The Law "On Amendments to the Law 'On Mass Media'" was passed => kz-media
example Закон «О СМИ» принят. Статья 5 Закона РК от 28.12.2018 № 208-VI => kz-media; #art_5
not Гражданским процессуальным кодексом
example ч. 2 ст. 107 УК РК, п. 5) ч. 1 ст. 35 УПК РК => kz-criminal#art_107__para_2; #art_35__para_1__point_5
example ГК РК регулирует договоры; статья 148 ГПК => kz-civil; #art_148
example ҚК-нің 107-бабының 1-бөлігі және ҚР ҚПК-нің 68-бабы => kz-criminal#art_107__para_1; #art_68
example Конституцияға сілтеме жасалды; «Діни қызмет және діни бірлестіктер туралы» 2011 жылғы 11 қазандағы Қазақстан Республикасының Заңының 3-бабы => kz-constitution; #art_3
