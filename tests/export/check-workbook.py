#!/usr/bin/python3
# check-workbook.py: reads an exported workbook back and checks it against the
# engine's figures (TAP output).
#
#   check-workbook.py structure TOOL DOCUMENT|--example WORKDIR
#       exports with TOOL, opens the file with openpyxl (formulas and cached
#       values), checks sheets, formulas, cached values, formats, names,
#       print set-up; checks that the sheet XML holds "C" numbers.
#   check-workbook.py libreoffice TOOL DOCUMENT|--example WORKDIR
#       exports, lets LibreOffice recalculate every formula (private profile),
#       converts every sheet to CSV and compares each amount to the engine's.
#   check-workbook.py cli ENT-BUDGET DOCUMENT|--example WORKDIR
#       ent-budget --export=OUT.xlsx recalculated by LibreOffice equals
#       ent-budget --summary --csv to the cent.
#   check-workbook.py names TOOL DOCUMENT|--example WORKDIR
#       exports the document with hostile names given through the model (a
#       2 000-byte accented name; control characters, U+FFFE, U+FFFF, bytes
#       that are not UTF-8): every part is strict XML in UTF-8, openpyxl opens
#       the workbook, names and formulas are whole, and LibreOffice (when
#       installed) recalculates the engine's totals.
#
# Independent of the UI language: cells are found by position and by the
# engine's names, never by translated labels (except under the C locale,
# where the English source strings are checked too).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from decimal import Decimal

EURO = '#,##0.00 "€"'
SHEETS_EN = ['Summary', 'Credits', 'Pupils', 'Assumptions', 'AE-CP', 'Allocation']
SUMMARY, CREDITS, PUPILS, ASSUMPTIONS, AECP, ALLOCATION = range(6)


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, cond, what, detail=''):
        self.n += 1
        if cond:
            print(f'ok {self.n} - {what}')
        else:
            self.failed += 1
            print(f'not ok {self.n} - {what}')
            if detail:
                for line in str(detail).splitlines():
                    print(f'# {line}')
        sys.stdout.flush()
        return cond

    def skip_all(self, why):
        print(f'1..0 # SKIP {why}')
        sys.exit(0)

    def done(self):
        print(f'1..{self.n}')
        sys.exit(1 if self.failed else 0)


def cents(value):
    """A cell value or a CSV field in euros, to integer cents."""
    return int((Decimal(str(value)) * 100).quantize(Decimal('1'), rounding='ROUND_HALF_UP'))


def run_tool(tool, *args):
    return subprocess.run([tool, *args], check=True, capture_output=True, text=True).stdout


def expected_figures(tool, document):
    exp = {'lines': [], 'years': {}, 'totals': {}, 'schools': {}, 'communes': {},
           'pupils': {}, 'scenarios': [], 'billing': None}
    for line in run_tool(tool, 'expected', document).splitlines():
        f = line.split(';')
        if f[0] == 'info' and f[1] == 'billing':
            exp['billing'] = f[2]
        elif f[0] == 'line':
            exp['lines'].append((f[1], int(f[2]), f[3], cents(f[4])))
        elif f[0] == 'year':
            exp['years'][(f[1], int(f[2]))] = (int(f[3]), cents(f[4]), cents(f[5]), cents(f[6]))
            if f[1] not in exp['scenarios']:
                exp['scenarios'].append(f[1])
        elif f[0] == 'total':
            exp['totals'][f[1]] = cents(f[2])
        elif f[0] == 'school':
            exp['schools'][(f[1], int(f[2]), f[3])] = tuple(cents(x) for x in f[4:7])
        elif f[0] == 'commune':
            exp['communes'][(f[1], int(f[2]), f[3])] = tuple(cents(x) for x in f[4:7])
        elif f[0] == 'pupils':
            exp['pupils'][(f[1], f[2], int(f[3]))] = (int(f[4]), f[5] == 'known')
    return exp


def english_labels():
    # The workbook is in English when no translation applies.
    lang = os.environ.get('LC_ALL') or os.environ.get('LC_MESSAGES') or os.environ.get('LANG') or 'C'
    return lang in ('C', 'POSIX', 'C.UTF-8') or lang.startswith('en')


# ------------------------------------------------------------------ structure

def credits_columns(ws):
    """(amount column, scenario column), 1-based: the last two header cells."""
    last = ws.max_column
    while last > 1 and ws.cell(1, last).value is None:
        last -= 1
    return last - 1, last


def check_structure(t, tool, document, workdir):
    import openpyxl

    path = os.path.join(workdir, 'book.xlsx')
    run_tool(tool, 'export', document, path)
    exp = expected_figures(tool, document)
    prorata = exp['billing'] == 'prorata'

    leftovers = [f for f in os.listdir(workdir) if f != 'book.xlsx']
    t.ok(leftovers == [], 'no temporary file left next to the workbook', leftovers)

    wb = openpyxl.load_workbook(path)                    # formulas
    wv = openpyxl.load_workbook(path, data_only=True)    # cached values
    names = wb.sheetnames
    t.ok(len(names) == 6, 'six sheets', names)
    t.ok(all(len(n) <= 31 and not set(n) & set('[]:*?/\\') for n in names), 'legal sheet names', names)
    t.ok(names[AECP] == 'AE-CP', 'AE-CP sheet', names)
    if english_labels():
        t.ok(names == SHEETS_EN, 'English sheet names under the C locale', names)

    # --- Credits
    cr, crv = wb.worksheets[CREDITS], wv.worksheets[CREDITS]
    amount_col, scenario_col = credits_columns(cr)
    # year, section, chapter and its label, nature and its label, function
    # and its label, line label, then quantity, price, months (twice in prorata)
    t.ok(amount_col == (16 if prorata else 13), 'Credits: amount column', amount_col)
    t.ok(cr.freeze_panes == 'A2', 'Credits: header row frozen', cr.freeze_panes)
    t.ok(cr.auto_filter.ref is not None and cr.auto_filter.ref.startswith('A1:'),
         'Credits: autofilter', cr.auto_filter.ref)
    t.ok(cr.print_title_rows in ('1:1', '$1:$1'), 'Credits: header row repeated on print',
         cr.print_title_rows)
    t.ok(cr.page_setup.orientation == 'landscape', 'Credits: landscape')
    # fitToWidth defaults to 1 (libxlsxwriter omits it); fitToHeight 0 = as many as needed
    t.ok(cr.sheet_properties.pageSetUpPr.fitToPage and str(cr.page_setup.fitToWidth) in ('None', '1')
         and str(cr.page_setup.fitToHeight) == '0', 'Credits: one page wide',
         (cr.page_setup.fitToWidth, cr.page_setup.fitToHeight))
    t.ok('&P' in (cr.oddFooter.center.text or ''), 'Credits: page numbers in the footer',
         cr.oddFooter.center.text)

    rows = []
    r = 2
    while cr.cell(r, 1).value is not None:
        rows.append(r)
        r += 1
    t.ok(len(rows) == len(exp['lines']), 'Credits: one row per billed line', (len(rows), len(exp['lines'])))
    bad_formula, bad_value, bad_format, bad_price, two_segments = [], [], [], [], 0
    for r, (scenario, year, kind, amount) in zip(rows, exp['lines']):
        f = cr.cell(r, amount_col).value
        v = crv.cell(r, amount_col).value
        if not (isinstance(f, str) and re.fullmatch(r'=ROUND\(\(?[J-O]\d+\*[J-O]\d+\*[J-O]\d+(\+[J-O]\d+\*[J-O]\d+\*[J-O]\d+)?\)?/12,2\)', f)):
            bad_formula.append((r, f))
        if '+' in (f or ''):
            two_segments += 1
        if crv.cell(r, 1).value != year or crv.cell(r, scenario_col).value != scenario or cents(v) != amount:
            bad_value.append((r, crv.cell(r, 1).value, crv.cell(r, scenario_col).value, v, year, scenario, amount))
        # prices: column K, and N for September–December in prorata
        price_cols = [c for c in ((11, 14) if prorata else (11,)) if cr.cell(r, c).value is not None]
        if cr.cell(r, amount_col).number_format != EURO or not price_cols or \
           any(cr.cell(r, c).number_format != EURO for c in price_cols):
            bad_format.append((r, cr.cell(r, amount_col).number_format, price_cols))
        for c in price_cols:
            price = cr.cell(r, c).value
            if not (isinstance(price, str) and re.fullmatch(r'=Rate_(Base|Optional|HalfDay)_(P\d+|S\d+_K\d+)', price)):
                bad_price.append((r, c, price))
    t.ok(not bad_formula, 'Credits: amounts are ROUND(…/12,2) formulas over the row', bad_formula[:5])
    t.ok(not bad_value, 'Credits: cached amounts, years and scenarios are the engine\'s', bad_value[:5])
    t.ok(not bad_format, 'Credits: euro format on prices and amounts', bad_format[:5])
    t.ok(not bad_price, 'Credits: unit prices refer to named tariff cells', bad_price[:5])
    if prorata:
        t.ok(two_segments > 0, 'Credits: a two-segment prorata line is one formula adding both', two_segments)
    qty = (cr.cell(rows[0], 10).value or cr.cell(rows[0], 13).value) if rows else None
    t.ok(isinstance(qty, str) and qty.startswith("='") and '!$' in qty,
         'Credits: pupil quantities refer to the Pupils totals', qty)

    # year totals below the table
    totals_found = 0
    for r in range(rows[-1] + 1 if rows else 2, cr.max_row + 1):
        year = crv.cell(r, 1).value
        scenario = crv.cell(r, scenario_col).value
        if isinstance(year, (int, float)) and (scenario, int(year)) in exp['years']:
            f = cr.cell(r, amount_col).value or ''
            if f.startswith('=ROUND(SUMIFS(') and cents(crv.cell(r, amount_col).value) == exp['years'][(scenario, int(year))][1]:
                totals_found += 1
    t.ok(totals_found == len(exp['years']), 'Credits: a SUMIFS total per scenario and year, engine\'s value',
         (totals_found, len(exp['years'])))

    # --- Assumptions: the named cells
    defined = {}
    for name, dn in (wb.defined_names.items() if hasattr(wb.defined_names, 'items') else
                     ((d.name, d) for d in wb.defined_names.definedName)):
        defined[name] = dn.attr_text
    rate_names = [n for n in defined if n.startswith('Rate_')]
    t.ok('Rate_Base_P1' in defined and 'Rate_HalfDay_P1' in defined and 'Increase_S1' in defined,
         'Assumptions: named tariff and scenario cells', sorted(defined)[:10])
    t.ok(all(ASSUMPTIONS_REF(names) in defined[n] for n in rate_names), 'names point into Assumptions',
         {n: defined[n] for n in rate_names[:4]})
    missing = set()
    for r in rows:
        for c in (11, 14) if prorata else (11,):
            name = (cr.cell(r, c).value or '=')[1:]
            if name and name not in defined:
                missing.add(name)
    t.ok(not missing, 'every unit price name is defined', missing)
    check_raised_rates(t, tool, document, wb, wv, defined)
    print_titles = [n for n in defined if n == '_xlnm.Print_Titles']
    t.ok(print_titles or cr.print_title_rows, 'print titles defined')

    # --- Pupils
    pu, puv = wb.worksheets[PUPILS], wv.worksheets[PUPILS]
    fills = {}
    bad = []
    sums = 0
    for r in range(5, pu.max_row + 1):
        scenario = puv.cell(r, 1).value
        school = puv.cell(r, 2).value
        for c in range(5, pu.max_column + 1):
            header = puv.cell(4, c).value
            if not header or '/' not in str(header):
                continue
            s_year = int(str(header).split('/')[0])
            key = (scenario, school, s_year)
            if key in exp['pupils']:
                count, known = exp['pupils'][key]
                if puv.cell(r, c).value != count:
                    bad.append((r, c, puv.cell(r, c).value, count))
                fills.setdefault(known, set()).add(pu.cell(r, c).fill.fgColor.rgb)
            elif isinstance(pu.cell(r, c).value, str) and pu.cell(r, c).value.startswith('=SUM('):
                sums += 1
    t.ok(not bad, 'Pupils: counts are the engine\'s', bad[:5])
    # SPEC 3, 12: a Source column after the school years says where the counts
    # come from (the Ministry's open data is "DEPP" in both languages)
    last_header = puv.cell(4, pu.max_column).value
    t.ok(last_header == 'Source', 'Pupils: a Source column', last_header)
    doc_text = '' if document == '--example' else open(document, encoding='utf-8').read()
    sources = [puv.cell(r, pu.max_column).value or '' for r in range(5, pu.max_row + 1)]
    t.ok(('open-data' in doc_text) == any('DEPP' in v for v in sources),
         'Pupils: open-data counts said to be the DEPP\'s', sources[:4])
    t.ok(sums > 0, 'Pupils: SUM totals', sums)
    if True in fills and False in fills:
        t.ok(not (fills[True] & fills[False]), 'Pupils: projected counts in a distinct style', fills)

    # --- Summary
    su, suv = wb.worksheets[SUMMARY], wv.worksheets[SUMMARY]
    found = 0
    for r in range(1, su.max_row + 1):
        scenario = suv.cell(r, 1).value
        if scenario in exp['totals']:
            years = [y for (s, y) in exp['years'] if s == scenario]
            values = [suv.cell(r, 2 + i).value for i in range(len(years) + 1)]
            formulas = [su.cell(r, 2 + i).value for i in range(len(years) + 1)]
            want = [exp['years'][(scenario, y)][1] for y in sorted(years)] + [exp['totals'][scenario]]
            if all(isinstance(f, str) and f.startswith('=') for f in formulas) and \
               all(isinstance(v, (int, float)) for v in values) and [cents(v) for v in values] == want:
                found += 1
    t.ok(found == len(exp['totals']), 'Summary: year and contract totals per scenario', (found, len(exp['totals'])))
    with zipfile.ZipFile(path) as z:
        charts = [n for n in z.namelist() if n.startswith('xl/charts/chart')]
        t.ok(len(charts) == 1, 'Summary: one chart', charts)
        chart_xml = z.read(charts[0]).decode() if charts else ''
        t.ok('<c:barDir val="col"/>' in chart_xml and 'clustered' in chart_xml, 'the chart is a clustered column chart')
        t.ok(chart_xml.count('<c:ser>') == len(exp['scenarios']), 'one series per scenario')
        check_c_numbers(t, z)
    check_sensitivity(t, su, suv, exp, document)

    # --- AE-CP
    ae, aev = wb.worksheets[AECP], wv.worksheets[AECP]
    bad = []
    n = 0
    for r in range(2, ae.max_row + 1):
        key = (aev.cell(r, 1).value, aev.cell(r, 2).value)
        if key in exp['years']:
            n += 1
            _, total, cumulated, remaining = exp['years'][key]
            got = [cents(aev.cell(r, c).value) for c in range(3, 7)]
            want = [exp['totals'][key[0]], total, cumulated, remaining]
            if got != want or not all(str(ae.cell(r, c).value).startswith('=') for c in range(3, 7)):
                bad.append((r, got, want))
    t.ok(n == len(exp['years']) and not bad, 'AE-CP: authorisation, credits, cumulated, remaining', bad[:5])

    # --- Allocation
    al, alv = wb.worksheets[ALLOCATION], wv.worksheets[ALLOCATION]
    schools, communes, bad = 0, 0, []
    for r in range(2, al.max_row + 1):
        scenario, year, commune, school = (alv.cell(r, c).value for c in range(1, 5))
        parts = tuple(cents(alv.cell(r, c).value or 0) for c in range(6, 9))
        if (scenario, year, school) in exp['schools']:
            schools += 1
            if parts != exp['schools'][(scenario, year, school)]:
                bad.append((r, parts, exp['schools'][(scenario, year, school)]))
        elif (scenario, year, commune) in exp['communes'] and str(al.cell(r, 6).value).startswith('=SUBTOTAL(9,'):
            communes += 1
            if parts != exp['communes'][(scenario, year, commune)]:
                bad.append((r, parts, exp['communes'][(scenario, year, commune)]))
    t.ok(schools == len(exp['schools']) and communes == len(exp['communes']) and not bad,
         'Allocation: every school and commune part is the engine\'s',
         (schools, len(exp['schools']), communes, len(exp['communes']), bad[:3]))

    # --- Presentation
    date_formats = {c.number_format for row in wb.worksheets[ASSUMPTIONS].iter_rows() for c in row
                    if c.number_format and 'yy' in c.number_format}
    t.ok(date_formats == {'dd/mm/yyyy'}, 'dates as dd/mm/yyyy', date_formats)
    t.ok(wb.properties.creator and wb.properties.title and wb.properties.subject,
         'document properties: title, subject, author', (wb.properties.title, wb.properties.creator))
    t.ok(wb.properties.created is not None and wb.properties.created.year == 2024,
         'document properties: the creation date given', wb.properties.created)
    widths = [cr.column_dimensions[k].width for k in 'ABIP']
    t.ok(all(w and w >= 6 for w in widths) and cr.column_dimensions['I'].width > 30,
         'Credits: column widths fit', widths)

    check_imputation(t, wb, wv, document, exp, rows)


# SPEC 13: the M57 chart's labels of the accounts SPEC 5 and 13 name (the
# chart's own French wording, whatever the UI language).
M57_LABELS = {
    'chapter': {'65': 'Autres charges de gestion courante', '011': 'Charges à caractère général'},
    'nature': {'65548': 'Autres contributions', '6554': 'Contributions aux organismes de regroupement',
               '611': 'Contrats de prestations de services'},
    'function': {'21': 'Enseignement du premier degré', '211': 'Écoles maternelles',
                 '212': 'Écoles primaires', '213': 'Classes regroupées'},
}
IMPUTATION_PARTS = ('chapter', 'nature', 'function')
KINDS = ('base', 'optional', 'specific')


def document_imputation(document):
    """{kind: (chapter, nature, function)} as SPEC 6 reads [Imputation]:
    absent base keys are SPEC 5's defaults, absent optional-/specific- keys
    follow the base line."""
    values = {}
    if document != '--example':
        group = None
        with open(document, encoding='utf-8') as f:
            for line in f:
                line = line.rstrip('\n')
                if line.startswith('['):
                    group = line.strip('[]')
                elif group == 'Imputation' and '=' in line and not line.startswith('#'):
                    key, value = line.split('=', 1)
                    values[key] = value
    base = tuple(values.get(p, d) for p, d in zip(IMPUTATION_PARTS, ('65', '65548', '21')))
    result = {'base': base}
    for kind in KINDS[1:]:
        result[kind] = tuple(values.get(f'{kind}-{p}', b) for p, b in zip(IMPUTATION_PARTS, base))
    return result


def check_imputation(t, wb, wv, document, exp, rows):
    imputation = document_imputation(document)
    crv = wv.worksheets[CREDITS]
    bad = []
    for r, (_, _, kind, _) in zip(rows, exp['lines']):
        for i, part in enumerate(IMPUTATION_PARTS):
            code = imputation[kind][i]
            got_code = crv.cell(r, 3 + 2 * i).value
            got_label = crv.cell(r, 4 + 2 * i).value
            if (got_code or '') != code or got_label != M57_LABELS[part].get(code):
                bad.append((r, kind, part, got_code, got_label))
    t.ok(rows and not bad, 'Credits: each code in its own cell, the M57 label beside it', bad[:5])

    # the imputation table ends the Assumptions sheet: one row per line
    asv = wv.worksheets[ASSUMPTIONS]
    last = asv.max_row
    while last > 1 and asv.cell(last, 1).value is None:
        last -= 1
    bad = []
    for kind, r in zip(KINDS, range(last - 2, last + 1)):
        chapter, nature, function = imputation[kind]
        got = tuple(asv.cell(r, c).value for c in range(3, 10))
        want = (chapter, M57_LABELS['chapter'].get(chapter), nature, M57_LABELS['nature'].get(nature),
                function or None, M57_LABELS['function'].get(function))
        note = got[6] or ''
        # 611 belongs to chapter 011, 6554x to 65 (SPEC 13)
        expected_chapter = '011' if nature.startswith('611') else '65' if nature.startswith('65') else None
        mismatch = expected_chapter is not None and expected_chapter != chapter
        if got[:6] != want or (mismatch != bool(note)) or \
           (mismatch and not (nature in note and expected_chapter in note)):
            bad.append((kind, got, want))
    t.ok(not bad, 'Assumptions: imputation with M57 labels, a nature outside its chapter noted', bad)
    if any(n.startswith('611') and c != '011' for c, n, _ in imputation.values()):
        t.ok(any((asv.cell(r, 9).value or '') for r in range(last - 2, last + 1)),
             'Assumptions: the mismatch note is there')
    heading = ' '.join(str(asv.cell(r, 1).value or '') for r in range(last - 5, last - 2))
    t.ok('M57' in heading and '2025' in heading, 'Assumptions: the year of the M57 chart', heading)


SENSITIVITY_LABELS = ['\u221220%', '\u221210%', '\u22125%', '0%', '+5%', '+10%', '+20%']

# The Hem example (one school, 1 209 pupils known for 2023/2024, constant,
# annual billing, 1,30 € base, 0,30 € optional, 150 € a half-day): each pupil
# count scaled, rounded to a whole pupil, billed for four budget years.
HEM_SENSITIVITY = {
    # Base seule: pupils × 1,30 € × 4 = pupils × 5,20 €
    'Base seule': [
        502840,    # −20 %: 1 209 × 0,8 = 967,2 → 967 × 5,20 = 5 028,40
        565760,    # −10 %: 1 088,1 → 1 088 × 5,20 = 5 657,60
        597480,    # −5 %: 1 148,55 → 1 149 × 5,20 = 5 974,80
        628680,    # 0: 1 209 × 5,20 = 6 286,80 (SPEC 4, worked example)
        659880,    # +5 %: 1 269,45 → 1 269 × 5,20 = 6 598,80
        691600,    # +10 %: 1 329,9 → 1 330 × 5,20 = 6 916,00
        754520,    # +20 %: 1 450,8 → 1 451 × 5,20 = 7 545,20
    ],
}
# Base + accompagnement + 2 demi-journées par an at the ends: pupils × 1,60 € × 4
# plus 8 half-days × 150 € = 1 200 €: 967 × 6,40 + 1 200 = 7 388,80;
# 1 451 × 6,40 + 1 200 = 10 486,40.
HEM_SENSITIVITY_ENDS = {'Base + accompagnement + 2 demi-journées par an': (738880, 1048640)}


def plain_label(value):
    """A header as text without its spaces ("−20 %" under fr_FR has U+202F)."""
    return re.sub(r'[\s\u00a0\u202f]', '', str(value if value is not None else ''))


def check_sensitivity(t, su, suv, exp, document):
    """The Summary's sensitivity table: a header of the seven pupil changes, one
    row per scenario of engine values (not formulas, euro format) whose 0 %
    column is the contract total, a title above and a note below."""
    header = None
    for r in range(1, su.max_row + 1):
        if [plain_label(su.cell(r, c).value) for c in range(2, 9)] == SENSITIVITY_LABELS:
            header = r
            break
    if not t.ok(header is not None, 'Summary: sensitivity table header −20 % … +20 %',
                [[su.cell(r, c).value for c in range(1, 9)] for r in range(1, su.max_row + 1)
                 if su.cell(r, 3).value is not None]):
        return
    first_named = min((r for r in range(1, su.max_row + 1) if suv.cell(r, 1).value in exp['totals']),
                      default=None)
    t.ok(first_named is not None and first_named < header,
         'Summary: the year totals come before the sensitivity table', (first_named, header))

    title = su.cell(header - 1, 1).value
    t.ok(isinstance(title, str) and title.strip() != '' and su.cell(header - 1, 2).value is None,
         'Summary: the sensitivity table has a title row', title)
    if english_labels():
        t.ok(title == 'Sensitivity to pupil numbers', 'Summary: sensitivity title in English', title)

    rows = {}
    bad = []
    for i, scenario in enumerate(exp['scenarios']):
        r = header + 1 + i
        name = suv.cell(r, 1).value
        cells = [su.cell(r, c) for c in range(2, 9)]
        values = [suv.cell(r, c).value for c in range(2, 9)]
        if name != scenario or any(isinstance(c.value, str) for c in cells) or \
           not all(isinstance(v, (int, float)) for v in values) or \
           any(c.number_format != EURO for c in cells):
            bad.append((r, name, scenario, [(c.value, c.number_format) for c in cells]))
            continue
        rows[scenario] = [cents(v) for v in values]
    t.ok(not bad and len(rows) == len(exp['totals']),
         'Summary: one sensitivity row per scenario, euro values (not formulas)', bad[:3])
    t.ok(all(rows[s][3] == exp['totals'][s] for s in rows),
         'Summary: sensitivity at 0 % is each scenario\'s contract total',
         {s: (rows[s][3], exp['totals'][s]) for s in rows})
    t.ok(all(v == sorted(v) for v in rows.values()),
         'Summary: sensitivity totals grow with the pupils', rows)
    t.ok(suv.cell(header + 1 + len(exp['scenarios']), 2).value is None,
         'Summary: nothing after the last scenario row of the sensitivity table')

    note = su.cell(header + 1 + len(exp['scenarios']), 1).value
    t.ok(isinstance(note, str) and len(note) > 40, 'Summary: a note under the sensitivity table', note)
    if english_labels():
        t.ok(note.startswith('Contract totals computed by the engine (values, not formulas)')
             and 'rounded per school' in note, 'Summary: the note says engine values, rounded per school', note)

    if document == '--example':
        want = dict(HEM_SENSITIVITY)
        got = {s: rows.get(s) for s in want}
        t.ok(got == want, 'Summary: Hem sensitivity of "Base seule", hand-computed', (got, want))
        ends = {s: (rows[s][0], rows[s][-1]) if s in rows else None for s in HEM_SENSITIVITY_ENDS}
        t.ok(ends == HEM_SENSITIVITY_ENDS, 'Summary: Hem sensitivity with half-days at −20 % and +20 %',
             (ends, HEM_SENSITIVITY_ENDS))


def engine_rates(tool, document, scenario, day):
    """The engine's (base, optional, half-day) rates in cents on @day, or None."""
    out = run_tool(tool, 'rate', document, str(scenario), day.isoformat()).strip()
    return None if out == 'none' else tuple(cents(x) for x in out.split(';'))


def check_raised_rates(t, tool, document, wb, wv, defined):
    """SPEC 4.4, once: each rate of "Rates raised by the tariff increase"
    (Rate_KIND_Sn_Kk) applies from the day in its row's "From" cell, and on
    that day the engine gives that rate, on the day before the rate of the
    rung below. A period from 29 February (leap-day.entbudget) tells whether
    the workbook and the engine count anniversaries alike."""
    import datetime
    kinds = {'Base': 0, 'Optional': 1, 'HalfDay': 2}
    last_period = max((int(m.group(1)) for n in defined
                       for m in [re.fullmatch(r'Rate_Base_P(\d+)', n)] if m), default=0)

    def cell_of(name):
        m = re.fullmatch(r"'?(.*?)'?!\$([A-Z]+)\$(\d+)", defined[name])
        return m.group(1).replace("''", "'"), m.group(2), int(m.group(3))

    def cached(name):
        sheet, col, row = cell_of(name)
        return cents(wv[sheet][f'{col}{row}'].value)

    raised = sorted((int(m.group(2)), int(m.group(3)), m.group(1), n) for n in defined
                    for m in [re.fullmatch(r'Rate_(Base|Optional|HalfDay)_S(\d+)_K(\d+)', n)] if m)
    if not raised:
        return
    bad = []
    for scenario, k, kind, name in raised:
        sheet, col, row = cell_of(name)
        start = wv[sheet][f'B{row}'].value
        if isinstance(start, datetime.datetime):
            start = start.date()
        if not isinstance(start, datetime.date):
            bad.append((name, 'no date', start))
            continue
        below = f'Rate_{kind}_S{scenario}_K{k - 1}' if k > 1 else f'Rate_{kind}_P{last_period}'
        on_day = engine_rates(tool, document, scenario, start)
        day_before = engine_rates(tool, document, scenario, start - datetime.timedelta(days=1))
        if on_day is None or on_day[kinds[kind]] != cached(name):
            bad.append((name, str(start), 'engine', on_day, 'workbook', cached(name)))
        if day_before is None or day_before[kinds[kind]] != cached(below):
            bad.append((name, str(start - datetime.timedelta(days=1)), 'engine', day_before,
                        'workbook', cached(below)))
    t.ok(not bad, 'Assumptions: each raised rate applies from the day the engine raises it '
         '(SPEC 4.4)', bad[:4])


def ASSUMPTIONS_REF(names):
    return "'" + names[ASSUMPTIONS].replace("'", "''") + "'!"


def check_c_numbers(t, z):
    """Every number in the XML parts is written the C way ("1.3", never "1,3")."""
    comma_numbers = []
    dot_numbers = 0
    for name in z.namelist():
        if not name.endswith('.xml') or name.startswith('xl/sharedStrings'):
            continue
        xml = z.read(name).decode('utf-8')
        comma_numbers += [(name, m) for m in re.findall(r'<(?:c:)?v>-?\d+,\d+(?:E[-+]?\d+)?</(?:c:)?v>', xml)]
        comma_numbers += [(name, m) for m in re.findall(r'\s(?:width|left|right|top|bottom|header|footer|x|y|w|h|ht|val)="-?\d+,\d+"', xml)]
        dot_numbers += len(re.findall(r'<v>-?\d+\.\d+</v>', xml))
    t.ok(not comma_numbers, 'no decimal comma in the XML', comma_numbers[:5])
    t.ok(dot_numbers > 0, 'decimal numbers written with a dot', dot_numbers)
    with z.open('xl/worksheets/sheet4.xml') as f:
        t.ok(b'<v>1.3</v>' in f.read(), 'the 1,30 EUR tariff is written <v>1.3</v>')


# ---------------------------------------------------------------- LibreOffice

REGISTRY = '''<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
'''


def number(field):
    field = field.strip().replace('\u00a0', '').replace('\u202f', '').replace('€', '').replace(' ', '')
    try:
        return cents(field)
    except ArithmeticError:
        return field


def convert_with_libreoffice(t, workdir, books):
    """Recalculates and converts every sheet of @books to CSV; {book: [csv paths]}."""
    soffice = shutil.which('soffice') or shutil.which('libreoffice')
    if not soffice:
        t.skip_all('LibreOffice (soffice) is not installed')
    # a private profile per run, asking for recalculation on load
    profile = tempfile.mkdtemp(prefix='ent-lo-profile-', dir=workdir)
    os.makedirs(os.path.join(profile, 'user'))
    with open(os.path.join(profile, 'user', 'registrymodifications.xcu'), 'w') as f:
        f.write(REGISTRY)
    out = os.path.join(workdir, 'csv')
    os.makedirs(out, exist_ok=True)
    env = dict(os.environ, LC_ALL='C.UTF-8', HOME=profile)
    try:
        proc = subprocess.run(
            [soffice, '-env:UserInstallation=file://' + profile, '--headless', '--norestore',
             '--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1',
             '--outdir', out, *books],
            capture_output=True, text=True, timeout=120, env=env)
    except subprocess.TimeoutExpired:
        t.ok(False, 'LibreOffice converts the workbooks within 120 s')
        return None
    result = {}
    for book in books:
        stem = os.path.splitext(os.path.basename(book))[0]
        result[book] = sorted(glob.glob(os.path.join(out, f'{stem}-*.csv')))
    # soffice exits 0 even when it failed: the outputs are the proof
    if not t.ok(all(len(v) == 6 for v in result.values()),
                'LibreOffice opened the workbooks and wrote six sheets each',
                f'{proc.returncode}\n{proc.stdout}\n{proc.stderr}\n{result}'):
        return None
    return result


def sheet_names(path):
    import xml.etree.ElementTree as ET
    with zipfile.ZipFile(path) as z:
        wbxml = ET.fromstring(z.read('xl/workbook.xml'))
    ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
    return [s.get('name') for s in wbxml.find('m:sheets', ns)]


def read_csv_sheet(workdir, path, index):
    stem = os.path.splitext(os.path.basename(path))[0]
    name = sheet_names(path)[index]
    with open(os.path.join(workdir, 'csv', f'{stem}-{name}.csv'), encoding='utf-8') as f:
        return list(csv.reader(f, delimiter=';'))


def tamper(path, tampered):
    """A copy whose first line amount has a wrong cached value (0.01)."""
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tampered, 'w', zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == 'xl/worksheets/sheet2.xml':
                text = data.decode('utf-8')
                text, n = re.subn(r'(<f>ROUND\([^<]*\)</f><v>)[^<]*(</v>)', r'\g<1>0.01\g<2>', text, count=1)
                assert n == 1
                data = text.encode('utf-8')
            zout.writestr(item, data)


def check_libreoffice(t, tool, document, workdir):
    path = os.path.join(workdir, 'book.xlsx')
    run_tool(tool, 'export', document, path)
    exp = expected_figures(tool, document)
    tampered = os.path.join(workdir, 'tampered.xlsx')
    tamper(path, tampered)
    if convert_with_libreoffice(t, workdir, [path, tampered]) is None:
        return

    # the control: a wrong cached value is recalculated, so the figures below
    # come from LibreOffice's formulas, not from the cached values
    first = read_csv_sheet(workdir, tampered, CREDITS)[1]
    t.ok(number(first[len(first) - 2]) == exp['lines'][0][3],
         'LibreOffice recalculates (a wrong cached value is corrected)', (first, exp['lines'][0]))

    def sheet(i):
        return read_csv_sheet(workdir, path, i)

    # Credits: each recalculated line amount and the year and contract totals
    cr = sheet(CREDITS)
    header = cr[0]
    amount_col = len(header) - 2
    scenario_col = len(header) - 1
    lines = [row for row in cr[1:1 + len(exp['lines'])]]
    got = [(row[scenario_col], int(row[0]), number(row[amount_col])) for row in lines]
    want = [(s, y, a) for (s, y, _, a) in exp['lines']]
    t.ok(got == want, 'LibreOffice: every line amount recalculated to the engine\'s cent',
         '\n'.join(f'{g} != {w}' for g, w in zip(got, want) if g != w)[:2000])
    year_totals = {}
    contract_totals = {}
    for row in cr[1 + len(exp['lines']):]:
        if len(row) > scenario_col and row[scenario_col] and row[amount_col]:
            if row[0]:
                year_totals[(row[scenario_col], int(row[0]))] = number(row[amount_col])
            else:
                contract_totals[row[scenario_col]] = number(row[amount_col])
    t.ok(year_totals == {k: v[1] for k, v in exp['years'].items()}, 'LibreOffice: year totals',
         (year_totals, exp['years']))
    t.ok(contract_totals == exp['totals'], 'LibreOffice: contract totals', (contract_totals, exp['totals']))

    # Summary table
    summary = {}
    for row in sheet(SUMMARY):   # the first table naming the scenarios: the totals
        if row and row[0] in exp['totals'] and row[0] not in summary:
            summary[row[0]] = row[1:]
    bad = []
    for scenario, total in exp['totals'].items():
        years = sorted(y for (s, y) in exp['years'] if s == scenario)
        want = [exp['years'][(scenario, y)][1] for y in years] + [total]
        row = summary.get(scenario, [])
        got = [number(x) for x in row[:len(want)]] if len(row) >= len(want) else row
        if got != want:
            bad.append((scenario, got, want))
    t.ok(not bad and len(summary) == len(exp['totals']), 'LibreOffice: Summary totals', bad)

    # AE-CP
    bad = []
    n = 0
    for row in sheet(AECP)[1:]:
        if len(row) >= 6 and row[0] and (row[0], int(row[1])) in exp['years']:
            n += 1
            _, total, cumulated, remaining = exp['years'][(row[0], int(row[1]))]
            got = [number(x) for x in row[2:6]]
            if got != [exp['totals'][row[0]], total, cumulated, remaining]:
                bad.append((row, total, cumulated, remaining))
    t.ok(n == len(exp['years']) and not bad, 'LibreOffice: AE-CP', bad[:3])

    # Allocation: school parts, their row totals and the commune subtotals
    bad = []
    seen_schools = seen_communes = 0
    for row in sheet(ALLOCATION)[1:]:
        if len(row) < 9 or not row[1]:
            continue
        key_school = (row[0], int(row[1]), row[3])
        key_commune = (row[0], int(row[1]), row[2])
        parts = tuple(number(x) for x in row[5:8])
        if key_school in exp['schools']:
            seen_schools += 1
            if parts != exp['schools'][key_school] or number(row[8]) != sum(parts):
                bad.append(row)
        elif key_commune in exp['communes']:
            seen_communes += 1
            if parts != exp['communes'][key_commune] or number(row[8]) != sum(parts):
                bad.append(row)
    t.ok(not bad and seen_schools == len(exp['schools']) and seen_communes == len(exp['communes']),
         'LibreOffice: allocation per school and per commune', bad[:3])

    # Pupils: the projected counts (formulas) recalculated
    pu = sheet(PUPILS)
    header = pu[3]
    bad = []
    for row in pu[4:]:
        for c in range(4, len(header)):
            if len(row) > c and '/' in header[c]:
                key = (row[0], row[1], int(header[c].split('/')[0]))
                if key in exp['pupils'] and number(row[c]) != exp['pupils'][key][0] * 100:
                    bad.append((key, row[c], exp['pupils'][key]))
    t.ok(not bad, 'LibreOffice: projected pupil counts', bad[:5])


def check_cli(t, program, document, workdir):
    """ent-budget --export=OUT.xlsx, recalculated by LibreOffice, equals
    ent-budget --summary --csv to the cent (the issue's definition of done)."""
    path = os.path.join(workdir, 'cli.xlsx')
    doc_args = [] if document == '--example' else [document]
    env = dict(os.environ, GSETTINGS_BACKEND='memory')
    proc = subprocess.run([program, '--export=' + path, *doc_args], capture_output=True, text=True, env=env)
    if not t.ok(proc.returncode == 0 and os.path.exists(path), 'ent-budget --export writes the workbook',
                proc.stderr):
        return
    proc = subprocess.run([program, '--summary', '--csv', *doc_args], capture_output=True, text=True,
                          env=env, check=True)
    rows = list(csv.reader(proc.stdout.splitlines(), delimiter=';'))
    t.ok(rows and rows[0] == ['scenario', 'year', 'pupils', 'base', 'optional', 'specific', 'total'],
         'ent-budget --summary --csv header', rows[:1])
    years = {(r[0], int(r[1])): [number(x) for x in r[3:7]] for r in rows[1:] if r[1] != 'total'}
    totals = {r[0]: number(r[6]) for r in rows[1:] if r[1] == 'total'}

    if convert_with_libreoffice(t, workdir, [path]) is None:
        return
    credits = read_csv_sheet(workdir, path, CREDITS)
    amount_col, scenario_col = len(credits[0]) - 2, len(credits[0]) - 1
    lines, year_totals, contract_totals = {}, {}, {}
    in_table = True
    for row in credits[1:]:
        if not any(row):
            in_table = False
            continue
        key = (row[scenario_col], int(row[0])) if row[0] else None
        if in_table:
            lines.setdefault(key, []).append(number(row[amount_col]))
        elif key is not None:
            year_totals[key] = number(row[amount_col])
        else:
            contract_totals[row[scenario_col]] = number(row[amount_col])
    bad = []
    for key, (base, optional, specific, total) in years.items():
        want_lines = sorted(x for x in (base, optional, specific) if x != 0)
        if sorted(lines.get(key, [])) != want_lines or year_totals.get(key) != total:
            bad.append((key, lines.get(key), year_totals.get(key), (base, optional, specific, total)))
    t.ok(not bad and len(year_totals) == len(years), 'recalculated lines and year totals equal the CLI\'s CSV', bad[:5])
    t.ok(contract_totals == totals, 'recalculated contract totals equal the CLI\'s CSV', (contract_totals, totals))


# ------------------------------------------------------------------- names

# SPEC 10.5: no fixed-size buffer cuts a name, a label or a formula. Over
# 2 000 bytes with accents, so that a cut can fall inside a character (the
# old 512-byte formula buffer cut it inside the "é" at byte 10 of its twelve-byte
# period: "Le " puts it there), and over Excel's 255 characters of a formula
# string.
LONG_NAME = 'Le ' + ('Scénario é' * 200)[:1990] + ' fin'
# Control characters (a tab is legal XML and stays), DEL and C1 (legal XML
# 1.0), the non-characters U+FFFE and U+FFFF, bytes that are not UTF-8 (a lone
# 0xFF, an encoded surrogate), quotes and SUMIFS wildcards, and the text of
# Excel's own "_xHHHH_" escape.
HOSTILE_NAME = (b'Ctl\x01\x02\x1b[2J\x07\x0b\x0c\r\x1f tab\there \x7f\xc2\x85\xc2\x9b '
                b'\xef\xbf\xbe\xef\xbf\xbf bad\xff \xed\xa0\x80 "quoted" *?~ _x0041_ & <b> fin')
# A tab and a line break: legal XML, but LibreOffice's SUMIFS matches no
# multi-line cell holding a tab, so the totals are sums of rows.
MULTILINE_NAME = b'Deux\tlignes\net une tabulation'


def xml_safe(raw):
    """What the export must make of @raw (bytes): UTF-8, each byte that is
    not UTF-8 as U+FFFD, and U+FFFD for each character XML 1.0 forbids (C0
    but tab and newline; CR, which a parser would read back as a newline;
    U+FFFE, U+FFFF)."""
    text = raw.decode('utf-8', 'replace')
    return ''.join('\ufffd' if (ord(c) < 0x20 and c not in '\t\n') or c in '\ufffe\uffff' else c
                   for c in text)


def excel_text(value):
    """A cell's text as Excel reads it: ECMA-376 ST_Xstring decodes "_xHHHH_"
    (openpyxl 3.0 does not)."""
    if not isinstance(value, str):
        return value
    return re.sub(r'_x([0-9A-Fa-f]{4})_', lambda m: chr(int(m.group(1), 16)), value)


def formula_literals(formula):
    """The string literals of a formula, unquoted; None when its quotes or
    parentheses do not balance (a formula cut short)."""
    literals, depth, i = [], 0, 0
    while i < len(formula):
        c = formula[i]
        if c == '"':
            j = i + 1
            text = ''
            while True:
                if j >= len(formula):
                    return None
                if formula[j] == '"':
                    if j + 1 < len(formula) and formula[j + 1] == '"':
                        text += '"'
                        j += 2
                        continue
                    break
                text += formula[j]
                j += 1
            literals.append(text)
            i = j + 1
            continue
        if c == "'":   # a quoted sheet name
            j = formula.find("'", i + 1)
            while j != -1 and formula[j + 1:j + 2] == "'":
                j = formula.find("'", j + 2)
            if j == -1:
                return None
            i = j + 1
            continue
        depth += {'(': 1, ')': -1}.get(c, 0)
        if depth < 0:
            return None
        i += 1
    return literals if depth == 0 else None


def check_named_workbook(t, label, path, name):
    import openpyxl
    import xml.etree.ElementTree as ET

    with zipfile.ZipFile(path) as z:
        bad = []
        for part in z.namelist():
            if not part.endswith(('.xml', '.rels')):
                continue
            data = z.read(part)
            try:
                data.decode('utf-8', 'strict')
                ET.fromstring(data)
            except (UnicodeDecodeError, ET.ParseError) as e:
                bad.append(f'{part}: {e}')
        t.ok(not bad, f'{label}: every part is UTF-8 and well-formed XML', bad[:5])
        core = z.read('docProps/core.xml').decode('utf-8', 'replace')
    if bad:
        return

    try:
        wb = openpyxl.load_workbook(path)
        wv = openpyxl.load_workbook(path, data_only=True)
    except Exception as e:   # noqa: BLE001 — any failure to open is the finding
        t.ok(False, f'{label}: openpyxl opens the workbook', repr(e))
        return
    t.ok(True, f'{label}: openpyxl opens the workbook')
    t.ok(wb.properties.title == name and wb.properties.creator == name,
         f'{label}: document title and author whole', (wb.properties.title, core[:300]))

    # the name, whole, in the scenario column of every sheet that lists scenarios
    sheets_with_name = []
    for ws in wv.worksheets:
        if any(excel_text(c.value) == name for row in ws.iter_rows() for c in row):
            sheets_with_name.append(ws.title)
    t.ok(len(sheets_with_name) == 6, f'{label}: the name whole on every sheet', sheets_with_name)
    cut = [(ws.title, c.coordinate) for ws in wv.worksheets for row in ws.iter_rows() for c in row
           if isinstance(c.value, str) and excel_text(c.value) != name and len(c.value) > 40
           and name.startswith(excel_text(c.value)[:-1])]
    t.ok(not cut, f'{label}: no cell holds a cut name', cut[:5])

    # every formula whole: balanced, and a literal quoting the name quotes all of it
    broken, quoting = [], 0
    criterion = '=' + re.sub(r'([*?~])', r'~\1', name)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                f = c.value
                if not (isinstance(f, str) and f.startswith('=')):
                    continue
                literals = formula_literals(f)
                if literals is None:
                    broken.append((ws.title, c.coordinate, f[:120]))
                    continue
                for lit in literals:
                    if lit.startswith('=' + name[:3]):
                        quoting += 1
                        if lit != criterion:
                            broken.append((ws.title, c.coordinate, lit[:120]))
    t.ok(not broken, f'{label}: every formula whole (quotes, parentheses, the name)', broken[:5])

    # the year totals of the renamed scenario: SUMIFS on the name when Excel
    # takes it as a criterion (255 characters), else the SUM of its rows
    cr, crv = wb.worksheets[CREDITS], wv.worksheets[CREDITS]
    amount_col, scenario_col = credits_columns(cr)
    # (line amounts are ROUND(G2*H2*I2/12,2), totals ROUND(SUM… or ROUND(SUMIFS…)
    totals = [(r, str(cr.cell(r, amount_col).value)) for r in range(2, cr.max_row + 1)
              if isinstance(crv.cell(r, 1).value, (int, float))
              and excel_text(crv.cell(r, scenario_col).value) == name
              and str(cr.cell(r, amount_col).value).startswith('=ROUND(SUM')]
    if len(criterion) > 255 or ('\t' in name and '\n' in name):
        t.ok(totals and all(f.startswith('=ROUND(SUM(') for _, f in totals),
             f'{label}: a name SUMIFS cannot match (too long, tab and line break) is summed by rows',
             totals[:3])
    else:
        t.ok(totals and all(f.startswith('=ROUND(SUMIFS(') for _, f in totals) and quoting == len(totals),
             f'{label}: SUMIFS quotes the whole name, as the cells hold it', (quoting, totals[:3]))


def check_names(t, tool, document, workdir):
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        t.skip_all('python3-openpyxl is not installed')
    exp = expected_figures(tool, document)   # names do not change amounts
    books = []
    for label, raw in (('2 000-byte name', LONG_NAME.encode('utf-8')), ('hostile name', HOSTILE_NAME),
                       ('multi-line name', MULTILINE_NAME)):
        path = os.path.join(workdir, f'{len(books)}.xlsx')
        proc = subprocess.run([os.fsencode(tool), b'export', os.fsencode(document), os.fsencode(path),
                               b'--rename=' + raw], capture_output=True)
        if not t.ok(proc.returncode == 0 and os.path.exists(path), f'{label}: the export succeeds',
                    proc.stderr.decode('utf-8', 'replace')):
            continue
        check_named_workbook(t, label, path, xml_safe(raw))
        books.append((label, path))

    if not books or not (shutil.which('soffice') or shutil.which('libreoffice')):
        return
    if convert_with_libreoffice(t, workdir, [p for _, p in books]) is None:
        return
    # the engine's year and contract totals, in the Credits sheet's order
    want = []
    for scenario in exp['scenarios']:
        want += [exp['years'][k][1] for k in sorted(k for k in exp['years'] if k[0] == scenario)]
        want.append(exp['totals'][scenario])
    for label, path in books:
        rows = read_csv_sheet(workdir, path, CREDITS)
        amount_col = len(rows[0]) - 2
        got, in_table = [], True
        for row in rows[1:]:
            if not any(row):
                in_table = False
                continue
            if not in_table and len(row) > amount_col and row[amount_col]:
                got.append(number(row[amount_col]))
        t.ok(got == want, f'{label}: LibreOffice recalculates every year and contract total', (got, want))


def main():
    if len(sys.argv) != 5:
        print(__doc__ if __doc__ else 'usage: check-workbook.py structure|libreoffice TOOL DOCUMENT WORKDIR',
              file=sys.stderr)
        sys.exit(2)
    mode, tool, document, workdir = sys.argv[1:]
    t = Tap()
    os.makedirs(workdir, exist_ok=True)
    work = tempfile.mkdtemp(prefix=f'{mode}-', dir=workdir)
    try:
        if mode == 'structure':
            try:
                import openpyxl  # noqa: F401
            except ImportError:
                t.skip_all('python3-openpyxl is not installed')
            check_structure(t, tool, document, work)
        elif mode in ('libreoffice', 'cli') and not (shutil.which('soffice') or shutil.which('libreoffice')):
            t.skip_all('LibreOffice (soffice) is not installed')
        elif mode == 'libreoffice':
            check_libreoffice(t, tool, document, work)
        elif mode == 'cli':
            check_cli(t, tool, document, work)
        elif mode == 'names':
            check_names(t, tool, document, work)
        else:
            sys.exit(2)
    finally:
        if not t.failed:
            shutil.rmtree(work, ignore_errors=True)
    t.done()


if __name__ == '__main__':
    main()
