#!/bin/sh
# Makes the office-suite fixtures the import tests read: one CSV with Norwegian text, a title block,
# numbers with decimal commas, a percent column, a date column and a formula, converted by
# LibreOffice (Debian: libreoffice-calc-nogui) into XLSX, XLS and ODS. Run once; the outputs are
# committed under test/fixtures/import/office/ so tests never need LibreOffice.
set -eu
out="$(cd "$(dirname "$0")/.." && pwd)/test/fixtures/import/office"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# Semicolon-separated, UTF-8, Norwegian number and date formats; =E5*F5 is a formula.
cat > "$work/fakturaer.csv" <<'CSV'
Fakturaliste november 2026;;;;;;;
Bjørnøya Regnskap AS;;;;;;;
;;;;;;;
Fakturanr;Kundenavn;Poststed;Forfallsdato;Antall;Enhetspris;MVA;Beløp
10001;Ærlige Øystein Ås;Tromsø;15.12.2026;2;1299,50;25%;=E5*F5
10001;Ærlige Øystein Ås;Tromsø;15.12.2026;1;0,125;25%;=E6*F6
;;;;;;;
10002;Blåbærfabrikken Sæther AB;Ålesund;01.01.2027;3;100;15%;=E8*F8
10003;Frøken Ødegård;Bodø;31.12.2026;1;7,5;0%;=E9*F9
CSV

# Filter options: separator ; (59), quote " (34), UTF-8 (76), start at line 1, no column formats,
# language nb-NO (1044), quoted-as-text false, detect special numbers true, … evaluate formulas true.
filter='Text - txt - csv (StarCalc):59,34,76,1,,1044,false,true,false,false,false,-1,true'
for target in 'xlsx:Calc MS Excel 2007 XML' 'xls:MS Excel 97' 'ods:calc8'; do
  ext="${target%%:*}"
  soffice --headless --norestore "-env:UserInstallation=file://$work/profile" \
    --infilter="$filter" --convert-to "$target" --outdir "$work" "$work/fakturaer.csv" >/dev/null
  cp "$work/fakturaer.$ext" "$out/fakturaer.$ext"
done
cp "$work/fakturaer.csv" "$out/fakturaer-source.csv"
ls -l "$out"
