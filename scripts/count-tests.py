#!/usr/bin/python3
"""Sums meson's testlog.json files and prints "N passed, N failed".

Exits non-zero when a test failed or when no test ran at all.
"""
import json
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as log:
            for line in log:
                result = json.loads(line)["result"]
                if result in ("OK", "EXPECTEDFAIL"):
                    passed += 1
                elif result == "SKIP":
                    skipped += 1
                else:
                    failed += 1
                    print(f"FAILED: {json.loads(line)['name']} in {path}")
    except FileNotFoundError:
        print(f"missing test log {path}: that build did not run its tests")
        failed += 1

print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failed or passed == 0 else 0)
