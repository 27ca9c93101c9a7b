#!/usr/bin/env bash
# Builds the snapshot bundled into modelcensus (epoch/bundled) from a folder
# of Epoch CSVs: scripts/bundle-snapshot.sh FOLDER YYYY-MM-DD.
# The zip is deterministic (members in name order, dated at noon of the
# snapshot date, deflated at level 9), so the same files give the same bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:?usage: $0 FOLDER YYYY-MM-DD}
date=${2:?usage: $0 FOLDER YYYY-MM-DD}
out=epoch/bundled/ai_models-$date.zip
python3 - "$src" "$date" "$out" <<'PY'
import hashlib, os, sys, zipfile
src, date, out = sys.argv[1:]
y, m, d = map(int, date.split("-"))
names = sorted(n for n in os.listdir(src) if n.lower().endswith(".csv") and not n.startswith("."))
with zipfile.ZipFile(out + ".tmp", "w") as z:
    for n in names:
        data = open(os.path.join(src, n), "rb").read()
        info = zipfile.ZipInfo(n, date_time=(y, m, d, 12, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        z.writestr(info, data, compresslevel=9)
        print(f"| `{n}` | | | | {hashlib.sha256(data).hexdigest()} |")
os.replace(out + ".tmp", out)
print(out, os.path.getsize(out), "bytes")
PY
