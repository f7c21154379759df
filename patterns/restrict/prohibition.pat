rule ru.prohibition
kind restrict
label prohibition
lang ru
regex (?i)\bзапрещ(?:ается|аются|ено|ена|ены|ен)\b
example Проведение митингов запрещается => prohibition
not Запрещающий знак
