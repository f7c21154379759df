# Russian sanction triggers.  The engine (pipeline/penalty.c) reads the
# amount after the trigger (side after), or right before it ("пяти годам
# лишения свободы"), with the numbers and units of ru.voc.

rule ru.fine
kind penalty
label fine
lang ru
side after
units MCI MMW KZT USD EUR RUB
regex (?iJ)(?<m>\bштраф(?:а|у|ом|е|ы|ов|ам|ами|ах)?\b|\bоштрафова\w*)
example Нарушение влечет штраф в размере двадцати месячных расчетных показателей. => fine 20 MCI
example влекут штраф на физических лиц в размере пятнадцати, на должностных лиц – в размере двадцати, на юридических лиц – в размере ста месячных расчетных показателей. => fine 15 MCI; fine 20 MCI; fine 100 MCI
example наказываются штрафом в размере от десяти до пятнадцати МЗП. => fine 10-15 MMW
example Редактора оштрафовали на 1 500 000 тенге (около 3 000 долларов). => fine 1500000 KZT
example Организатора оштрафовали на 40 МРП, его помощника – на 25 МРП. => fine 40 MCI; fine 25 MCI
example Компанию оштрафовали на 1,2 млн евро. => fine 1200000 EUR
example Суд назначил штраф вместо ареста. => fine
example Назначить административное взыскание в виде штрафа в размере 15 (пятнадцати) МРП, что составляет 55 380 тенге. => fine 15 MCI
not Футболист пробил штрафной удар.
not Он провел две минуты на скамейке штрафников.

rule ru.detention
kind penalty
label detention
lang ru
side after
units days
regex (?iJ)(?<m>\bадминистративн\w+\s+арест\w*|\bарестован\w*(?=\s+на\s+(?:срок|\S+\s+сут))|\bадминистративн\w+\s+задержани\w*)
  |(?<m>\bарест(?:а|ом|у)?\b)(?=\s+(?:на\s+(?:срок\s+)?|сроком\s+(?:на\s+)?)(?:до\s+|от\s+)?\S+\s+(?:\S+\s+)?сут)
  |\bсут(?:ок|ки)\s+(?<m>арест(?:а|ом)?)\b
example либо административный арест на срок до пятнадцати суток. => detention 15 days
example Активистов арестовали: они были арестованы на срок от десяти до пятнадцати суток. => detention 10-15 days
example Он получил двадцать суток административного ареста. => detention 20 days
example Суд назначил административные аресты нескольким участникам. => detention
example влечет штраф либо арест на срок до двадцати пяти суток. => fine; detention 25 days
example Он отбыл 15 суток ареста. => detention 15 days
example Активист провел пятнадцать суток под административным арестом. => detention 15 days
not Суд наложил арест на имущество компании.
not Полиция задержала около тридцати человек.

rule ru.deportation
kind penalty
label deportation
lang ru
regex (?iJ)(?<m>\bвыдвор(?:ени\w*|ить|ил\w*|ен\w*|я\w*)|\bдепорт\w+)
example а для иностранцев – выдворение за пределы Республики Казахстан. => deportation
example Журналиста оштрафовали и выдворили из страны. => deportation; fine
not Выдвоенный список кандидатов.

rule ru.liquidation
kind penalty
label liquidation
lang ru
regex (?iJ)(?<m>\bликвидаци\w*|\bликвидир\w*)
example влечет штраф в размере 500 МРП с ликвидацией юридического лица. => fine 500 MCI; liquidation
example Суд постановил ликвидировать организацию. => liquidation

rule ru.suspension
kind penalty
label suspension
lang ru
side after
units days months years
regex (?iJ)(?<m>\bприостановлени\w*)
  |\b(?:деятельност|работ|выпуск|вещани|лицензи)\w*(?:\s+[\w-]+){0,4}?\s+(?:был[аио]?\s+|будет\s+|может\s+быть\s+|могут\s+быть\s+)?(?<m>приостановлен\w*)
  |(?<m>\bприостанови\w*)(?=\s+(?:\S+\s+){0,2}(?:деятельност|работ|выпуск|вещани))
example с приостановлением деятельности на срок до трех месяцев. => suspension 3 months
example Деятельность центра была приостановлена на три месяца. => suspension 3 months
example В период приостановления деятельности объединению запрещается проводить собрания. => suspension
not Переговоры приостановлены до сентября.

rule ru.closure
kind penalty
label closure
lang ru
regex (?iJ)(?<m>\bзакрыти\w*(?=\s+(?:средств\w*\s+массов|СМИ|издани|газет|телеканал|редакци|сайт|интернет-ресурс|организаци|объединени))
  |\bзакрыт[аоы]?\b(?=\s+(?:по\s+решению\s+суда|судом))
  |\bзапрещени\w*\s+(?:его\s+|ее\s+|её\s+|их\s+)?деятельности)
example лишение лицензии и закрытие средства массовой информации. => license-revocation; closure
example Газета закрыта по решению суда. => closure
example Запрещение деятельности объединения производится судом. => closure
not Площадь будет закрыта на ремонт на десять суток.
not Дело было закрыто.

rule ru.confiscation
kind penalty
label confiscation
lang ru
regex (?iJ)(?<m>\bконфиск\w+)
example с конфискацией предметов. => confiscation
example Суд постановил конфисковать оборудование. => confiscation

rule ru.license-revocation
kind penalty
label license-revocation
lang ru
regex (?iJ)(?<m>\b(?:лишени\w*|отзыв\w*|аннулировани\w*|прекращени\w*\s+действия)\s+(?:\w+\s+)?лицензи\w*
  |\bлицензи\w*(?:\s+\S+){0,3}?\s+(?:был[аи]?\s+)?(?:отозван\w*|аннулирован\w*)
  |\b(?:отозвал\w*|аннулировал\w*)\s+(?:\S+\s+){0,3}?лицензи\w*
  |\bлиш(?:ил[аои]?|ить|ат|ит|ен[аоы]?|ены)\s+(?:\S+\s+){0,3}?лицензи\w*)
example штраф в размере 500 МРП с лишением лицензии. => fine 500 MCI; license-revocation
example Министерство отозвало лицензию телеканала. => license-revocation
example Телеканал, лицензия которого отозвана, не может вещать. => license-revocation
not Министерство выдало лицензию телеканалу.
example Регулятор лишил две радиостанции лицензий. => license-revocation
example Клиника была лишена лицензии в марте. => license-revocation
example Министерство отозвало у агентства лицензию. => license-revocation
not Реформа лишила губернаторов права назначать судей.

rule ru.imprisonment
kind penalty
label imprisonment
lang ru
side after
units years months
regex (?iJ)(?<m>\bлишени\w*\s+свободы|\bлишен\w*\s+свободы|\bтюремн\w+\s+(?:срок\w*|заключени\w*))
  |\b(?:год(?:а|ам|у|ами)?|лет)\s+(?<m>(?:заключени[яюе]|колони[ийя]|тюрьм[ыу])\b)
example либо лишением свободы на срок от двух до семи лет. => imprisonment 2-7 years
example Блогер приговорен к пяти годам лишения свободы. => imprisonment 5 years
example Его приговорили к 7 годам колонии общего режима. => imprisonment 7 years
not Согласно заключению экспертизы, листовка безопасна.
example наказываются лишением свободы на срок до одного года. => imprisonment 1 years
example наказываются ограничением свободы на срок до пяти лет либо лишением свободы на тот же срок. => imprisonment 5 years
example наказывается штрафом в размере до тысячи МРП либо ограничением свободы на срок до четырех лет, либо лишением свободы на тот же срок. => fine 1000 MCI; imprisonment 4 years

rule ru.disqualification
kind penalty
label disqualification
lang ru
side after
units years months
regex (?iJ)(?<m>\bлиш(?:ени\w*|[её]н\w*)\s+права\s+(?:занимать|заниматься)\w*)
example с лишением права занимать определенные должности на срок до трех лет. => disqualification 3 years
example Редактор лишен права заниматься журналистской деятельностью на два года. => disqualification 2 years

rule ru.community-service
kind penalty
label community-service
lang ru
side after
units hours
regex (?iJ)(?<m>\bобщественн\w+\s+работ\w*|\bобязательн\w+\s+работ\w*)
example привлечением к общественным работам на срок до 1 200 часов. => community-service 1200 hours
example Поэта привлекли к ста часам общественных работ. => community-service 100 hours
