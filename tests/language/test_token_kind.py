"""``TokenKind`` is built with the standard library's fast enum builder
(``enum._simple_enum``, as re and http build theirs): it must be the same
IntEnum the ordinary class statement makes, member for member."""

from __future__ import annotations

import enum
import pickle

from pwshlike.language import TokenKind, parse_input, tokens


def _ordinary() -> type[enum.IntEnum]:
    return enum.IntEnum("TokenKind", [(member.name, member.value) for member in TokenKind])


def test_the_same_members_in_the_same_order_with_pwsh_values():
    ordinary = _ordinary()
    assert [(m.name, m.value) for m in TokenKind] == [(m.name, m.value) for m in ordinary]
    assert list(TokenKind.__members__) == list(ordinary.__members__)
    assert len(TokenKind) == 158 and TokenKind.Unknown == 0 and TokenKind.Plus == 40 and TokenKind.Clean == 170


def test_an_int_enum_in_every_way_scripts_and_code_use_it():
    ordinary = _ordinary()
    assert issubclass(TokenKind, enum.IntEnum) and type(TokenKind) is type(ordinary)
    assert TokenKind is tokens.TokenKind
    assert TokenKind.__name__ == TokenKind.__qualname__ == "TokenKind"
    assert TokenKind.__module__ == "pwshlike.language.tokens" and "TokenKind" in TokenKind.__doc__
    for member in (TokenKind.Unknown, TokenKind.Plus, TokenKind.Clean):
        twin = ordinary[member.name]
        assert TokenKind(member.value) is member and TokenKind[member.name] is member
        assert (str(member), format(member), f"{member:>4}", int(member)) == (str(twin), format(twin), f"{twin:>4}",
                                                                            int(twin))
        assert repr(member) == repr(twin) and member == twin.value and hash(member) == hash(twin)
        assert pickle.loads(pickle.dumps(member)) is member


def test_tokens_carry_the_kinds():
    kinds = [token.kind for token in parse_input("$a = 1 + 2").tokens]
    assert kinds == [TokenKind.Variable, TokenKind.Equals, TokenKind.Number, TokenKind.Plus, TokenKind.Number,
                     TokenKind.EndOfInput]
    assert all(type(kind) is TokenKind for kind in kinds)
