"""Finding plugins: the entry point cache and the user plugin directory."""

from __future__ import annotations

import os
import sys

import pytest

from pwshlike.plugins import discovery


def _environ(tmp_path, **extra: str) -> dict[str, str]:
    return {"XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_DATA_HOME": str(tmp_path / "data"), **extra}


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A directory on sys.path standing for site-packages."""
    directory = tmp_path / "site"
    directory.mkdir()
    monkeypatch.setattr(sys, "path", [str(directory)] + sys.path)
    return directory


def test_entry_points_are_cached_until_the_installed_distributions_change(tmp_path, site, monkeypatch):
    scans: list[int] = []
    found = [("one", "pkg_one", "pkg-one", "1.0")]

    def scan():
        scans.append(1)
        return list(found)

    monkeypatch.setattr(discovery, "_scan_entry_points", scan)
    environ = _environ(tmp_path)
    first = discovery.entry_point_sources(environ)
    again = discovery.entry_point_sources(environ)
    assert [(s.name, s.module) for s in first] == [(s.name, s.module) for s in again] == [("one", "pkg_one")]
    assert again[0].origin == "entry point 'one = pkg_one' of pkg-one 1.0"
    assert len(scans) == 1, "the second start reads the cache"

    (site / "pkg_two-2.0.dist-info").mkdir()
    (site / "pkg_two-2.0.dist-info" / "entry_points.txt").write_text("[pwshlike]\ntwo = pkg_two\n")
    found.append(("two", "pkg_two", "pkg-two", "2.0"))
    assert [s.name for s in discovery.entry_point_sources(environ)] == ["one", "two"]
    assert len(scans) == 2, "installing a distribution invalidates the cache"

    (site / "pkg_two-2.0.dist-info" / "entry_points.txt").write_text("[pwshlike]\n")
    found.pop()
    stat = os.stat(site / "pkg_two-2.0.dist-info" / "entry_points.txt")
    os.utime(site / "pkg_two-2.0.dist-info" / "entry_points.txt", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert [s.name for s in discovery.entry_point_sources(environ)] == ["one"]
    assert len(scans) == 3, "editing entry_points.txt invalidates the cache"


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    scans: list[int] = []
    monkeypatch.setattr(discovery, "_scan_entry_points", lambda: scans.append(1) or [])
    environ = _environ(tmp_path, PWSHLIKE_PLUGIN_CACHE="0")
    discovery.entry_point_sources(environ)
    discovery.entry_point_sources(environ)
    assert len(scans) == 2
    assert not (tmp_path / "cache").exists()


def test_a_damaged_cache_file_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setattr(discovery, "_scan_entry_points", lambda: [("x", "pkg_x", "x", "1")])
    environ = _environ(tmp_path)
    discovery.entry_point_sources(environ)
    [cache] = list((tmp_path / "cache" / "pwshlike").iterdir())
    cache.write_text(cache.read_text().replace("\tpkg_x\t", "\t"))
    assert [s.module for s in discovery.entry_point_sources(environ)] == ["pkg_x"]


def test_the_real_entry_points_include_the_bundled_plugins(tmp_path):
    names = {s.name: s.module for s in discovery.entry_point_sources(_environ(tmp_path))}
    assert names["partnercenter"] == "pwshlike_partnercenter"
    assert names["msgraph"] == "pwshlike_msgraph"


def test_user_plugin_directory_holds_modules_and_packages(tmp_path):
    directory = tmp_path / "plugins"
    (directory / "pkgplugin").mkdir(parents=True)
    (directory / "pkgplugin" / "__init__.py").write_text("")
    (directory / "single.py").write_text("")
    (directory / "_private.py").write_text("")
    (directory / "notes.txt").write_text("")
    (directory / "notapackage").mkdir()
    sources = discovery.user_dir_sources(str(directory))
    assert [(s.name, s.module) for s in sources] == [("pkgplugin", "pkgplugin"), ("single", "single")]


def test_the_user_plugin_directory_follows_xdg_data_home(tmp_path, monkeypatch):
    assert discovery.user_plugin_dir({"XDG_DATA_HOME": "/data"}) == "/data/pwshlike/plugins"
    monkeypatch.setenv("HOME", str(tmp_path))
    assert discovery.user_plugin_dir({}) == str(tmp_path / ".local" / "share" / "pwshlike" / "plugins")
    assert discovery.user_plugin_dir({"XDG_DATA_HOME": "relative"}).startswith(str(tmp_path))


def test_settings_from_the_environment():
    assert discovery.autoload_enabled({})
    assert not discovery.autoload_enabled({"PWSHLIKE_DISABLE_PLUGIN_AUTOLOAD": "1"})
    assert discovery.blocked_names({"PWSHLIKE_BLOCK_PLUGINS": "a, b;c"}) == {"a", "b", "c"}


def test_the_cache_hits_when_sys_path_0_is_another_folder_without_distributions(tmp_path, site, monkeypatch):
    """sys.path[0] is the script's folder (or the working directory): starting
    from another folder reads the same cache instead of scanning again."""
    scans: list[int] = []
    monkeypatch.setattr(discovery, "_scan_entry_points", lambda: scans.append(1) or [("one", "pkg_one", "p", "1")])
    (site / "pkg_one-1.0.dist-info").mkdir()
    environ = _environ(tmp_path)
    rest = list(sys.path)
    for folder in ("first", "second", "third"):
        (tmp_path / folder).mkdir()
        monkeypatch.setattr(sys, "path", [str(tmp_path / folder)] + rest)
        assert [s.name for s in discovery.entry_point_sources(environ)] == ["one"]
    monkeypatch.chdir(tmp_path / "first")
    monkeypatch.setattr(sys, "path", [""] + rest)
    discovery.entry_point_sources(environ)
    assert len(scans) == 1, "a folder without distributions does not change the fingerprint"

    (tmp_path / "third" / "pkg_three-3.0.dist-info").mkdir()
    monkeypatch.setattr(sys, "path", [str(tmp_path / "third")] + rest)
    discovery.entry_point_sources(environ)
    assert len(scans) == 2, "a folder that holds a distribution counts"
    monkeypatch.setattr(sys, "path", [str(tmp_path / "second")] + rest)
    discovery.entry_point_sources(environ)
    assert len(scans) == 2, "each set of distribution folders keeps its own cache file"
    assert len(list((tmp_path / "cache" / "pwshlike").iterdir())) == 2


def test_the_fingerprint_names_only_folders_with_distributions(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "site" / "a-1.dist-info").mkdir(parents=True)
    (tmp_path / "site" / "a-1.dist-info" / "entry_points.txt").write_text("")
    (tmp_path / "site" / "module.py").write_text("")
    text = discovery.distributions_fingerprint([str(tmp_path / "empty"), str(tmp_path / "missing"),
                                                str(tmp_path / "site")])
    assert text.startswith(str(tmp_path / "site") + "|a-1.dist-info@")
    assert str(tmp_path / "empty") not in text
