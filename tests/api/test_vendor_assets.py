"""The bundled third-party assets (dashboard map, API docs) are exactly the build's output.

tools/build-dashboard.mjs copies them from the pinned npm packages into the Python package and
writes MANIFEST.json (each file's sha256 and each package's version), so a clean clone or a pip
install serves /, /docs and /redoc offline without npm. These checks need no npm either.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "src" / "eventlens" / "api" / "static" / "vendor"
MANIFEST = json.loads((VENDOR / "MANIFEST.json").read_text())


def test_every_bundled_file_matches_the_manifest() -> None:
    on_disk = {
        p.relative_to(VENDOR).as_posix()
        for p in VENDOR.rglob("*")
        if p.is_file() and p.name not in ("MANIFEST.json", "LICENSES.txt")
    }
    assert on_disk == set(MANIFEST["files"]), "vendor/ and MANIFEST.json list different files"
    for name, digest in MANIFEST["files"].items():
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, (
            f"{name} differs from the build"
        )


def test_bundled_versions_are_the_locked_ones() -> None:
    if not (ROOT / "package-lock.json").exists():
        pytest.skip("package-lock.json is not in an installed package")
    lock = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    pins = json.loads((ROOT / "package.json").read_text())["devDependencies"]
    for pkg, version in MANIFEST["packages"].items():
        assert pins[pkg] == version, f"package.json pins {pkg} {pins[pkg]}, the bundle has {version}"
        assert lock[f"node_modules/{pkg}"]["version"] == version
    assert {"swagger-ui-dist", "redoc"} <= set(MANIFEST["packages"])


def test_every_bundled_package_has_its_licence() -> None:
    text = (VENDOR / "LICENSES.txt").read_text()
    for pkg, version in MANIFEST["packages"].items():
        assert f"==== {pkg} {version} " in text
