"""Get-Content -Wait follows a growing file as ``tail -f`` does and returns
once the pipeline downstream has what it asked for."""

from __future__ import annotations

import threading
import time

from helpers.session import Shell


def _append_later(path, chunks: list[bytes]) -> threading.Thread:
    def writer() -> None:
        for chunk in chunks:
            time.sleep(0.3)
            with open(path, "ab") as handle:
                handle.write(chunk)
    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    return thread


def test_wait_returns_once_enough_lines_were_appended(tmp_path):
    log = tmp_path / "app.log"
    log.write_bytes(b"one\ntwo\n")
    shell = Shell(location=str(tmp_path))
    writer = _append_later(log, [b"three\n", b"four\nfive\n"])
    started = time.monotonic()
    assert shell.text("Get-Content app.log -Wait | Select-Object -First 4") == ["one", "two", "three", "four"]
    assert time.monotonic() - started < 5
    writer.join()


def test_wait_with_tail_starts_from_the_last_lines(tmp_path):
    log = tmp_path / "app.log"
    log.write_bytes(b"a\nb\nc\n")
    shell = Shell(location=str(tmp_path))
    writer = _append_later(log, [b"d\n"])
    assert shell.text("Get-Content app.log -Wait -Tail 1 | Select-Object -First 2") == ["c", "d"]
    writer.join()


def test_wait_with_tail_zero_outputs_only_appended_lines(tmp_path):
    log = tmp_path / "app.log"
    log.write_bytes(b"a\nb\n")
    shell = Shell(location=str(tmp_path))
    writer = _append_later(log, [b"c\n"])
    assert shell.text("Get-Content app.log -Wait -Tail 0 | Select-Object -First 1") == ["c"]
    writer.join()


def test_wait_after_a_roll_over_reads_the_new_file_from_its_start(tmp_path):
    log = tmp_path / "app.log"
    log.write_bytes(b"old line one\nold line two\n")
    shell = Shell(location=str(tmp_path))

    def roll() -> None:
        time.sleep(0.3)
        log.write_bytes(b"new\n")
    thread = threading.Thread(target=roll, daemon=True)
    thread.start()
    assert shell.text("Get-Content app.log -Wait | Select-Object -First 3") == ["old line one", "old line two", "new"]
    thread.join()


def test_wait_with_total_count_stops_after_the_count(tmp_path):
    (tmp_path / "f.txt").write_bytes(b"1\n2\n3\n")
    shell = Shell(location=str(tmp_path))
    assert shell.text("Get-Content f.txt -Wait -TotalCount 2") == ["1", "2"]


def test_raw_and_wait_cannot_be_combined(tmp_path):
    (tmp_path / "f.txt").write_bytes(b"1\n")
    shell = Shell(location=str(tmp_path))
    shell.run("Get-Content f.txt -Raw -Wait 2>$null")
    assert shell.text("$Error[0].Exception.Message") == [
        "The 'Raw' and 'Wait' parameters cannot be specified in the same command."]
