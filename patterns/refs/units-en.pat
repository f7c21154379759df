# English unit words.  Numbers follow them ("article 44", "Art. 44(6)");
# the inner unit comes first ("section 6 of article 44") or, set off by
# commas, after the article ("Article 39, paragraph 1").
rule en.article
kind unit
level art
lang en
singular article art.
plural articles arts.
example article 44 => #art_44
example Article13-4 applies => #art_13-4
example Art. 44(6) of the Election Law => kz-elections#art_44__para_6
example arts. 27 and 33 => #art_27; #art_33
example articles 102-1 to 102-3 => #art_102-1; #art_102-2; #art_102-3
example Articles 27-29 of the Election Law => kz-elections#art_27; kz-elections#art_28; kz-elections#art_29
example Article 19 of the International Covenant on Civil and Political Rights => iccpr#art_19
example Art. 19(3)(b) ICCPR => iccpr#art_19__para_3__point_b
example article 19(2) and (3) of the ICCPR => iccpr#art_19__para_2; iccpr#art_19__para_3
example Articles 434 to 500 of the CAO => kz-coao#art_434; kz-coao#art_500
not an article of clothing
not 44 articles were published
not his article in the newspaper
not ARTICLE 19 and PEN America issued a statement on the blogger's case
not a briefing by ARTICLE 19 Central Asia
example AMENDMENTS TO ARTICLE 5 OF THE LAW ON POLITICAL PARTIES => kz-parties#art_5
not the Law of 23 July 1999 (Gazette of the Parliament of the Republic of Kazakhstan, 1999, No. 16-17, Art. 70; 2004, No. 3, Art. 11)

rule en.para
kind unit
level para
lang en
under al
singular section sec. paragraph para. para part
plural sections secs. paragraphs paras. paras parts
example section 6 of article 44 => #art_44__para_6
example Article 39, paragraph 1, of the Constitution => kz-constitution#art_39__para_1
example paragraph 3 to article 33 => #art_33__para_3
example paras 1-3 of article 5 => #art_5__para_1; #art_5__para_2; #art_5__para_3
example section 2 of article 355 of the Administrative Code => kz-coao#art_355__para_2
example Sections 2 through 4 of Article 10 => #art_10__para_2; #art_10__para_3; #art_10__para_4
example the first paragraph of Article 2 => #art_2__para_1
example The second paragraph of part 1 of Article 73-3 of the CAO => kz-coao#art_73-3__para_1__al_2
not Section on NGOs of the police department
not Paragraph 3 of the editorial
not Part 2 of the documentary

rule en.point
kind unit
level point
lang en
singular subparagraph sub-paragraph subpara. item point
plural subparagraphs sub-paragraphs subparas. items points
example subparagraph 2) of paragraph 1 of Article 33 => #art_33__para_1__point_2
example Point 4 of Article 7 => #art_7__point_4
example subparagraphs 1) to 3) of paragraph 2 of Article 4 => #art_4__para_2__point_1; #art_4__para_2__point_2; #art_4__para_2__point_3
not Item 2 on the agenda

rule en.chapter
kind unit
level chp
lang en
singular chapter
plural chapters
example Chapter 3 of the Criminal Code => kz-criminal#chp_3
not Chapter 3 of her novel was dull
