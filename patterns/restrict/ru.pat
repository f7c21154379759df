# Russian restrictive language (engine: pipeline/restrict.c).  Every
# inflected form: запрещается / запрещено / запрещены / запрещенного /
# запрет / запрета / запретить.  A group "neg" marks the row negated; a
# modal that governs a prohibition or restriction verb is absorbed into
# that verb's row ("не могут быть запрещены" is one row, prohibition negated).

# ---- prohibition ----

rule ru.zapret
kind restrict
label prohibition
lang ru
regex (?i)(?<neg>\bне\s+(?:мо(?:жет|гут)\s+быть\s+|должн\w*\s+быть\s+|был[аои]?\s+|будут?\s+)?)?
  (?<m>\bвоспрещ\w+|\bзапрещ(?!ени\w*\s+(?:(?:его|ее|её|их)\s+)?деятельност)(?:а(?:ет|ют|ется|ются|ть|л|ла|ло|ли|ться|лось|лся|лась|лись|емы\w*)|ено|ена|ены|ен|ён|енн\w*|ённ\w*|ени\w*|и(?:ть|л|ла|ло|ли|м|т))\b
  |\bзапрет(?:а|у|ом|е|ы|ов|ам|ами|ах|ить|ит|ят|ил|ила|ило|или)?\b)
example Участникам запрещается скрывать лицо. => prohibition
example Проведение собраний после 22 часов запрещено. => prohibition
example Правительство запретило ввоз газет, а запрет партии принят без слушаний. => prohibition; prohibition
example Мирные собрания не могут быть запрещены по мотивам их содержания. => prohibition negated
example Создание филиалов не запрещено. => prohibition negated
example Вход посторонним воспрещается. => prohibition
example Стихийные собрания не запрещаются. => prohibition negated
not Запрещающий знак висит криво.
not Запрещение деятельности объединения производится судом.

rule ru.ne-dopuskaetsya
kind restrict
label prohibition
lang ru
regex (?i)(?<m>\bне\s+допуска(?:ется|ются|ет|ют|лось|лся|лась|лись|ть)\b|\bнедопустим\w*)
example Не допускается проведение собраний ближе двухсот метров. => prohibition
example Агитация, которая не допускается законом, влечет штраф. => prohibition

rule ru.ne-vprave
kind restrict
label prohibition
lang ru
regex (?i)(?<m>\bне\s+вправе\b|\bне\s+име(?:ет|ют)\s+права\b)
example Участники не вправе демонстрировать символику. => prohibition

# "не может быть" + a short participle is a norm whatever the subject
# ("он не может быть избран"); an epistemic marker in the clause is not
rule ru.ne-mozhet-byt
kind restrict
label prohibition
lang ru
regex (?i)(?<m>\bне\s+мо(?:жет|гут)\b)(?=\s+быть\s+(?!запрещ|ограничен)[\w-]+(?:ан|ян|ен|ён|ит|ыт|ут|от)[аоы]?\b)
unless-clause (?i)\b(?:по-видимому|видимо|вероятно|возможно|наверное|скорее\s+всего|судя\s+по\s+всему)\b
example Он не может быть избран депутатом в течение пяти лет. => prohibition
example Никто не может быть задержан без решения суда. => prohibition
example Религиозное объединение не может быть зарегистрировано. => prohibition; permission
not Доклад, по-видимому, не может быть опубликован раньше марта.

# normative "не может / не могут"; not "не может не" (cannot but), not a
# personal inability ("он не может прийти из-за болезни")
rule ru.ne-mozhet
kind restrict
label prohibition
lang ru
regex (?i)(?<m>\bне\s+мо(?:жет|гут)\b)(?!\s+не\b)(?!\s+(?:быть\s+)?(?:запрещ|запрет|ограничен|ограничива|ограничить))
unless-before (?i)(?:^|[\s,(«"])(?:я|ты|он|она|оно|мы|вы|они)\s*$
unless-clause (?i)\b(?:из-за|по\s+болезни|по\s+состоянию\s+здоровья|потому\s+что|по-видимому|видимо|вероятно|возможно|наверное|скорее\s+всего)\b
example Иностранцы не могут быть организаторами мирных собраний. => prohibition
not Комиссия не может не отметить прогресс.
not Он не может прийти на заседание из-за болезни.
not Погода может не улучшиться до выходных.

rule ru.ne-dolzhen
kind restrict
label prohibition
lang ru
regex (?i)(?<m>\bне\s+долж(?:ен|на|но|ны)\b)(?!\s+быть\s+(?:запрещ|ограничен))
example Участники не должны иметь при себе оружие. => prohibition
example Борьба с экстремизмом не должна становиться поводом для преследования. => vague; prohibition

# ---- restriction ----

rule ru.ogranich
kind restrict
label restriction
lang ru
regex (?i)(?<neg>\bне\s+(?:мо(?:жет|гут)\s+быть\s+|должн\w*\s+быть\s+|был[аои]?\s+|будут?\s+)?)?
  (?<m>\bограничени(?:е|я|ю|ем|и|й|ям|ями|ях)\b
  |\bограничива(?:ет|ют|ется|ются|ть|л|ла|ло|ли|ться|ющ\w*|ем\w*|я)\b
  |\bограничен(?:о|а|ы)?\b|\bограниченн(?!ост)\w*+(?=\s+(?:в\s+правах|доступ))
  |\bограничи(?:ть|т|л|ла|ло|ли|вш\w*)\b|\bограничат\b|\bограничительн\w*)
  (?!\s+(?:ответственност|тираж|ресурс|числ\w*\s+экземпляр))
example Осуществление этого права может быть ограничено только законом. => restriction
example Право на собрания не ограничивается. => restriction negated
example Право не может быть ограничено. => restriction negated
example Лица, оказывающие помощь, в передвижении не ограничены. => restriction negated
example Поэт приговорен к ограничению свободы. => restriction
example Власти ввели ограничительные меры. => restriction
example Ограничения не распространяются на представительства. => restriction
not Издатель является товариществом с ограниченной ответственностью.
not Доклад издан ограниченным тиражом.
not Компания имеет ограниченные средства.
not Ограниченность ресурсов не позволила посетить области.
not Полиция ограничилась устным замечанием.
not Полиция ограничивалась наблюдением.

# ---- obligation ----

rule ru.obyazan
kind restrict
label obligation
lang ru
regex (?i)(?<neg>\bне\s+)?(?<m>\bобязан[аоы]?\b|\bобяз(?:ать|ывает|ывают|ывать|ал|ала|али|ало)\b|\bобяж(?:ет|ут)\b)
example Организатор обязан подать уведомление. => obligation
example Организатор не обязан раскрывать имена участников. => obligation negated
example Законопроект обяжет блогеров регистрироваться в качестве СМИ. => obligation; permission
not Права и обязанности организатора

rule ru.dolzhen
kind restrict
label obligation
lang ru
regex (?i)(?<m>\bдолж(?:ен|на|но|ны)\b)(?!\s+быть\s*,)(?!\s+быть\s+(?:запрещ|ограничен))
unless-before (?i)(?:\bне\s*$|(?:^|[\s,(«"])(?:я|мы)\s*$)
example Организатор должен обеспечить соблюдение маршрута. => obligation
example Отказ должен быть мотивированным и должен быть направлен организатору. => obligation; obligation
example Средства массовой информации должны пройти регистрацию. => obligation; permission
example Сведения, порочащие гражданина, должны быть опровергнуты. => obligation
not Отчет, должно быть, был подготовлен в спешке.
not Должно быть, наблюдателям было трудно.
not Мы должны признать, что данные неполны.
not Штраф налагается на должностных лиц.

# ---- permission ----

rule ru.permission-not-agreed
kind restrict
label permission
lang ru
# Kazakhstan's assembly regime speaks of "согласование" with the akimat: a
# rally that was not agreed, or held without agreement, lacks the authorization.
regex (?i)(?<m>\bне\s+(?:был[аио]?\s+)?согласова(?:н[аоы]?|ли|л)\b|\bбез\s+согласовани[яе]\b)
example Митинг не был согласован с акиматом. => permission
example Пикет провели без согласования с властями. => permission
not Порядок выступлений был согласован заранее.

rule ru.permission
kind restrict
label permission
lang ru
regex (?i)(?<neg>\bне\s+(?:требу(?:ет|ют|ется|ются)|подлеж(?:ит|ат))\s+(?:\w+\s+)?)?
  (?<m>\b(?:разрешени(?:е|я|ю|ем|и|й|ям|ями|ях)|лицензи\w*|лицензируем\w*|лицензионн\w*|регистраци\w*|перерегистраци\w*|незарегистрированн\w*|(?:за|пере)?регистрир(?:оваться|оваться|уются|уется|овать|уют|ует)|аккредитаци\w*|аккредитованн\w*|несанкционированн\w*|несогласованн\w*)\b)
  (?!\s+(?:спор|конфликт|разноглас|вопрос|ситуаци|дел[аоу]?\b|проблем|кризис|противоречи|экран))
  (?!\s+(?:(?:его|её|ее|их)\s+)?(?:автор|владел|правообладател|родител|семь|сем[еи]й|фотограф|художник|наследник|издательств|хозя|собеседник)\w*)
unless-before (?i)\b(?:высок\w*|низк\w*|экран\w*)\s*$
example Участие в несанкционированном собрании влечет штраф. => permission
example Проведение собрания не требует разрешения акимата. => permission negated
example Издания тиражом менее ста экземпляров не подлежат регистрации. => permission negated
example Распространение изданий не требует лицензии. => permission negated
example Министерство отказало в регистрации профсоюзу. => permission
example Аккредитованные журналисты могут присутствовать. => permission
example Телеканал, лицензия которого отозвана, не может возобновить вещание без нового разрешения. => permission; prohibition; permission
not Стороны нашли разрешение спора с помощью медиации.
not Экран телефона имеет высокое разрешение.
not Письмо цитируется с разрешения его автора.
not Снимки публикуются с разрешения правообладателя.
example Пикет прошел без разрешения акимата. => permission

rule ru.razreshit
kind restrict
label permission
lang ru
regex (?i)(?<m>\bразреш(?:ил|или|ила|ило|ить|ать|ает|ают|ено|ена|ены|ен|ается|аются|ат|ит)\b)
example Власти не разрешили ни одного мероприятия. => permission

rule ru.registered
kind restrict
label permission
lang ru
regex (?i)\b(?:не|быть)\s+(?<m>зарегистрирован\w*)
example Руководство объединением, не зарегистрированным в установленном порядке. => permission
not Издатель зарегистрирован в Астане.
not В 2023 году зарегистрировано 1 200 случаев.

# ---- vague ----

rule ru.extremism
kind restrict
label vague
lang ru
regex (?i)(?<m>\bэкстремиз\w*|\bэкстремист\w*)
example Понятие «экстремизм» определено широко. => vague
example Листовка не является экстремистской. => vague

rule ru.public-order
kind restrict
label vague
lang ru
regex (?i)(?<m>\bобщественн\w+\s+поряд(?:ок|к\w*))
example Полиция ссылалась на охрану общественного порядка. => vague
example Действия, нарушающие общественный порядок, наказуемы. => vague
not Документы подаются в порядке, установленном законом.

rule ru.rozn
kind restrict
label vague
lang ru
regex (?i)(?<m>\b(?:разжига\w*|разжечь|разжёг\w*|возбужд\w*|возбуди\w*)\s+(?:[\w-]+,?\s+(?:или\s+|и\s+)?){0,8}?(?:розн(?:ь|и|ью)|вражд(?:а|ы|е|у|ой))\b
  |\b(?:социальн|национальн|расов|религиозн|сословн|родов|межнациональн|этническ)\w*\s+(?:[\w-]+,?\s+(?:или\s+|и\s+)?){0,8}?(?:розн(?:ь|и|ью)|вражд(?:а|ы|е|у|ой))\b
  |\bрозн(?:ь|и|ью)\b)
example действия, направленные на разжигание социальной, национальной или религиозной розни => vague

rule ru.honour
kind restrict
label vague
lang ru
regex (?i)(?<m>\bчест(?:ь|и|ью)\s+и\s+достоинств\w*)
example Публикации унизили честь и достоинство судьи. => vague
not Конференция проведена в честь тридцатилетия.
not Купюры достоинством 20 000 тенге.

rule ru.integrity
kind restrict
label vague
lang ru
regex (?i)(?<m>\b(?:нарушени\w*|наруш(?:ить|ать|ает|ают|ил\w*))\s+(?:территориальн\w+\s+)?целостност\w*|\bтерриториальн\w+\s+целостност\w*)
example призывы к нарушению территориальной целостности Республики => vague
not Целостность данных проверили аналитики.

rule ru.security
kind restrict
label vague
lang ru
regex (?i)(?<m>\bподрыв\w*\s+(?:безопасност\w*\s+государств\w*|государственн\w+\s+безопасност\w*|национальн\w+\s+безопасност\w*))
example призывы к подрыву безопасности государства => vague
not Система социальной безопасности охватывает всех.

rule ru.provocation
kind restrict
label vague
lang ru
regex (?i)(?<m>\bпровокаци\w*|\bпровокационн\w*)
example ярлыки «провокация» и «провокационное поведение» => vague; vague

rule ru.false-information
kind restrict
label vague
lang ru
regex (?i)(?<m>\b(?:заведомо\s+)?ложн\w+\s+информаци\w*)
example Распространение заведомо ложной информации наказывается. => vague
not Пожарная тревога оказалась ложной.

# ---- exception ----

rule ru.exception
kind restrict
label exception
lang ru
regex (?i)(?<m>\bза\s+исключением\b|\bисключая\b|\bкроме\b(?!\s+(?:того|этого|всего|прочего)\b))
example Ввоз товаров ограничен, за исключением гуманитарной помощи. => restriction; exception
example Иностранцы не вправе участвовать, кроме как в качестве наблюдателей. => prohibition; exception
not Кроме того, комиссия рассмотрела жалобы.
