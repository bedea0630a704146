"""Benchmark: parse a generated 10,000-line PowerShell script with pwshlike and with tree-sitter-pwsh.

Usage: ``python bench/parse_bench.py [--lines N] [--runs N] [--write PATH]``

The script is generated deterministically (a fixed seed) from templates that
look like real-world scripts: advanced functions with param blocks and
attributes, pipelines, hashtables, expandable strings, if/foreach/switch/try,
comments and method calls.  Each parser is timed best-of-N; tree-sitter's time
is the C parse only (``parser.parse(bytes)``), pwshlike's is the whole
``parse_input`` (tokens, AST with extents and parent links, error list).
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from pathlib import Path

_VERBS = ["Get", "Set", "New", "Remove", "Invoke", "Test", "Update", "Export", "Import", "Convert"]
_NOUNS = ["Item", "User", "Report", "Config", "Token", "Record", "Session", "Cache", "Entry", "Mailbox"]
_PROPS = ["Name", "Id", "Path", "Count", "Length", "Status", "Value", "Enabled", "Owner", "Created"]
_TYPES = ["string", "int", "switch", "hashtable", "string[]", "datetime", "bool", "object"]


def _function(rng: random.Random, index: int) -> list[str]:
    verb, noun = rng.choice(_VERBS), rng.choice(_NOUNS)
    name = f"{verb}-{noun}{index}"
    p1, p2, p3 = rng.sample(_PROPS, 3)
    t1, t2 = rng.choice(_TYPES), rng.choice(_TYPES)
    lines = [
        "<#",
        f".SYNOPSIS",
        f"    {verb}s the {noun.lower()} number {index}.",
        "#>",
        f"function {name} {{",
        "    [CmdletBinding(SupportsShouldProcess = $true)]",
        "    param(",
        f"        [Parameter(Mandatory, Position = 0, ValueFromPipeline)]",
        f"        [ValidateNotNullOrEmpty()]",
        f"        [{t1}] ${p1},",
        "",
        f"        [Parameter()]",
        f"        [ValidateSet('Low', 'Medium', 'High')]",
        f"        [string] ${p2} = 'Medium',",
        "",
        f"        [{t2}] ${p3}",
        "    )",
        "",
        "    begin {",
        f"        $results = [System.Collections.Generic.List[object]]::new()",
        f"        $count = 0",
        f"        Write-Verbose \"Starting {name} with ${p2} at $(Get-Date -Format 'HH:mm:ss')\"",
        "    }",
        "",
        "    process {",
        f"        # Process each {noun.lower()} from the pipeline",
        f"        foreach ($item in @(${p1})) {{",
        f"            $count++",
        f"            if ($item -is [string] -and $item.Length -gt {rng.randint(1, 99)}) {{",
        f"                $value = $item.Substring(0, {rng.randint(1, 9)}).ToUpper()",
        f"            }} elseif ($null -ne $item.{p3}) {{",
        f"                $value = $item.{p3} | Select-Object -First {rng.randint(1, 5)}",
        "            } else {",
        f"                $value = '{noun}-' + $count.ToString('D4')",
        "            }",
        "",
        "            $entry = [pscustomobject]@{",
        f"                {p1} = $item",
        f"                Index = $count * {rng.randint(2, 16)} + 1",
        f"                Label = \"{noun} #${{count}}: $($value)\"",
        f"                Tags = @('a', 'b', \"c$count\")",
        "            }",
        "            $results.Add($entry)",
        "        }",
        "    }",
        "",
        "    end {",
        f"        switch (${p2}) {{",
        f"            'Low' {{ $limit = {rng.randint(1, 9)}; break }}",
        f"            'High' {{ $limit = {rng.randint(10, 99)} }}",
        "            default { $limit = $results.Count }",
        "        }",
        "        try {",
        f"            $results | Where-Object {{ $_.Index -le $limit }} | Sort-Object -Property {p1} -Descending",
        "        } catch [System.IO.IOException] {",
        "            Write-Warning \"I/O failure: $($_.Exception.Message)\"",
        "        } catch {",
        f"            Write-Error -Message \"{name} failed: $_\" -ErrorAction Continue",
        "        } finally {",
        f"            $null = $results.Clear()",
        "        }",
        "    }",
        "}",
        "",
    ]
    return lines


def _statements(rng: random.Random, index: int) -> list[str]:
    n = rng.randint(1, 100)
    return [
        f"# Section {index}: settings and a loop",
        f"$settings{index} = @{{ Name = 'job{index}'; Retries = {n}; Enabled = $true; Path = \"$env:TEMP\\job{index}.log\" }}",
        f"$items = 1..{n} | ForEach-Object {{ $_ * 2 }} | Where-Object {{ $_ % 3 -eq 0 }}",
        f"for ($i = 0; $i -lt $items.Count; $i += 2) {{ $total += $items[$i] }}",
        f"if (-not (Test-Path -Path $settings{index}.Path)) {{ New-Item -ItemType File -Path $settings{index}.Path -Force | Out-Null }}",
        f"$message = '{{0}} of {{1}} done ({{2:P1}})' -f $i, $items.Count, ($i / [math]::Max(1, $items.Count))",
        f"Get-ChildItem -Path $PSScriptRoot -Filter *.ps1 -Recurse -ErrorAction SilentlyContinue 2>$null | Select-Object -ExpandProperty FullName",
        f"$joined = ($items | ForEach-Object {{ \"[$_]\" }}) -join ', '",
        f"while ($retry -lt $settings{index}.Retries) {{ $retry++; if ($retry -ge 3) {{ break }} }}",
        "",
    ]


def generate_script(lines: int = 10_000, seed: int = 20260521) -> str:
    """A deterministic, realistic script of exactly ``lines`` lines."""
    rng = random.Random(seed)
    out: list[str] = ["#Requires -Version 7.0", "Set-StrictMode -Version Latest", "$ErrorActionPreference = 'Stop'", ""]
    index = 0
    while True:
        index += 1
        block = _function(rng, index) if index % 3 else _statements(rng, index)
        if len(out) + len(block) > lines:
            break
        out.extend(block)
    # Pad with comment lines so every block stays complete.
    out.extend(f"# padding line {n}" for n in range(lines - len(out)))
    return "\n".join(out) + "\n"


def _best_times(runs: int, *fns) -> list[float]:
    """Best wall time of each function over ``runs`` rounds.  The functions
    take turns within a round, so a burst of load on the machine hits both
    sides alike; a result is freed only after its timing stops, and the
    garbage collector starts each timing from a clean slate."""
    best = [float("inf")] * len(fns)
    for _ in range(runs):
        for i, fn in enumerate(fns):
            gc.collect()
            start = time.perf_counter()
            result = fn()
            elapsed = time.perf_counter() - start
            del result
            best[i] = min(best[i], elapsed)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--write", metavar="PATH", help="also write the generated script here")
    args = parser.parse_args(argv)

    text = generate_script(args.lines)
    if args.write:
        Path(args.write).write_text(text, encoding="utf-8")
    data = text.encode("utf-8")

    from pwshlike.language import parse_input

    result = parse_input(text)
    if result.errors:
        first = result.errors[0]
        print(f"warning: {len(result.errors)} parse errors, first: {first.error_id} at "
              f"{first.extent.start_line}:{first.extent.start_column}", file=sys.stderr)
    import tree_sitter
    import tree_sitter_pwsh

    ts_parser = tree_sitter.Parser(tree_sitter.Language(tree_sitter_pwsh.language()))
    ours, theirs = _best_times(args.runs, lambda: parse_input(text), lambda: ts_parser.parse(data))

    print(f"script: {args.lines} lines, {len(data) / 1024:.0f} KiB, {len(result.tokens)} tokens")
    print(f"pwshlike parse_input:  {ours * 1000:8.1f} ms")
    print(f"tree-sitter-pwsh:      {theirs * 1000:8.1f} ms")
    print(f"ratio:                 {ours / theirs:8.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
