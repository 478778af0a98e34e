#!/usr/bin/python3
"""The headless command line (SPEC 7): exact CSV, summary, exit statuses.

Usage: test-cli.py ENT_BUDGET SOURCE_DIR LOCALE_DIR
Prints TAP. Expected figures are the SPEC's worked examples and hand
derivations, never the program's own output.
"""
import os
import subprocess
import sys
import tempfile

exe, srcdir, localedir = sys.argv[1:4]
results = []


def run(*args, env_extra=None):
    env = dict(os.environ)
    env.pop("DISPLAY", None)          # headless: no display needed
    env.pop("WAYLAND_DISPLAY", None)
    env["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"
    env["ENT_BUDGET_LOCALEDIR"] = localedir
    env.setdefault("LC_ALL", "C.UTF-8")
    if env_extra:
        env.update(env_extra)
    return subprocess.run([exe, *args], capture_output=True, text=True,
                          env=env, timeout=60)


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


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


fixture = os.path.join(srcdir, "import", "fixtures", "effectifs-labels.csv")
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
    check("import keeps the base's schools and adds the new ones",
          "uai=0590101A" in saved and "Écoles publiques de Hem (11 écoles)" in saved, saved[:300])

    r = run(f"--import={fixture}", f"--output={out}")
    check("import without selection exit 2", r.returncode == 2, r.stderr)
    r = run(f"--import={fixture}", "--commune=Hem")
    check("import without output exit 2", r.returncode == 2, r.stderr)
    latin1 = os.path.join(srcdir, "import", "fixtures", "effectifs-latin1.csv")
    r = run(f"--import={latin1}", "--commune=Hem", f"--output={os.path.join(tmp, 'l.entbudget')}")
    check("import of a Latin-1 file exit 1, named, nothing written",
          r.returncode == 1 and "effectifs-latin1.csv:1" in r.stderr
          and not os.path.exists(os.path.join(tmp, "l.entbudget")), r.stderr)

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

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok:
        for line in detail.splitlines()[:40]:
            print(f"# {line}")
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
