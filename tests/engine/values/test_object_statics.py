"""``[object]::ReferenceEquals`` and ``[object]::Equals``, the static
methods every .NET type inherits from System.Object."""

from __future__ import annotations

import pytest

from helpers.session import Shell as Session


@pytest.fixture
def s() -> Session:
    return Session()


def test_reference_equals_is_identity(s: Session) -> None:
    script = ("$a = @(1); $b = $a; $c = @(1); [object]::ReferenceEquals($a, $b); "
              "[object]::ReferenceEquals($a, $c); [object]::ReferenceEquals($null, $null); "
              "[object]::ReferenceEquals($a, $null)")
    assert s.run(script) == [True, False, True, False]


def test_reference_equals_never_holds_for_value_types(s: Session) -> None:
    # .NET boxes each value-type argument on its own.
    assert s.run("$n = 5; [object]::ReferenceEquals($n, $n)") == [False]


def test_static_equals_uses_the_type_s_equality(s: Session) -> None:
    assert s.run("[object]::Equals(1, 1); [object]::Equals('a', 'A'); [object]::Equals($null, $null); "
                 "[object]::Equals(1, $null)") == [True, False, True, False]


def test_wrong_argument_count_is_a_method_error(s: Session) -> None:
    assert s.run("try { [object]::ReferenceEquals(1) } catch { $_.FullyQualifiedErrorId }") == [
        "MethodCountCouldNotFindBest"]
