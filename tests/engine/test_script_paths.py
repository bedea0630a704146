"""$PSScriptRoot, $PSCommandPath and $MyInvocation's paths wherever pwsh
sets them: -File scripts, param defaults, dot-sourced and called scripts,
functions defined in scripts, modules and script blocks; empty at the
prompt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def pwsh(*args: str, cwd: Path) -> str:
    result = subprocess.run([sys.executable, "-m", "pwshlike", "-NoProfile", *args], capture_output=True,
                            text=True, timeout=60, cwd=cwd)
    assert result.stderr == ""
    return result.stdout


def test_paths_in_scripts_functions_and_modules(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "lib.ps1").write_text(
        '"lib $PSScriptRoot|$PSCommandPath|$($MyInvocation.MyCommand.Path)|$($MyInvocation.PSCommandPath)"\n'
        'function LibFn { "libfn $PSCommandPath|$($MyInvocation.ScriptName)|$($MyInvocation.PSScriptRoot)" }\n')
    (tmp_path / "sub" / "mod.psm1").write_text(
        '$script:loaded = "load $PSScriptRoot|$PSCommandPath"\n'
        'function ModFn { "modfn $PSCommandPath"; $script:loaded }\n')
    (tmp_path / "main.ps1").write_text(
        'param($Root = $PSScriptRoot, $Path = $PSCommandPath)\n'
        '"main $PSScriptRoot|$PSCommandPath|$($MyInvocation.MyCommand.Path)|$Root|$Path"\n'
        '. ./sub/lib.ps1\n'
        'LibFn\n'
        '& ./sub/lib.ps1\n'
        'Import-Module ./sub/mod.psm1\n'
        'ModFn\n'
        '& { "block $PSCommandPath" }\n')
    main, sub = tmp_path / "main.ps1", tmp_path / "sub"
    assert pwsh("-File", str(main), cwd=tmp_path).split("\n") == [
        f"main {tmp_path}|{main}|{main}|{tmp_path}|{main}",
        f"lib {sub}|{sub}/lib.ps1|{sub}/lib.ps1|{main}",
        f"libfn {sub}/lib.ps1|{main}|{tmp_path}",
        f"lib {sub}|{sub}/lib.ps1|{sub}/lib.ps1|{main}",
        f"modfn {sub}/mod.psm1",
        f"load {sub}|{sub}/mod.psm1",
        f"block {main}",
        "",
    ]


def test_empty_at_the_prompt(tmp_path: Path) -> None:
    (tmp_path / "lib.ps1").write_text('function LibFn { "[$($MyInvocation.PSCommandPath)][$($MyInvocation.ScriptName)]" }\n')
    out = pwsh("-Command", '"[$PSScriptRoot][$PSCommandPath][$($MyInvocation.MyCommand.Path)]"; . ./lib.ps1; LibFn',
               cwd=tmp_path)
    assert out == "[][][]\n[][]\n"


def test_external_script_info_path_and_source(tmp_path: Path) -> None:
    script = tmp_path / "s.ps1"
    script.write_text("'x'\n")
    out = pwsh("-Command", f"$c = Get-Command '{script}'; $c.Path; $c.Source; $c.Definition", cwd=tmp_path)
    assert out == f"{script}\n{script}\n{script}\n"
