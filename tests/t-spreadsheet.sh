#!/bin/sh
# t-spreadsheet.sh - what a spreadsheet makes of the output: LibreOffice
# (headless) converts the csv, the Excel file and the TSV (by the README's
# recipe) of the hostile sample to .xlsx; reading the .xlsx back shows every
# Cyrillic and Kazakh letter intact, every value as written, and no cell
# holding a formula.  A control file proves that a formula would be seen.
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2
H=corpus/en/hostile-cells.utf8.txt

if ! sh tests/need.sh libreoffice-calc-nogui unzip; then
	echo "t-spreadsheet: not run: libreoffice-calc-nogui cannot be installed" >&2
	exit 0
fi
# the README's recipes: csv; the Excel file (UTF-16, tabs); TSV with text columns and no quote character
TEXTCOLS=1/2/2/2/3/2/4/2/5/2/6/2/7/2/8/2/9/2/10/2/11/2/12/2/13/2/14/2/15/2
FILTER_csv="CSV:44,34,76,1"
FILTER_excel="CSV:9,34,65535,1"
FILTER_tsv="CSV:9,,76,1,$TEXTCOLS"

# to_xlsx NAME FILTER: $T/NAME.csv -> $T/x/NAME.xlsx
to_xlsx() {
	timeout 180 soffice --headless --norestore -env:UserInstallation="file://$T/profile" \
		--convert-to xlsx --infilter="$2" --outdir "$T/x" "$T/$1.csv" >"$T/lo.log" 2>&1
	[ -s "$T/x/$1.xlsx" ] || { cat "$T/lo.log" >&2; return 1; }
}

# strings NAME: the text of every cell, XML entities decoded, one a line (tab as \t)
strings() {
	unzip -p "$T/x/$1.xlsx" xl/sharedStrings.xml | sed 's/<\/si>/\n/g' | sed -n 's/.*<t[^>]*>\(.*\)<\/t>.*/\1/p' |
		sed "s/&#9;/\\\\t/g; s/&apos;/'/g; s/&quot;/\"/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\\&/g"
}

mkdir -p "$T/x"
# control: an unneutralized formula in a CSV is run by LibreOffice
printf 'a,b\r\n=1+1,x\r\n' >"$T/control.csv"
if to_xlsx control "$FILTER_csv" && unzip -p "$T/x/control.xlsx" xl/worksheets/sheet1.xml | grep -q '<f'; then
	ok "control: a raw =1+1 in a CSV becomes a formula"
else
	notok "control: a raw =1+1 in a CSV becomes a formula"
fi

"$LEXPIPE" run --format csv "$H" >"$T/csv.csv"
"$LEXPIPE" run --excel "$H" >"$T/excel.csv"
"$LEXPIPE" run "$H" >"$T/tsv.csv"
"$LEXPIPE" run --no-header --fields context "$H" >"$T/contexts"
rows=$(($(wc -l <"$T/tsv.csv")))
for f in csv excel tsv; do
	eval "filter=\$FILTER_$f"
	# shellcheck disable=SC2154
	if ! to_xlsx $f "$filter"; then
		notok "$f: LibreOffice converts it to xlsx"
		continue
	fi
	ok "$f: LibreOffice converts it to xlsx"
	unzip -p "$T/x/$f.xlsx" xl/worksheets/sheet1.xml >"$T/sheet.xml"
	check_eq "$f: no cell is a formula" 0 "$(grep -c '<f' "$T/sheet.xml")"
	check_grep "$f: $rows rows of 15 columns" "<dimension ref=\"A1:O$rows\"/>" "$T/sheet.xml"
	strings $f >"$T/strings.$f"
	missing=
	for letter in ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І ж щ Ш; do
		grep -qF "$letter" "$T/strings.$f" || missing="$missing $letter"
	done
	check_eq "$f: every Cyrillic and Kazakh letter intact" "" "$missing"
	# every context is a text cell, exactly as written (with the safety mark where due)
	bad=$(while IFS= read -r c; do
		case $f in tsv) want=$c ;; *)
			case $c in [-=+@]* | \\t*) want="'$c" ;; *) want=$c ;; esac ;;
		esac
		grep -qxF -- "$want" "$T/strings.$f" || echo "$want"
	done <"$T/contexts")
	check_eq "$f: every context is a text cell as written" "" "$bad"
done
