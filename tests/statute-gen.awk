# statute-gen.awk - tests/t-blocks.sh: awk -v n=ARTICLES -f statute-gen.awk
# a statute-like document: a title, chapters, articles, numbered paragraphs,
# an alias defined once at the top and used to the end, amendment notes,
# citations of "this Law" and "this article", restrictions and penalties
BEGIN {
	print "Закон Республики Казахстан «О порядке организации и проведения мирных собраний в Республике Казахстан»"
	print ""
	print "Статья 1. Основные понятия"
	print ""
	print "1. Нарушение настоящего Закона влечет ответственность, установленную статьей 488 Кодекса Республики Казахстан об административных правонарушениях (далее – КоАП)."
	for (i = 2; i <= n; i++) {
		if (i % 25 == 2) { print ""; print "Глава " int(i / 25) + 1 ". Положения части " i; }
		print ""
		print "Статья " i ". Порядок проведения собраний"
		print ""
		print "1. Организатор обязан уведомить местный исполнительный орган не позднее чем за " (i % 9 + 2) " рабочих дней."
		print "2. Проведение собрания запрещается в местах, не определенных в соответствии с пунктом 1 статьи " (i % 40 + 1) " настоящего Закона,"
		print "а также вблизи объектов, указанных в пункте 1 настоящей статьи."
		print "3. Согласно ч. 2 ст. 488 КоАП штраф налагается в размере " (i % 50 + 10) " месячных расчетных показателей."
		if (i % 7 == 0) print "Примечание. Статья " i " дополнена в соответствии с Законом РК от 5 июля 2023 года."
		if (i % 11 == 0) { print ""; print "Under article " (i % 30 + 1) " of this Law, holding a rally is prohibited without notice; a fine of " i " MCI is imposed."; }
		if (i % 13 == 0) { print "4. Участник не вправе препят-"; print "ствовать работе журналистов, указанных в пункте 2 настоящей статьи."; }
	}
}
