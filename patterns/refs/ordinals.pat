# Ordinal words stand for numbers: "части первой" = часть 1, "the first
# paragraph", "бірінші бөлігі".  One line per number: ord N FORMS.
rule ru.ordinals
kind ordinal
role vocabulary
lang ru
ord 1 перв(ый|ая|ое|ого|ому|ым|ом|ую|ой|ою|ые|ых|ыми)
ord 2 втор(ой|ая|ое|ого|ому|ым|ом|ую|ою|ые|ых|ыми)
ord 3 трет(ий|ья|ье|ьего|ьему|ьим|ьем|ью|ьей|ьею|ьи|ьих|ьими)
ord 4 четверт(ый|ая|ое|ого|ому|ым|ом|ую|ой|ою|ые|ых|ыми)
ord 5 пят(ый|ая|ое|ого|ому|ым|ом|ую|ой|ою|ые|ых|ыми)
ord 6 шест(ой|ая|ое|ого|ому|ым|ом|ую|ою|ые|ых|ыми)
ord 7 седьм(ой|ая|ое|ого|ому|ым|ом|ую|ою|ые|ых|ыми)
ord 8 восьм(ой|ая|ое|ого|ому|ым|ом|ую|ою|ые|ых|ыми)
ord 9 девят(ый|ая|ое|ого|ому|ым|ом|ую|ой|ою|ые|ых|ыми)
ord 10 десят(ый|ая|ое|ого|ому|ым|ом|ую|ой|ою|ые|ых|ыми)
ord 11 одиннадцат(ый|ая|ое|ого|ому|ым|ом|ую|ой|ою|ые|ых|ыми)
ord 12 двенадцат(ый|ая|ое|ого|ому|ым|ом|ую|ой|ою|ые|ых|ыми)
ord 13 тринадцат(ый|ая|ое|ого|ому|ым|ом|ую|ой|ою|ые|ых|ыми)
ord 14 четырнадцат(ый|ая|ое|ого|ому|ым|ом|ую|ой|ою|ые|ых|ыми)
ord 15 пятнадцат(ый|ая|ое|ого|ому|ым|ом|ую|ой|ою|ые|ых|ыми)
ord 16 шестнадцат(ый|ая|ое|ого|ому|ым|ом|ую|ой|ою|ые|ых|ыми)
ord 17 семнадцат(ый|ая|ое|ого|ому|ым|ом|ую|ой|ою|ые|ых|ыми)
ord 18 восемнадцат(ый|ая|ое|ого|ому|ым|ом|ую|ой|ою|ые|ых|ыми)
ord 19 девятнадцат(ый|ая|ое|ого|ому|ым|ом|ую|ой|ою|ые|ых|ыми)
ord 20 двадцат(ый|ая|ое|ого|ому|ым|ом|ую|ой|ою|ые|ых|ыми)
example части первой статьи 5 => #art_5__para_1
example части четвертой статьи 14 => #art_14__para_4
example в абзаце втором пункта 3 статьи 7 => #art_7__para_3__al_2
example частях первой и третьей статьи 8 => #art_8__para_1; #art_8__para_3
not первой статьи нет

rule en.ordinals
kind ordinal
role vocabulary
lang en
ord 1 first
ord 2 second
ord 3 third
ord 4 fourth
ord 5 fifth
ord 6 sixth
ord 7 seventh
ord 8 eighth
ord 9 ninth
ord 10 tenth
ord 11 eleventh
ord 12 twelfth
ord 13 thirteenth
ord 14 fourteenth
ord 15 fifteenth
ord 16 sixteenth
ord 17 seventeenth
ord 18 eighteenth
ord 19 nineteenth
ord 20 twentieth
example the first paragraph of Article 2 => #art_2__para_1
example The second part of Article 174 of the Criminal Code => kz-criminal#art_174__para_2
not the first time

# English translations of the codes number parts with cardinal words after
# the unit: "part one of Article 27", "paragraph three of this Article".
# Before a unit a cardinal counts ("two articles"), so the grammar reads
# only words ending like an ordinal (-st, -nd, -rd, -th) there.
rule en.cardinals
kind ordinal
role vocabulary
lang en
ord 1 one
ord 2 two
ord 3 three
ord 4 four
ord 5 five
ord 6 six
ord 7 seven
ord 8 eight
ord 9 nine
ord 10 ten
ord 11 eleven
ord 12 twelve
ord 13 thirteen
ord 14 fourteen
ord 15 fifteen
ord 16 sixteen
ord 17 seventeen
ord 18 eighteen
ord 19 nineteen
ord 20 twenty
example under part one of Article 27 of the Criminal Code => kz-criminal#art_27__para_1
example parts two and three of Article 405 of the Criminal Code => kz-criminal#art_405__para_2; kz-criminal#art_405__para_3
example Article 73-3, part twelve, of the Code of Administrative Offences => kz-coao#art_73-3__para_12
not two articles of the Code were amended
not one article of the Law survived
not only one paragraph of Article

rule kk.ordinals
kind ordinal
role vocabulary
lang kk
ord 1 бірінші
ord 2 екінші
ord 3 үшінші
ord 4 төртінші
ord 5 бесінші
ord 6 алтыншы
ord 7 жетінші
ord 8 сегізінші
ord 9 тоғызыншы
ord 10 оныншы
ord 11 он_бірінші
ord 12 он_екінші
ord 13 он_үшінші
ord 14 он_төртінші
ord 15 он_бесінші
ord 16 он_алтыншы
ord 17 он_жетінші
ord 18 он_сегізінші
ord 19 он_тоғызыншы
ord 20 жиырмасыншы
example 5-бабының бірінші бөлігі => #art_5__para_1
example 5-бабының екінші және үшінші бөліктерінде => #art_5__para_2; #art_5__para_3
not бірінші рет
