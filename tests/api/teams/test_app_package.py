"""`make teams-app`: the package Teams accepts, checked against the manifest's required fields."""

from __future__ import annotations

import io
import json
import re
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest

from api.teams.app_package import MANIFEST_VERSION, PackageError, build
from directory.loader import load_registry

ROOT = Path(__file__).resolve().parents[3]
APP_ID = "00000000-0000-4000-8000-00000000a11d"
GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
REQUIRED = {"$schema", "manifestVersion", "version", "id", "developer", "name", "description", "icons", "accentColor"}


def package(public_url: str = "https://relais.example.org") -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(build(APP_ID, public_url, load_registry())))


def decode_png(data: bytes) -> tuple[int, int, list[tuple[int, ...]]]:
    """Width, height and RGBA pixels of an 8-bit RGBA PNG without row filters."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, header = 8, b"", b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind, body = data[position + 4 : position + 8], data[position + 8 : position + 8 + length]
        crc = struct.unpack(">I", data[position + 8 + length : position + 12 + length])[0]
        assert crc == zlib.crc32(kind + body)
        header = body if kind == b"IHDR" else header
        idat += body if kind == b"IDAT" else b""
        position += 12 + length
    width, height, depth, color_type = struct.unpack(">IIBB", header[:10])
    assert (depth, color_type) == (8, 6)
    raw = zlib.decompress(idat)
    stride = 1 + 4 * width
    pixels = []
    for y in range(height):
        row = raw[y * stride : (y + 1) * stride]
        assert row[0] == 0
        pixels += [tuple(row[1 + 4 * x : 5 + 4 * x]) for x in range(width)]
    return width, height, pixels


def test_the_manifest_has_every_required_field_and_both_scopes() -> None:
    archive = package()
    assert sorted(archive.namelist()) == ["color.png", "en.json", "manifest.json", "outline.png"]
    manifest: dict[str, Any] = json.loads(archive.read("manifest.json"))
    assert set(manifest) >= REQUIRED
    assert manifest["manifestVersion"] == MANIFEST_VERSION
    assert f"/v{MANIFEST_VERSION}/MicrosoftTeams.schema.json" in manifest["$schema"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", manifest["version"])
    assert GUID.match(manifest["id"])
    for field in ("websiteUrl", "privacyUrl", "termsOfUseUrl"):
        assert manifest["developer"][field].startswith("https://")
    assert manifest["developer"]["name"]
    assert 0 < len(manifest["name"]["short"]) <= 30 and len(manifest["name"]["full"]) <= 100
    assert 0 < len(manifest["description"]["short"]) <= 80
    assert len(manifest["description"]["full"]) <= 4000
    assert "911" in manifest["description"]["full"]
    assert re.fullmatch(r"#[0-9A-F]{6}", manifest["accentColor"])
    assert manifest["icons"] == {"color": "color.png", "outline": "outline.png"}
    (bot,) = manifest["bots"]
    assert bot["botId"] == APP_ID and set(bot["scopes"]) == {"personal", "team"}
    for command in bot["commandLists"][0]["commands"]:
        assert len(command["title"]) <= 32 and len(command["description"]) <= 128
    assert manifest["validDomains"] == ["relais.example.org"]


def test_french_by_default_with_english_strings() -> None:
    archive = package()
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["localizationInfo"]["defaultLanguageTag"].startswith("fr")
    (english,) = manifest["localizationInfo"]["additionalLanguages"]
    strings = json.loads(archive.read(english["file"]))
    assert english["languageTag"] == "en"
    assert "Localization.schema.json" in strings["$schema"]
    assert strings["name.short"] and strings["description.short"] != manifest["description"]["short"]
    assert len(strings["description.short"]) <= 80
    commands = manifest["bots"][0]["commandLists"][0]["commands"]
    for position in range(len(commands)):
        assert strings[f"bots[0].commandLists[0].commands[{position}].title"]


def test_icon_sizes_and_an_outline_that_is_white_on_transparent() -> None:
    archive = package()
    width, height, colour = decode_png(archive.read("color.png"))
    assert (width, height) == (192, 192)
    assert all(pixel[3] == 255 for pixel in colour), "the colour icon is opaque"
    assert len(set(colour)) >= 2, "something is drawn"
    width, height, outline = decode_png(archive.read("outline.png"))
    assert (width, height) == (32, 32)
    assert set(outline) == {(0, 0, 0, 0), (255, 255, 255, 255)}


def test_no_package_without_an_app_id_or_an_https_address() -> None:
    registry = load_registry()
    with pytest.raises(PackageError, match="RELAIS_TEAMS_APP_ID"):
        build("", "https://relais.example.org", registry)
    with pytest.raises(PackageError, match="https"):
        build(APP_ID, "http://127.0.0.1:8000", registry)


def test_make_teams_app_writes_the_zip(tmp_path: Path) -> None:
    out = tmp_path / "relais-teams.zip"
    env = {"PYTHONPATH": str(ROOT), "RELAIS_TEAMS_APP_ID": APP_ID, "RELAIS_PUBLIC_URL": "https://relais.example.org"}
    done = subprocess.run(
        [sys.executable, "-m", "api.teams.app_package", "--out", str(out)],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert str(out) in done.stdout
    assert json.loads(zipfile.ZipFile(out).read("manifest.json"))["validDomains"] == ["relais.example.org"]
    refused = subprocess.run(
        [sys.executable, "-m", "api.teams.app_package", "--out", str(tmp_path / "no.zip")],
        env={**env, "RELAIS_TEAMS_APP_ID": ""}, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert refused.returncode == 2 and "RELAIS_TEAMS_APP_ID" in refused.stderr
    assert not (tmp_path / "no.zip").exists()
