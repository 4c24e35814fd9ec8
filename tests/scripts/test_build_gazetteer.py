"""scripts/build_gazetteer.py: CSV quoting, validation and reproducible bytes."""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).parents[2] / "scripts" / "build_gazetteer.py"
CSV = (
    "kode,nama,level,parent_kode,subtype,kodepos\n"
    "18,Lampung,provinsi,,,\n"
    "18.01,Kabupaten Contoh ,kabupaten_kota,18,kabupaten,\n"
    "18.01.01,Sukamaju,kecamatan,18.01,,\n"
    '18.01.01.2002,"Mekar Sari I, II",desa_kelurahan,18.01.01,desa,35551\n'
    "18.01.01.2001,Sukamaju,desa_kelurahan,18.01.01,desa,35551\n"
)


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_gazetteer", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_is_sorted_quoted_and_reproducible(build: ModuleType, tmp_path: Path) -> None:
    src = tmp_path / "wilayah_derived.csv"
    src.write_text(CSV, encoding="utf-8")
    out1, out2 = tmp_path / "a.tsv.gz", tmp_path / "b.tsv.gz"
    assert build.main([str(tmp_path), "--out", str(out1)]) == 0
    assert build.main([str(src), "--out", str(out2)]) == 0
    assert out1.read_bytes() == out2.read_bytes()
    lines = gzip.decompress(out1.read_bytes()).decode("utf-8").splitlines()
    assert lines[0] == "code\tname\tlevel\tsubtype\tparent"
    assert lines[2] == "18.01\tKabupaten Contoh\tregency\tkabupaten\t18"
    assert lines[-2:] == [
        "18.01.01.2001\tSukamaju\tvillage\tdesa\t18.01.01",
        "18.01.01.2002\tMekar Sari I, II\tvillage\tdesa\t18.01.01",
    ]


def test_build_rejects_bad_parent(build: ModuleType, tmp_path: Path) -> None:
    src = tmp_path / "wilayah_derived.csv"
    src.write_text(CSV.replace("18.01.01,Sukamaju,kecamatan,18.01", "18.01.01,Sukamaju,kecamatan,19.01"), "utf-8")
    with pytest.raises(ValueError, match="parent"):
        build.read_rows(src)
