#!/usr/bin/python3
# check-execution.py: the AE-CP sheet's columns following the contract
# (SPEC 13), recalculated by LibreOffice, against figures derived by hand.
#
#   check-execution.py TOOL DOCUMENT WORKDIR
#
# DOCUMENT is tests/export/execution.entbudget: the Hem example (1 209
# pupils; "Base seule" plans 1 209 x 1,30 = 1 571,70 a year) with:
#   2024 voted 1 571,70 paid 1 571,70 -> left 0,00, estimate 1 571,70, DM 0
#   2025 voted 1 451,70 paid   600,00 -> left 851,70, estimate 1 571,70, DM 120,00
#   2026 voted 1 600,00 (no payment)  -> left 1 600,00, estimate 1 571,70, DM 0
#   2027 voted 1 900,00 paid 2 000,00 -> left -100,00, estimate 2 000,00, DM 100,00
#   AE revised to 6 000,00 (the AE in force on every row)
# estimate = max(planned, paid), DM = max(0, estimate - voted)
# (ent-budget-query.h). Reuses check-workbook.py's LibreOffice helpers.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import importlib.util
import os
import shutil
import sys
import tempfile

spec = importlib.util.spec_from_file_location(
    'check_workbook', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'check-workbook.py'))
cw = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cw)

# (scenario, year): voted, paid, left, estimate, DM, AE in force; None: blank
EXPECTED = {
    ('Base seule', 2024): (157170, 157170, 0, 157170, 0, 600000),
    ('Base seule', 2025): (145170, 60000, 85170, 157170, 12000, 600000),
    ('Base seule', 2026): (160000, None, 160000, 157170, 0, 600000),
    ('Base seule', 2027): (190000, 200000, -10000, 200000, 10000, 600000),
    # with the optional support, 1 209 x 1,60 = 1 934,40 a year
    ('Base + accompagnement forfaitaire', 2025): (145170, 60000, 85170, 193440, 48270, 600000),
    ('Base + accompagnement forfaitaire', 2026): (160000, None, 160000, 193440, 33440, 600000),
    ('Base + accompagnement forfaitaire', 2027): (190000, 200000, -10000, 200000, 10000, 600000),
}
FIRST = 6   # column G: voted
FORMULA_COLS = (8, 9, 10)   # left, estimate, DM: formulas (0-based in the CSV: I, J, K)


def blank_or_cents(field):
    return None if field.strip() == '' else cw.number(field)


def main():
    if len(sys.argv) != 4:
        print('usage: check-execution.py TOOL DOCUMENT WORKDIR', file=sys.stderr)
        sys.exit(2)
    tool, document, workdir = sys.argv[1:]
    t = cw.Tap()
    os.makedirs(workdir, exist_ok=True)
    work = tempfile.mkdtemp(prefix='execution-', dir=workdir)
    try:
        path = os.path.join(work, 'book.xlsx')
        cw.run_tool(tool, 'export', document, path)

        try:
            import openpyxl
        except ImportError:
            openpyxl = None
        if openpyxl is not None:
            wb = openpyxl.load_workbook(path)
            wv = openpyxl.load_workbook(path, data_only=True)
            ae, aev = wb.worksheets[cw.AECP], wv.worksheets[cw.AECP]
            bad = []
            for r in range(2, ae.max_row + 1):
                key = (aev.cell(r, 1).value, aev.cell(r, 2).value)
                if key not in EXPECTED:
                    continue
                want = EXPECTED[key]
                got = tuple(None if aev.cell(r, c).value is None else cw.cents(aev.cell(r, c).value)
                            for c in range(FIRST + 1, FIRST + 7))
                formulas = all(str(ae.cell(r, c + 1).value).startswith('=') for c in FORMULA_COLS)
                entered = all(not str(ae.cell(r, c).value).startswith('=') for c in (FIRST + 1, FIRST + 2))
                if got != want or not formulas or not entered:
                    bad.append((key, got, want, formulas, entered))
            t.ok(not bad, 'AE-CP: entered values as numbers, left/estimate/DM as formulas, cached values',
                 bad)

        if cw.convert_with_libreoffice(t, work, [path]) is None:
            t.done()
        rows = cw.read_csv_sheet(work, path, cw.AECP)
        seen = set()
        bad = []
        for row in rows[1:]:
            if len(row) < FIRST + 6 or not row[0] or not row[1]:
                continue
            key = (row[0], int(row[1]))
            if key not in EXPECTED:
                continue
            seen.add(key)
            got = tuple(blank_or_cents(x) for x in row[FIRST:FIRST + 6])
            if got != EXPECTED[key]:
                bad.append((key, got, EXPECTED[key]))
        t.ok(seen == set(EXPECTED) and not bad,
             'LibreOffice: voted, paid, left to pay, estimate, DM, AE in force to the cent',
             (sorted(set(EXPECTED) - seen), bad))
    finally:
        if not t.failed:
            shutil.rmtree(work, ignore_errors=True)
    t.done()


if __name__ == '__main__':
    main()
