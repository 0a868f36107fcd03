#!/usr/bin/env python3
"""Writes the hand-made bad samples (csv and the odd binaries) of data-samples/bad.

Run from anywhere: python3 data-samples/bad/make/make_samples.py. The xlsx samples come from
MakeXlsxSamples.java (fastexcel). Each file demonstrates one reason; see ../README.md.
"""
import os

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), ".."))
LANDING = os.path.join(ROOT, "landing")
MA5 = os.path.join(LANDING, "year=2025", "subject=ma", "grade=5")
RU5 = os.path.join(LANDING, "year=2025", "subject=ru", "grade=5")
MA9 = os.path.join(LANDING, "year=2025", "subject=ma", "grade=9")

MA_TASKS = [("1", 1), ("2", 1), ("3", 2), ("4", 2), ("5.1", 1), ("5.2", 1), ("6", 2), ("7", 2), ("8", 2), ("9", 2), ("10", 4)]
MA_HEADER = (["Код участника", "Пол", "Вариант"] + [f"{t} ({m}б)" for t, m in MA_TASKS]
             + ["Наименование класса", "Отметка за предыдущее полугодие", "Учебник"])
RU_TASKS = [("1К1", 4), ("1К2", 3), ("1К3", 2), ("2", 2), ("3", 2), ("4", 3), ("5", 2), ("6", 2)]
RU_HEADER = (["Код участника", "Пол", "Вариант"] + [f"{t} ({m}б)" for t, m in RU_TASKS]
             + ["Наименование класса", "Отметка за предыдущее полугодие"])


def ma(code, sex, variant, scores, cls, mark="", textbook=""):
    assert len(scores) == len(MA_TASKS)
    return [code, sex, variant] + scores + [cls, mark, textbook]


# Good maths rows reused around each bad row, so every bad-row file also has accepted rows.
GOOD_MA = [
    ma("10001", "М", "1", ["1", "1", "2", "1", "1", "0", "2", "1", "0", "X", "1"], "5А", "4", "Дорофеев Г.В."),
    ma("10002", "Ж", "2", ["1", "0", "1", "2", "1", "1", "1", "2", "1", "1", "2"], "5А", "5", "Дорофеев Г.В."),
    ma("10003", "М", "1", ["0", "1", "1", "0", "X", "X", "0", "1", "0", "0", "0"], "5Б", "3", "Виленкин Н.Я."),
]


def write(folder, name, rows, sep=";", encoding="utf-8"):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "w", encoding=encoding, newline="") as f:
        for row in rows:
            f.write(sep.join(quote(c, sep) for c in row) + "\r\n")


def quote(cell, sep):
    if sep in cell or '"' in cell or "\n" in cell:
        return '"' + cell.replace('"', '""') + '"'
    return cell


def ma_form(name, *bad_rows, header=MA_HEADER, folder=MA5):
    write(folder, name, [header] + GOOD_MA + list(bad_rows))


def main():
    # Good files (plus the xlsx from MakeXlsxSamples.java).
    write(MA5, "edu100001.csv", [MA_HEADER] + GOOD_MA + [
        [],
        ma("10004", "Ж", "2", ["1", "1", "2", "2", "1", "1", "2", "2", "2", "2", "4"], "5 б", "5"),
        ma("10005", "М", "отсутствовал", [""] * 11, "5-б", "3"),
        ma("10006", "М", "1", ["X"] * 11, "5а", "нет отметки"),
    ])
    # Windows-1251, tab-separated, as Excel's "Текст (разделители — табуляция)" saves it.
    write(MA5, "edu100003.csv", [MA_HEADER] + GOOD_MA, sep="\t", encoding="cp1251")

    # File-level reasons.
    os.makedirs(MA5, exist_ok=True)
    with open(os.path.join(MA5, "edu100004.xls"), "wb") as f:  # old binary Excel: OLE2 signature
        f.write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504))
    with open(os.path.join(MA5, "edu100005.xlsx"), "wb") as f:  # not a zip at all
        f.write("Это не книга Excel, а текст, сохранённый с расширением .xlsx\n".encode("utf-8"))
    open(os.path.join(MA5, "edu100006.csv"), "wb").close()  # zero bytes
    write(MA5, "edu100007.csv", [MA_HEADER, [""] * len(MA_HEADER)])  # header, no data rows
    pd_header = MA_HEADER[:1] + ["ФИО участника"] + MA_HEADER[1:]
    write(MA5, "edu100008.csv", [pd_header] + [r[:1] + ["Иванов Иван Иванович"] + r[1:] for r in GOOD_MA])
    no_variant = [h for h in MA_HEADER if h != "Вариант"]
    write(MA5, "edu100009.csv", [no_variant] + [r[:2] + r[3:] for r in GOOD_MA])
    old_form = [h if h != "10 (4б)" else "11 (4б)" for h in MA_HEADER]  # a form of another year
    write(MA5, "edu100010.csv", [old_form] + GOOD_MA)
    write(MA5, "edu999999.csv", [MA_HEADER] + GOOD_MA)  # no such school in schools.csv
    write(MA9, "edu100025.csv", [MA_HEADER] + [r[:14] + ["9А"] + r[15:] for r in GOOD_MA])  # no spec
    write(os.path.join(LANDING, "year=2025", "subject=ma"), "edu100026.csv", [MA_HEADER] + GOOD_MA)  # no grade=

    # Row-level reasons: three good rows and one or two bad ones.
    ma_form("edu100011.csv", ma("123", "М", "1", ["1"] * 11, "5А"))
    ma_form("edu100012.csv", ma("10002", "М", "1", ["1"] * 11, "5Б"))  # 10002 is already a good row
    ma_form("edu100013.csv", ma("10004", "М", "0", ["1"] * 11, "5А"), ma("10005", "Ж", "второй", ["1"] * 11, "5А"))
    ma_form("edu100014.csv", ma("10004", "М", "1", ["1", "1", "1,5", "1", "1", "1", "1", "1", "1", "1", "1"], "5А"))
    ma_form("edu100015.csv", ma("10004", "М", "1", ["1", "1", "1", "-1", "1", "1", "1", "1", "1", "1", "1"], "5А"))
    ma_form("edu100016.csv", ma("10004", "М", "1", ["1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "5"], "5А"))
    ma_form("edu100017.csv", ma("10004", "М", "1", ["1", "1", "1", "1", "", "1", "1", "1", "1", "1", "1"], "5А"))
    ma_form("edu100018.csv", ma("10004", "М", "1", ["1"] * 11, "пятый А"))
    ma_form("edu100019.csv", ma("10004", "М", "1", ["1"] * 11, "6А"))

    # Warnings: the row is kept.
    ma_form("edu100020.csv", ma("10004", "М", "1", ["1"] * 11, "5А", "отлично"))
    ma_form("edu100021.csv", ma("10004", "Ж", "Отсутствовал", ["1"] * 11, "5А", "4"))
    # FIS OKO's own total and a form's own mark are compared with ours, never trusted (contract §1.4).
    totals = [10, 13, 3]  # the good rows' sums; the bad row sums to 11 but says 12
    write(MA5, "edu100027.csv", [MA_HEADER + ["Итого баллов"]] + [r + [str(t)] for r, t in zip(GOOD_MA, totals)]
          + [ma("10004", "М", "1", ["1"] * 11, "5А") + ["12"]])
    marks = ["3", "4", "2"]  # the good rows' marks (3 from 7, 4 from 11, 5 from 15 points)
    write(MA5, "edu100028.csv", [MA_HEADER + ["Отметка"]] + [r + [m] for r, m in zip(GOOD_MA, marks)]
          + [ma("10004", "М", "1", ["1"] * 11, "5А") + ["5"]])

    # Russian: a good comma-separated form (quoted textbook with commas) and a regional export.
    ru_rows = [
        ["20001", "Ж", "1", "4", "3", "2", "2", "1", "3", "2", "1", "5А", "5"],
        ["20002", "М", "2", "2", "1", "1", "X", "0", "1", "1", "0", "5А", "3"],
        ["20003", "М", "1", "3", "2", "2", "1", "2", "2", "X", "2", "5Б", "4"],
    ]
    write(RU5, "edu100022.csv",
          [RU_HEADER + ["Учебник"]] + [r + ["Ладыженская Т.А., Баранов М.Т., Тростенцова Л.А."] for r in ru_rows], sep=",")
    write(RU5, "regional_export_unknown_login.csv", [["Логин ОО"] + RU_HEADER] + [
        ["edu100023"] + ru_rows[0],
        ["edu100023"] + ru_rows[1],
        ["edu100024"] + ru_rows[0],  # same code in another school is another pupil
        ["edu777777"] + ru_rows[2],  # no such school
        [""] + ru_rows[2][:1] + ["Ж"] + ru_rows[2][2:],  # login left blank
    ])


if __name__ == "__main__":
    main()
