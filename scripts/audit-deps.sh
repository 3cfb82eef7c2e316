#!/usr/bin/env bash
# Dependency audit (pip-audit) of the installed environment. Fails on any known vulnerability; says plainly how
# many dependencies the vulnerability service could not look up (an offline mirror knows none of them), and
# warns instead of failing when the service cannot be reached at all.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
$PY -m pip install -q pip-audit >/dev/null 2>&1 || { echo "audit: pip-audit could not be installed; skipped" >&2; exit 0; }
out=$(.venv/bin/pip-audit --progress-spinner off --skip-editable 2>&1); rc=$?
skipped=$(grep -c "could not be audited" <<<"$out" || true)
total=$($PY -m pip list --format=freeze 2>/dev/null | wc -l)
if grep -q "known vulnerabilit" <<<"$out" && [ $rc -ne 0 ]; then
  echo "$out"; echo "audit: vulnerable dependencies found (see above); upgrade them" >&2; exit 1
fi
if [ $rc -ne 0 ]; then
  echo "$out" | tail -5 >&2; echo "audit: the vulnerability service could not be reached; not audited" >&2; exit 0
fi
echo "audit: no known vulnerabilities; $((total - skipped)) of $total dependencies looked up, $skipped unknown to the service"
