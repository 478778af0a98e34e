#!/usr/bin/python3
# xlsxwriter-bench.py CELLS.tsv OUT.xlsx [--constant-memory]: writes the cells recorded by
# bench-xlsx through Python XlsxWriter and prints the seconds it took
# (reading the cells is not timed).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import sys
import time

import xlsxwriter

# Same ids as EntXlsxFormat (app/export/ent-xlsx-writer.h)
NUM_FORMATS = {6: '0', 7: '0', 8: '#,##0', 9: '#,##0', 10: '#,##0', 11: '#,##0',
               12: '#,##0.00 "€"', 13: '#,##0.00 "€"', 14: '#,##0.00 "€"',
               15: 'dd/mm/yyyy', 16: 'dd/mm/yyyy hh:mm', 17: '0.00%'}
N_FORMATS = 23


def unescape(text):
    return text.replace('\\t', '\t').replace('\\n', '\n').replace('\\\\', '\\')


def main():
    cells_path, out_path = sys.argv[1:3]
    sheets, cells = [], []
    with open(cells_path, encoding='utf-8') as f:
        for line in f:
            fields = line.rstrip('\n').split('\t')
            if fields[0] == 'S':
                sheets.append(fields[1])
            else:
                _, sheet, row, col, kind, fmt, number, text = fields
                cells.append((int(sheet), int(row), int(col), int(kind), int(fmt), float(number),
                              unescape(text)))

    start = time.perf_counter()
    workbook = xlsxwriter.Workbook(out_path, {'constant_memory': '--constant-memory' in sys.argv[3:]})
    formats = [None] + [workbook.add_format({'num_format': NUM_FORMATS[i]} if i in NUM_FORMATS else {})
                        for i in range(1, N_FORMATS)]
    worksheets = [workbook.add_worksheet(name) for name in sheets]
    for sheet, row, col, kind, fmt, number, text in cells:
        ws = worksheets[sheet]
        if kind == 0:
            ws.write_string(row, col, text, formats[fmt])
        elif kind == 1:
            ws.write_number(row, col, number, formats[fmt])
        else:
            ws.write_formula(row, col, text, formats[fmt], number)
    workbook.close()
    print(f'{time.perf_counter() - start:.6f}')


if __name__ == '__main__':
    main()
