# Macros for act names: {Name} in a name stands for the macro's regex.
# generic yes: a genre word, optional on a title line.
rule macro.ru-law
kind macro
role vocabulary
name Закон
generic yes
regex закон(?:а|у|ом|е|ы|ов|ам|ами|ах)?
example статьи 5 Закона о СМИ => kz-media#art_5
not законодательство о средствах массовой информации

rule macro.ru-code
kind macro
role vocabulary
name Кодекс
generic yes
regex кодекс(?:а|у|ом|е|ы|ов|ам|ами|ах)?
example статьи 5 Уголовного кодекса => kz-criminal#art_5
not кодексы чести

rule macro.ru-rk
kind macro
role vocabulary
name РК
regex (?:\s+(?:Республики\s+Казахстан|РК))?(?:\s+от\s+\d{1,2}(?:\.\d{1,2}\.|\s+\p{L}+\s+)\d{4}(?:\s+года|\s*г\.)?)?(?:\s+№\s*[\w-]+)?
example статьи 5 Закона Республики Казахстан от 23 июля 1999 года № 451-I «О средствах массовой информации» => kz-media#art_5
not Республики Казахстан

rule macro.en-law
kind macro
role vocabulary
name Law
generic yes
regex laws?
example article 5 of the Law on Mass Media => kz-media#art_5
not lawyers on mass media

rule macro.en-code
kind macro
role vocabulary
name Code
generic yes
regex codes?
example article 5 of the Criminal Code => kz-criminal#art_5
not codes of conduct

rule macro.en-rk
kind macro
role vocabulary
name ofRK
regex (?:\s+of\s+the\s+Republic\s+of\s+Kazakhstan)?(?:\s+dated\s+(?:[\d.]+|\d{1,2}\s+\p{L}+\s+\d{4}|\p{L}+\s+\d{1,2},\s+\d{4})|\s+of\s+(?:\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}\s+\p{L}+\s+\d{4}|\p{L}+\s+\d{1,2},\s+\d{4}))?(?:,?\s+No\.?\s*[\w-]+)?
example Article 3 of the Law of the Republic of Kazakhstan "On Political Parties" => kz-parties#art_3
example amendments to the Law of the Republic of Kazakhstan of 15 July 2002 "On Political Parties" => kz-parties
example Article 4 of the Law of the Republic of Kazakhstan dated 23 July 1999 No. 451-I "On Mass Media" => kz-media#art_4
example Article 10 of the Law of the Republic of Kazakhstan of January 16, 2001 "On Non-Commercial Organizations" => kz-nco#art_10
not Republic of Kazakhstan

rule macro.kk-law
kind macro
role vocabulary
name Заң
generic yes
regex заң(?:ы|ын|ның|ының|ына|ға|да|ында|ды|мен|ымен|нан|ынан|дар|дары|дарына|дарының|дарымен|дарда)?
example Сайлау туралы заңның 44-бабы => kz-elections#art_44
not заңнама туралы

rule macro.kk-code
kind macro
role vocabulary
name Кодексі
generic yes
regex кодекс(?:і|ін|інің|іне|інде|інен|імен|тің|ке|те|ті|тен|пен)?
example Қылмыстық кодекстің 405-бабы => kz-criminal#art_405
not кодекстер жинағы

rule macro.kk-rk-before
kind macro
role vocabulary
name ҚР
regex (?:(?:Қазақстан\s+Республикасының|ҚР)\s+)?(?:\d{4}\s+жылғы\s+\d{1,2}\s+\p{L}+\s+)?(?:№\s*[\w-]+\s+)?
example Қазақстан Республикасының «Саяси партиялар туралы» Заңының 5-бабы => kz-parties#art_5
not Қазақстан Республикасының

rule macro.kk-rk-after
kind macro
role vocabulary
name ҚРы
regex (?:\s+\d{4}\s+жылғы\s+\d{1,2}\s+\p{L}+)?(?:\s+№\s*[\w-]+)?(?:\s+Қазақстан\s+Республикасы(?:ның)?)?
example «Саяси партиялар туралы» Қазақстан Республикасы Заңының 5-бабы => kz-parties#art_5
example «Саяси партиялар туралы» 2002 жылғы 15 шілдедегі Қазақстан Республикасының Заңына өзгеріс енгізілсін => kz-parties
example «Ұлттық қауіпсіздік туралы» 2012 жылғы 6 қаңтардағы № 527-IV Қазақстан Республикасы Заңының 4-бабы => kz-natsec#art_4
not Қазақстан Республикасы
