#!/usr/bin/python3
"""The headless command line (SPEC 7): exact CSV, summary, exit statuses.

Usage: test-cli.py ENT_BUDGET SOURCE_DIR LOCALE_DIR
Prints TAP. Expected figures are the SPEC's worked examples and hand
derivations, never the program's own output.
"""
import os
import re
import subprocess
import sys
import tempfile

from cli_common import check, finish, make_runner

exe, srcdir, localedir = sys.argv[1:4]


run = make_runner(exe, localedir, timeout=60)


# SPEC 4 worked examples: 1 209 pupils, 1,30 / 0,30 / 150 €, annual.
HEM_CSV = """scenario;year;pupils;base;optional;specific;total
Base seule;2024;1209;1571.70;0.00;0.00;1571.70
Base seule;2025;1209;1571.70;0.00;0.00;1571.70
Base seule;2026;1209;1571.70;0.00;0.00;1571.70
Base seule;2027;1209;1571.70;0.00;0.00;1571.70
Base + accompagnement forfaitaire;2024;1209;1571.70;362.70;0.00;1934.40
Base + accompagnement forfaitaire;2025;1209;1571.70;362.70;0.00;1934.40
Base + accompagnement forfaitaire;2026;1209;1571.70;362.70;0.00;1934.40
Base + accompagnement forfaitaire;2027;1209;1571.70;362.70;0.00;1934.40
Base + accompagnement + 2 demi-journées par an;2024;1209;1571.70;362.70;300.00;2234.40
Base + accompagnement + 2 demi-journées par an;2025;1209;1571.70;362.70;300.00;2234.40
Base + accompagnement + 2 demi-journées par an;2026;1209;1571.70;362.70;300.00;2234.40
Base + accompagnement + 2 demi-journées par an;2027;1209;1571.70;362.70;300.00;2234.40
Base seule;total;;6286.80;0.00;0.00;6286.80
Base + accompagnement forfaitaire;total;;6286.80;1450.80;0.00;7737.60
Base + accompagnement + 2 demi-journées par an;total;;6286.80;1450.80;1200.00;8937.60
"""

r = run("--summary", "--csv")
check("example csv exit 0", r.returncode == 0, r.stderr)
check("example csv exact", r.stdout == HEM_CSV, r.stdout)

# The same under a French locale: the CSV does not follow the locale.
r = run("--summary", "--csv", env_extra={"LC_ALL": "fr_FR.UTF-8", "LANGUAGE": "fr"})
check("example csv locale-independent", r.stdout == HEM_CSV, r.stdout)

# Prorata, projection -2 %, tariff increase 2 % (derivation in test-budget.c);
# the scenario's name holds the separator and is quoted.
PRORATA_CSV = """scenario;year;pupils;base;optional;specific;total
"Baisse; hausse";2024;1209;1573.15;0.00;0.00;1573.15
"Baisse; hausse";2025;1185;1577.02;0.00;0.00;1577.02
"Baisse; hausse";2026;1161;1579.91;0.00;0.00;1579.91
"Baisse; hausse";2027;1138;1054.55;0.00;0.00;1054.55
"Baisse; hausse";total;;5784.63;0.00;0.00;5784.63
"""
r = run("--summary", "--csv", os.path.join(srcdir, "cli", "prorata-projection.entbudget"))
check("prorata csv exact", r.returncode == 0 and r.stdout == PRORATA_CSV, r.stdout + r.stderr)

# --csv alone implies the summary
r = run("--csv")
check("csv alone", r.returncode == 0 and r.stdout == HEM_CSV, r.stdout + r.stderr)

# The aligned table, in English and in French
r = run("--summary")
check("summary english", r.returncode == 0 and "Base seule" in r.stdout
      and "€6,286.80" in r.stdout and "Year" in r.stdout, r.stdout + r.stderr)
lines = [l for l in r.stdout.splitlines() if l.startswith("2024") or l.startswith("Year")]
check("summary aligned", len(lines) >= 2 and len({len(l) for l in lines[:2]}) == 1,
      "\n".join(lines))

r = run("--summary", env_extra={"LC_ALL": "fr_FR.UTF-8", "LANGUAGE": "fr"})
normalised = r.stdout.replace("\u202f", " ").replace("\u00a0", " ")
check("summary french", r.returncode == 0 and "6 286,80 €" in normalised
      and "Année" in normalised and "1 571,70 €" in normalised, r.stdout + r.stderr)

# Version
r = run("--version")
check("version", r.returncode == 0 and r.stdout.startswith("ent-budget "), r.stdout)

# Bad usage: exit 2, message on stderr, nothing on stdout
r = run("--no-such-option")
check("bad option exit 2", r.returncode == 2 and r.stdout == "" and r.stderr, r.stderr)
r = run("--summary", "a.entbudget", "b.entbudget")
check("two documents exit 2", r.returncode == 2 and r.stderr, r.stderr)

# Bad documents: exit 1, the file named on stderr, nothing on stdout
with tempfile.TemporaryDirectory() as tmp:
    bad = os.path.join(tmp, "bad.entbudget")
    with open(bad, "w", encoding="utf-8") as f:
        f.write("[Document]\nformat-version=1\n[Contract]\nschool-years=abc\n")
    r = run("--summary", "--csv", bad)
    check("bad document exit 1", r.returncode == 1 and r.stdout == ""
          and "bad.entbudget" in r.stderr, r.stderr)

    missing = os.path.join(tmp, "missing.entbudget")
    r = run("--summary", missing)
    check("missing document exit 1", r.returncode == 1 and "missing.entbudget" in r.stderr,
          r.stderr)

    latin1 = os.path.join(tmp, "latin1.entbudget")
    with open(latin1, "wb") as f:
        f.write("[Document]\ntitle=Écoles\n".encode("latin-1"))
    r = run("--summary", latin1)
    check("latin-1 document exit 1", r.returncode == 1 and "latin1.entbudget" in r.stderr,
          r.stderr)

# --import: the official file's public schools of a commune, counted
# independently here from the fixture (rentrée 2023 → budget year 2024).
def fixture_pupils(path, commune=None, postal_code=None, year="2023"):
    import csv
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    return sum(int(r["Nombre total d'élèves"]) for r in rows
               if r["Rentrée scolaire"].startswith(year) and r["Secteur"] == "Public"
               and (commune is None or r["Commune"].upper() == commune.upper())
               and (postal_code is None or r["Code Postal"] == postal_code))


fixture = os.path.join(srcdir, "model", "fixtures", "effectifs-labels.csv")
with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "hem.entbudget")
    r = run(f"--import={fixture}", "--commune=hem", f"--output={out}")
    check("import by commune exit 0", r.returncode == 0 and os.path.exists(out), r.stderr)
    r = run("--summary", "--csv", out)
    first = r.stdout.splitlines()[1].split(";") if r.returncode == 0 else []
    expected = fixture_pupils(fixture, commune="Hem")
    check("import by commune pupils", first[:3] == ["Base seule", "2024", str(expected)],
          f"{first} expected {expected}\n{r.stderr}")

    # two communes: each one's share of "Base seule" is 4 years × 1,30 € × its
    # pupils of 2023 (constant projection; exact, so no remainder to place)
    out2 = os.path.join(tmp, "two.entbudget")
    r = run(f"--import={fixture}", "--commune=Hem,Roubaix", f"--output={out2}")
    r = run("--summary", out2)
    for commune in ("Hem", "Roubaix"):
        cents = 4 * 130 * fixture_pupils(fixture, commune=commune)
        amount = f"€{cents // 100:,}.{cents % 100:02d}"
        check(f"summary share of {commune}",
              any(l.split() == [commune, amount] for l in r.stdout.splitlines()),
              f"expected {commune} {amount}\n" + r.stdout)

    out = os.path.join(tmp, "by-code.entbudget")
    r = run(f"--import={fixture}", "--postal-code=59510", f"--output={out}",
            os.path.join(srcdir, "..", "data", "examples", "hem.entbudget"))
    check("import by postal code into a base, changes listed",
          r.returncode == 0 and "0590101A" in r.stdout, r.stdout + r.stderr)
    with open(out, encoding="utf-8") as f:
        saved = f.read()
    # SPEC 12: the base's aggregate line of Hem (no UAI) is replaced, listed
    check("import replaces the base's aggregate line and adds the schools",
          "uai=0590101A" in saved and "Écoles publiques de Hem (11 écoles)" not in saved
          and "Écoles publiques de Hem (11 écoles), Hem: no UAI, replaced" in r.stdout,
          saved[:300] + r.stdout)
    r = run(f"--import={fixture}", "--postal-code=59510", "--keep-unmatched", f"--output={out}",
            os.path.join(srcdir, "..", "data", "examples", "hem.entbudget"))
    with open(out, encoding="utf-8") as f:
        saved = f.read()
    check("--keep-unmatched keeps it",
          r.returncode == 0 and "Écoles publiques de Hem (11 écoles)" in saved, r.stdout + r.stderr)

    r = run(f"--import={fixture}", f"--output={out}")
    check("import without selection exit 2", r.returncode == 2, r.stderr)
    r = run(f"--import={fixture}", "--commune=Hem")
    check("import without output exit 2", r.returncode == 2, r.stderr)
    # SPEC 12: not UTF-8 is read as Windows-1252, with a warning
    latin1 = os.path.join(srcdir, "model", "fixtures", "effectifs-latin1.csv")
    r = run(f"--import={latin1}", "--commune=Hem", f"--output={os.path.join(tmp, 'l.entbudget')}")
    check("import of a Latin-1 file exit 0, with a warning naming it",
          r.returncode == 0 and "warning: " in r.stderr and "effectifs-latin1.csv:1" in r.stderr
          and "Windows-1252" in r.stderr and os.path.exists(os.path.join(tmp, 'l.entbudget')),
          r.stderr)

# The 2024–2026 fixtures (SPEC 12), each selector: the pupils of budget year
# 2025 (rentrée 2024) counted here from the file, public rows of 2024 only.
def fixture_2024(path, column, wanted):
    import csv
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    rows = list(csv.DictReader(text.splitlines(), delimiter=";"))
    def value(r):
        for name in column:
            if name in r:
                return r[name]
    return sum(int(r.get("Nombre total d'élèves", r.get("nombre_total_eleves")))
               for r in rows
               if (r.get("Rentrée scolaire") or r.get("rentree_scolaire")) == "2024"
               and (r.get("Secteur") or r.get("secteur")).lower().startswith("public")
               and value(r).lstrip("0") in [w.lstrip("0") for w in wanted])


fixtures = os.path.join(srcdir, "model", "fixtures")
labels24 = os.path.join(fixtures, "effectifs-2024-2026-labels.csv")
fields24 = os.path.join(fixtures, "effectifs-2024-2026-fields.csv")
cp1252 = os.path.join(fixtures, "effectifs-2024-2026-labels-cp1252.csv")
COMMUNE = ("Commune", "commune")
POSTAL = ("Code Postal", "code_commune_insee")
UAI = ("Numéro de l'école", "numero_ecole")
DEP = ("Code département", "code_departement")
selector_cases = [
    (labels24, "--commune=Saint-André-lez-Lille", COMMUNE, ["ST ANDRE LEZ LILLE"]),
    (fields24, "--commune=Hem", COMMUNE, ["HEM"]),
    (fields24, "--postal-code=59510", POSTAL, ["59510"]),
    (labels24, "--uai=0590201G,0620001m", UAI, ["0590201G", "0620001M"]),
    (cp1252, "--departement=62", DEP, ["062"]),
    (fields24, "--departement=062", DEP, ["062"]),
]
with tempfile.TemporaryDirectory() as tmp:
    for path, option, column, wanted in selector_cases:
        out = os.path.join(tmp, "sel.entbudget")
        r = run(f"--import={path}", option, f"--output={out}")
        ok = r.returncode == 0
        r2 = run("--summary", "--csv", out)
        line = r2.stdout.splitlines()[2].split(";") if r2.returncode == 0 else []
        expected = fixture_2024(path, column, wanted)
        check(f"import {os.path.basename(path)} {option}: 2025 pupils",
              ok and line[:3] == ["Base seule", "2025", str(expected)] and expected > 0,
              f"{line} expected {expected}\n{r.stderr}")

    # the report shows each year's pupils and the contract total before and after
    out = os.path.join(tmp, "hem.entbudget")
    r = run(f"--import={labels24}", "--commune=Hem", f"--output={out}",
            os.path.join(srcdir, "..", "data", "examples", "hem.entbudget"))
    hem_2024 = fixture_2024(labels24, COMMUNE, ["HEM"])
    check("import report: pupils before → after per year, contract total",
          r.returncode == 0 and f"  2025 (rentrée 2024): 1209 → {hem_2024} pupils, €1,571.70 → " in r.stdout
          and "  Contract total: €6,286.80 → " in r.stdout, r.stdout)

    # a secret count is a warning, the school imported
    r = run(f"--import={fields24}", "--commune=BOUVINES", f"--output={out}")
    check("secret counts: exit 0, two warnings",
          r.returncode == 0 and r.stderr.count("is secret") == 2 and "0590302K" in r.stdout, r.stderr)

    # nothing matches: the closest communes, status 1, nothing written
    out = os.path.join(tmp, "none.entbudget")
    r = run(f"--import={fields24}", "--commune=Saint-Andre-les-Lille", f"--output={out}")
    check("no commune matches: exit 1, closest communes listed",
          r.returncode == 1 and "closest communes of the file are “ST ANDRE LEZ LILLE”" in r.stderr
          and not os.path.exists(out), r.stderr)
    r = run(f"--import={fields24}", "--commune=Saint-Andre-les-Lille", f"--output={out}",
            env_extra={"LC_ALL": "fr_FR.UTF-8", "LANGUAGE": "fr"})
    check("no commune matches, in French",
          r.returncode == 1 and "ST ANDRE LEZ LILLE" in r.stderr and "proches" in r.stderr, r.stderr)
    r = run("--uai=0590101A", f"--output={out}")
    check("--uai without --import exit 2", r.returncode == 2, r.stderr)

# SPEC 10.5: an empty path is bad usage, named in the message, translated
# (--export= and --pdf= crashed with SIGSEGV).
FRENCH = {"LC_ALL": "fr_FR.UTF-8", "LANGUAGE": "fr"}
with tempfile.TemporaryDirectory() as tmp:
    empty_cases = [
        ("export", ["--export="]),
        ("pdf", ["--pdf="]),
        ("pdf", ["--summary", "--pdf="]),
        ("output", [f"--import={fixture}", "--commune=Hem", "--output="]),
        ("import", ["--import=", "--commune=Hem", f"--output={os.path.join(tmp, 'x.entbudget')}"]),
    ]
    for option, args in empty_cases:
        r = run(*args)
        check(f"empty --{option} path ({' '.join(args)}) exit 2, option named",
              r.returncode == 2 and r.stdout == "" and f"--{option}" in r.stderr
              and "empty" in r.stderr, f"{r.returncode}\n{r.stderr}")
        r = run(*args, env_extra=FRENCH)
        check(f"empty --{option} path, message in French",
              r.returncode == 2 and f"--{option}" in r.stderr and "vide" in r.stderr, r.stderr)
    r = run("--summary", "")
    check("empty document path exit 2", r.returncode == 2 and r.stdout == "" and r.stderr, r.stderr)
    check("no file written by the refused commands", os.listdir(tmp) == [], os.listdir(tmp))



def write_document(path, scenario_names, schools=(("Écoles publiques de Hem", "Hem", 1209),),
                   title="ENT des écoles publiques de Hem", payer="Ville de Hem"):
    """A Hem-like document (SPEC 6), written by hand: base only, constant,
    annual billing, 1,30 € a pupil, so each year is 1209 × 1,30 = 1 571,70 €
    with the default school. Names are written as given (GKeyFile escapes
    such as \\t apply)."""
    text = (f"[Document]\nformat-version=1\ntitle={title}\npayer={payer}\n"
            "payer-kind=commune\ninsee=59299\n\n"
            "[Contract]\nfirst-school-year=2023\nschool-years=4\n"
            "payment-start=2024-01-01\nbilling=annual\n\n"
            "[Tariff 2023-09-01]\nbase-per-pupil=1.30\noptional-per-pupil=0.30\n"
            "half-day=150.00\nreference=Délibération du 15 juin 2023\n\n")
    for i, (name, commune, pupils) in enumerate(schools, 1):
        text += (f"[School {i}]\nname={name}\ncommune={commune}\ninsee=\nuai=\n"
                 f"pupils=2023:{pupils}\n\n")
    for i, name in enumerate(scenario_names, 1):
        text += (f"[Scenario {i}]\nname={name}\noptional-support=false\nhalf-days=\n"
                 "projection=constant\nprojection-rate=0\ntariff-increase=0\n\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


# SPEC 10.5: a scenario name a spreadsheet would run as a formula is
# prefixed with "'" in the CSV; separators and quotes are quoted (RFC 4180);
# amounts stay plain numbers.
INJECTION = [
    ("=1+1", "'=1+1"),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("-2+3", "'-2+3"),
    ('=HYPERLINK("http://x";"y")', '"\'=HYPERLINK(""http://x"";""y"")"'),
    ('Dit "oui"; non', '"Dit ""oui""; non"'),
    ("Base - accompagnement", "Base - accompagnement"),
]
with tempfile.TemporaryDirectory() as tmp:
    doc = os.path.join(tmp, "injection.entbudget")
    write_document(doc, [name for name, _ in INJECTION])
    r = run("--summary", "--csv", doc)
    want = ["scenario;year;pupils;base;optional;specific;total"]
    for _, field in INJECTION:
        want += [f"{field};{y};1209;1571.70;0.00;0.00;1571.70" for y in range(2024, 2028)]
    want += [f"{field};total;;6286.80;0.00;0.00;6286.80" for _, field in INJECTION]
    got = r.stdout.splitlines()
    check("csv: formula-like scenario names prefixed with ', fields quoted, amounts plain",
          r.returncode == 0 and got == want,
          "\n".join(f"got  {g}\nwant {w}" for g, w in zip(got, want) if g != w) + r.stderr)

# SPEC 10.5: --summary never writes a control character to the terminal,
# whatever the document holds: ESC [ 2 J (clear screen), an OSC title, BEL,
# CR, DEL and C1 controls as UTF-8 (U+009B is CSI, U+0085 NEL) in the title,
# the payer, the scenario and the commune names. They are shown as "\x1b".
# When the loader refuses such names (status 1), its message must be clean too.
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def run_raw(*args, env_extra=None):
    """run(), the output decoded without newline translation (text=True would
    turn a lone CR into a newline and hide it)."""
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"
    env["ENT_BUDGET_LOCALEDIR"] = localedir
    env.setdefault("LC_ALL", "C.UTF-8")
    env.update(env_extra or {})
    p = subprocess.run([exe, *args], capture_output=True, env=env, timeout=60)
    return subprocess.CompletedProcess(p.args, p.returncode, p.stdout.decode("utf-8", "replace"),
                                       p.stderr.decode("utf-8", "replace"))


with tempfile.TemporaryDirectory() as tmp:
    doc = os.path.join(tmp, "controls.entbudget")
    write_document(doc, ["Base\x1b[2J\x07 seule\\r", "Op\u009b31mtion\u0085\x7f"],
                   schools=(("École A", "Hem\x1b]0;pwned\x07", 1209),
                            ("École B\x1b[5m", "Roubaix\u009b2J", 100)),
                   title="ENT\x1b[2J de Hem", payer="Ville\x07 de Hem")
    for args, env in ((["--summary"], None), (["--summary", "--csv"], None),
                      (["--summary"], FRENCH)):
        r = run_raw(*args, doc, env_extra=env)
        what = " ".join(args) + (" (fr)" if env else "")
        bad = CONTROL.findall(r.stdout) + CONTROL.findall(r.stderr)
        check(f"{what}: no control character on the terminal", r.returncode in (0, 1) and not bad,
              f"{r.returncode} {bad!r}\n{r.stdout!r}\n{r.stderr!r}")
        if r.returncode == 0:
            check(f"{what}: controls shown as visible escapes",
                  "\\x1b[2J" in r.stdout and "\\x0d" in r.stdout and "\\x9b31m" in r.stdout
                  and "\\x7f" in r.stdout, r.stdout)
        else:
            check(f"{what}: refused at load, the file named", "controls.entbudget" in r.stderr, r.stderr)
    r = run_raw("--summary", doc)
    if r.returncode == 0:
        check("summary: commune names escaped in the shares, still aligned",
              any(l.split()[:1] == ["Hem\\x1b]0;pwned\\x07"] for l in r.stdout.splitlines())
              and any(l.split()[:1] == ["Roubaix\\x9b2J"] for l in r.stdout.splitlines()), r.stdout)

# --commune="Hem, Roubaix": the list is trimmed (it stored " Roubaix", which
# the document file keeps as "commune=\\sRoubaix"); ";" separates too, and
# empty items are dropped. Same for the postal codes.
with tempfile.TemporaryDirectory() as tmp:
    # by postal code, the names are the file's spelling (SPEC 12)
    for option, names in (("--commune=Hem, Roubaix", {"Hem", "Roubaix"}),
                          ("--commune= Hem ;Roubaix,, ", {"Hem", "Roubaix"}),
                          ("--postal-code=59510, 59100", {"HEM", "ROUBAIX"})):
        out = os.path.join(tmp, "list.entbudget")
        r = run(f"--import={fixture}", option, f"--output={out}")
        communes = set()
        if r.returncode == 0:
            with open(out, encoding="utf-8") as f:
                communes = {l.rstrip("\n").split("=", 1)[1] for l in f if l.startswith("commune=")}
        check(f"import {option}: commune names stored without spaces",
              r.returncode == 0 and communes == names, f"{communes}\n{r.stderr}")
        r = run("--summary", out)
        check(f"import {option}: both communes in the summary's shares",
              r.returncode == 0 and all(any(l.split()[:1] == [c] for l in r.stdout.splitlines())
                                        for c in names), r.stdout + r.stderr)

# Error messages and warnings quote document text and CSV cells: they reach
# the terminal with their control characters escaped too (SPEC 10.5), on the
# loader's refusal, the loader's warning (unknown key) and the import's error.
with tempfile.TemporaryDirectory() as tmp:
    hem = os.path.join(srcdir, "..", "data", "examples", "hem.entbudget")
    with open(hem, encoding="utf-8") as f:
        text = f.read()
    bad_value = os.path.join(tmp, "bad-value.entbudget")
    with open(bad_value, "w", encoding="utf-8") as f:
        f.write(text.replace("projection-rate=0", "projection-rate=1\x1b[2J\x07", 1))
    odd_key = os.path.join(tmp, "odd-key.entbudget")
    with open(odd_key, "w", encoding="utf-8") as f:
        f.write(text.replace("[Contract]\n", "[Contract]\nodd\x1bc\u009bkey=1\n", 1))
    bad_csv = os.path.join(tmp, "bad.csv")
    with open(bad_csv, "w", encoding="utf-8") as f:
        f.write("école;uai;commune;2023\nÉcole A;0590001A;Hem;1\x1b[2J\x072\n")
    for what, args, status in (
            ("loader error", ["--summary", bad_value], 1),
            ("loader warning", ["--summary", "--csv", odd_key], None),
            ("import error", [f"--import={bad_csv}", "--commune=Hem",
                              f"--output={os.path.join(tmp, 'out.entbudget')}"], 1)):
        r = run_raw(*args)
        bad = CONTROL.findall(r.stdout) + CONTROL.findall(r.stderr)
        check(f"{what}: no control character on the terminal, shown as \\x1b",
              (status is None or r.returncode == status) and not bad and "\\x1b" in r.stderr,
              f"{r.returncode} {bad!r}\n{r.stderr!r}")
# SPEC 10.4: a document whose budget cannot be computed opens (the window
# shows the reason), and the command line fails on it with status 1 and that
# reason, writing nothing. The review's case: the only tariff period moved to
# 1 June 2024, so 1 January 2024, a billed date, has no tariff.
with tempfile.TemporaryDirectory() as tmp:
    with open(os.path.join(srcdir, "..", "data", "examples", "hem.entbudget"), encoding="utf-8") as f:
        hem = f.read()
    assert "[Tariff 2023-09-01]" in hem
    june = os.path.join(tmp, "june.entbudget")
    with open(june, "w", encoding="utf-8") as f:
        f.write(hem.replace("[Tariff 2023-09-01]", "[Tariff 2024-06-01]"))
    reason = "No tariff is in force on 1 January 2024"

    for args, out in ((["--summary"], None), (["--summary", "--csv"], None),
                      ([f"--export={os.path.join(tmp, 'june.xlsx')}"], "june.xlsx"),
                      ([f"--pdf={os.path.join(tmp, 'june.pdf')}"], "june.pdf")):
        r = run(*args, june)
        check(f"unbillable document {' '.join(a.split('=')[0] for a in args)} exit 1 with the reason",
              r.returncode == 1 and r.stdout == "" and reason in r.stderr
              and (out is None or not os.path.exists(os.path.join(tmp, out))),
              f"status {r.returncode}\n{r.stdout}{r.stderr}")

    # the same reason under a French locale, translated
    r = run("--summary", june, env_extra={"LC_ALL": "fr_FR.UTF-8", "LANGUAGE": "fr"})
    french = r.stderr.replace("\u00a0", " ").replace("\u202f", " ")
    check("unbillable document --summary in French",
          r.returncode == 1 and "Aucun tarif" in french and "1er janvier 2024" in french,
          f"status {r.returncode}\n{r.stderr}")

finish()
