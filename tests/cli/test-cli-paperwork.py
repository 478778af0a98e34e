#!/usr/bin/python3
"""The finance officer's paperwork on the command line (SPEC 7, 13):
--scdl, --rob and --scenario=N|NAME for --summary, --export, --pdf.

Usage: test-cli-paperwork.py ENT_BUDGET SOURCE_DIR LOCALE_DIR
Prints TAP. Expected figures by hand from SPEC 4 (Hem: 1 209 pupils,
1,30 / 0,30 / 150 €, annual), never the program's own output.
"""
import os
import sys
import tempfile

from cli_common import check, finish, make_runner

exe, srcdir, localedir = sys.argv[1:4]

# A synthetic SIRET whose Luhn key is right (worked in tests/model/test-validate.c)
SIRET = "21590299000013"
NAMES = ["Base seule", "Base + accompagnement forfaitaire",
         "Base + accompagnement + 2 demi-journées par an"]
# French amounts as the ROB writes them: U+202F groups, U+00A0 before €
AE = ["6\u202f286,80\u00a0€", "7\u202f737,60\u00a0€", "8\u202f937,60\u00a0€"]
CP = ["1\u202f571,70\u00a0€", "1\u202f934,40\u00a0€", "2\u202f234,40\u00a0€"]
HEADER = ("BGT_NATDEC,BGT_ANNEE,BGT_SIRET,BGT_NOM,BGT_CONTNAT,BGT_CONTNAT_LABEL,BGT_NATURE,"
          "BGT_NATURE_LABEL,BGT_FONCTION,BGT_FONCTION_LABEL,BGT_OPERATION,BGT_SECTION,BGT_OPBUDG,"
          "BGT_CODRD,BGT_MTREAL,BGT_MTBUDGPREC,BGT_MTRARPREC,BGT_MTPROPNOUV,BGT_MTPREV,BGT_CREDOUV,"
          "BGT_MTRAR3112,BGT_ARTSPE")


run = make_runner(exe, localedir, timeout=60)


def scdl_row(year, amount):
    return (f"budget primitif,{year},{SIRET},Ville de Hem,65548,Autres contributions,65,"
            f"Autres charges de gestion courante,21,Enseignement du premier degré,,"
            f"fonctionnement,réel,dépense,,,,{amount},,,,")


def expected_scdl(scenario):
    amounts = ["1571.70", "362.70", "300.00"][:scenario]
    rows = [HEADER] + [scdl_row(y, a) for y in range(2024, 2028) for a in amounts]
    return "".join(row + "\r\n" for row in rows)


with open(os.path.join(srcdir, "..", "data", "examples", "hem.entbudget"), encoding="utf-8") as f:
    HEM = f.read()
assert "payer-kind=commune\ninsee=59299\n" in HEM

with tempfile.TemporaryDirectory() as tmp:
    with_siret = os.path.join(tmp, "hem-siret.entbudget")
    with open(with_siret, "w", encoding="utf-8") as f:
        f.write(HEM.replace("payer-kind=commune\ninsee=59299\n",
                            f"payer-kind=commune\ninsee=59299\nsiret=215 902 990 00013\n"))
    second_current = os.path.join(tmp, "hem-second.entbudget")
    with open(second_current, "w", encoding="utf-8") as f:
        f.write(HEM.replace("insee=59299\n", f"insee=59299\nsiret={SIRET}\nscenario=2\n", 1))
    wrong_key = os.path.join(tmp, "hem-wrong-key.entbudget")
    with open(wrong_key, "w", encoding="utf-8") as f:
        f.write(HEM.replace("insee=59299\n", "insee=59299\nsiret=21590299000014\n", 1))

    # --scdl: refused without a SIRET, nothing written
    out = os.path.join(tmp, "none.csv")
    r = run(f"--scdl={out}")
    check("scdl without SIRET exit 1", r.returncode == 1 and "SIRET" in r.stderr
          and not os.path.exists(out), f"{r.returncode}\n{r.stderr}")
    r = run(f"--scdl={out}", env_extra={"LC_ALL": "fr_FR.UTF-8", "LANGUAGE": "fr"})
    check("scdl without SIRET, in French", r.returncode == 1 and "SIRET" in r.stderr
          and "Hypothèses" in r.stderr, r.stderr)

    # a wrong key in the file: the loader names the file, the line and the key
    r = run(f"--scdl={out}", wrong_key)
    check("bad SIRET in the file exit 1 naming line and key",
          r.returncode == 1 and "hem-wrong-key.entbudget:10" in r.stderr
          and "siret" in r.stderr and not os.path.exists(out), r.stderr)

    # --scdl with a SIRET: the current scenario (the first), then by number and name
    for args, scenario in (([], 1), (["--scenario=3"], 3), (["--scenario=2"], 2),
                           (["--scenario=Base seule"], 1),
                           ([f"--scenario={NAMES[1]}"], 2),
                           (["--scenario=base + ACCOMPAGNEMENT forfaitaire"], 2)):
        out = os.path.join(tmp, f"scdl-{scenario}.csv")
        r = run(f"--scdl={out}", *args, with_siret)
        text = open(out, encoding="utf-8", newline="").read() if os.path.exists(out) else ""
        check(f"scdl {' '.join(args) or 'default'}", r.returncode == 0 and r.stdout == ""
              and text == expected_scdl(scenario), f"{r.returncode} {r.stderr}\n{text}")

    # the document's current scenario ([Document] scenario=2) is the default
    out = os.path.join(tmp, "second.csv")
    r = run(f"--scdl={out}", second_current)
    text = open(out, encoding="utf-8", newline="").read() if os.path.exists(out) else ""
    check("scdl default is the current scenario", r.returncode == 0 and text == expected_scdl(2),
          r.stderr + text)

    # --rob: French whatever the UI language; the AE and each CP
    for s in range(3):
        for env in ({}, {"LC_ALL": "fr_FR.UTF-8", "LANGUAGE": "fr"}):
            r = run("--rob", f"--scenario={s + 1}", with_siret, env_extra=env)
            rows = [l for l in r.stdout.splitlines() if l[:4] in ("2024", "2025", "2026", "2027")]
            check(f"rob scenario {s + 1} {env.get('LANGUAGE', 'en')}",
                  r.returncode == 0 and f"autorisation d’engagement (AE) de {AE[s]}" in r.stdout
                  and f"«\u00a0{NAMES[s]}\u00a0»" in r.stdout
                  and len(rows) == 4 and all(CP[s] in l for l in rows)
                  and "Total (AE)" in r.stdout and "pupil" not in r.stdout,
                  r.stdout + r.stderr)
    r = run("--rob", second_current)
    check("rob default is the current scenario", r.returncode == 0 and AE[1] in r.stdout, r.stdout)

    # --scenario restricts --summary and --csv; without it, every scenario
    r = run("--summary", "--csv", "--scenario=2")
    check("csv one scenario", r.returncode == 0 and r.stdout ==
          "scenario;year;pupils;base;optional;specific;total\n"
          + "".join(f"{NAMES[1]};{y};1209;1571.70;362.70;0.00;1934.40\n" for y in range(2024, 2028))
          + f"{NAMES[1]};total;;6286.80;1450.80;0.00;7737.60\n", r.stdout + r.stderr)
    r = run("--summary", "--scenario=Base seule")
    check("summary one scenario", r.returncode == 0 and "“Base seule”" in r.stdout
          and NAMES[1] not in r.stdout and "€6,286.80" in r.stdout, r.stdout + r.stderr)
    r = run("--summary")
    check("summary every scenario by default", r.returncode == 0
          and all(f"“{n}”" in r.stdout for n in NAMES), r.stdout)

    # --export and --pdf take it too
    xlsx = os.path.join(tmp, "one.xlsx")
    r = run(f"--export={xlsx}", "--scenario=3")
    check("export one scenario", r.returncode == 0 and os.path.getsize(xlsx) > 0, r.stderr)
    pdf = os.path.join(tmp, "one.pdf")
    r = run(f"--pdf={pdf}", f"--scenario={NAMES[2]}")
    check("pdf with a scenario", r.returncode == 0 and os.path.getsize(pdf) > 0, r.stderr)

    # an unknown scenario: named, the valid ones listed, nothing written
    for bad in ("4", "0", "Nope"):
        out = os.path.join(tmp, f"bad-{bad}.csv")
        r = run("--summary", f"--scdl={out}", f"--scenario={bad}", with_siret)
        check(f"unknown scenario {bad}", r.returncode == 2 and r.stdout == ""
              and f"“{bad}”" in r.stderr and all(f"“{n}”" in r.stderr for n in NAMES)
              and "1  “Base seule”" in r.stderr and not os.path.exists(out),
              f"{r.returncode}\n{r.stderr}")
    r = run("--rob", "--scenario=Nope", env_extra={"LC_ALL": "fr_FR.UTF-8", "LANGUAGE": "fr"})
    check("unknown scenario in French", r.returncode == 2 and "scénario" in r.stderr, r.stderr)

    # bad usage
    r = run("--scenario=1")
    check("scenario alone exit 2", r.returncode == 2 and "--scenario" in r.stderr, r.stderr)
    r = run("--scdl=")
    check("empty scdl path exit 2", r.returncode == 2 and "--scdl" in r.stderr, r.stderr)
    r = run("--rob", "a.entbudget", "b.entbudget")
    check("rob two documents exit 2", r.returncode == 2, r.stderr)

    # SPEC 10.4: a budget that cannot be computed fails --rob and --scdl with the reason
    june = os.path.join(tmp, "june.entbudget")
    with open(june, "w", encoding="utf-8") as f:
        f.write(open(with_siret, encoding="utf-8").read()
                .replace("[Tariff 2023-09-01]", "[Tariff 2024-06-01]"))
    out = os.path.join(tmp, "june.csv")
    for args in (["--rob"], [f"--scdl={out}"]):
        r = run(*args, june)
        check(f"unbillable {args[0].split('=')[0]} exit 1", r.returncode == 1 and r.stdout == ""
              and "No tariff is in force on 1 January 2024" in r.stderr
              and not os.path.exists(out), r.stderr)

finish()
