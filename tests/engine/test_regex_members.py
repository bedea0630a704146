"""``[regex]``'s statics and members as scripts use them: a script block
as MatchEvaluator (the Match is its argument), the timeout overloads and
MatchTimeout, Count, the group-number helpers, Unescape's character
escapes, and .NET's RegexParseError messages for a bad pattern."""

from __future__ import annotations

from helpers.session import Shell


def test_match_evaluator_from_script_block():
    shell = Shell()
    script = """
    [regex]::Replace('a1b2', '\\d', { param($m) [int]$m.Value * 2 })
    [regex]::Replace('a1b2', '\\d', [System.Text.RegularExpressions.MatchEvaluator]{ "<$($args[0].Value)>" })
    ([regex]'\\d').Replace('x5y6', { param($m) 'n' }, 1)
    ([regex]'\\d').Replace('1234', 'x', 2, 1)
    """
    assert shell.text(script) == ["a2b4", "a<1>b<2>", "xny6", "1xx4"]


def test_timeouts_count_and_groups():
    shell = Shell()
    script = """
    [regex]::Match('aaaa', 'A+', 'IgnoreCase', [timespan]::FromSeconds(1)).Length
    [regex]::IsMatch('abc', 'B', 'IgnoreCase', [timespan]::FromSeconds(1))
    $r = [regex]::new('(?<y>\\d{4})-(\\d\\d)', 'None', [timespan]::FromMilliseconds(250))
    $r.MatchTimeout.TotalMilliseconds; ([regex]'x').MatchTimeout -eq [regex]::InfiniteMatchTimeout
    $r.GetGroupNumbers() -join ','; $r.GroupNameFromNumber(2); $r.GroupNumberFromName('y'); $r.GroupNumberFromName('no')
    [regex]::Count('a1b22c333', '\\d+'); $r.RightToLeft; [regex]::CacheSize
    try { [regex]::new('x', 'None', [timespan]::Zero) } catch { $_.Exception.InnerException.GetType().Name }
    """
    assert shell.text(script) == ["4", "True", "250", "True", "0,1,2", "y", "2", "-1", "3", "False", "15",
                                  "ArgumentOutOfRangeException"]


def test_unescape():
    shell = Shell()
    assert shell.text("[regex]::Unescape('a\\.b\\u0041\\x42\\t|\\101')") == ["a.bAB\t|A"]


def test_invalid_pattern_messages_are_dotnets():
    shell = Shell()
    script = """
    foreach ($p in '(', 'a)', '*a', '[a', 'a\\') {
        try { [regex]::Match('x', $p) } catch { $_.Exception.InnerException.Message }
    }
    """
    assert shell.text(script) == [
        "Invalid pattern '(' at offset 1. Not enough )'s.",
        "Invalid pattern 'a)' at offset 2. Too many )'s.",
        "Invalid pattern '*a' at offset 1. Quantifier '*' following nothing.",
        "Invalid pattern '[a' at offset 2. Unterminated [] set.",
        "Invalid pattern 'a\\' at offset 2. Illegal \\ at end of pattern.",
    ]
