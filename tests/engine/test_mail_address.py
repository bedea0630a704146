"""``[mailaddress]`` (System.Net.Mail.MailAddress): a bare address or
``Name <address>`` split into DisplayName, User, Host and Address,
printed as .NET prints it, compared ignoring case, and refused with
.NET's messages."""

from __future__ import annotations

from helpers.session import Shell


def test_parts_and_printing():
    script = """
    $m = [mailaddress]'Jane Doe <jane.doe@example.com>'
    $m.DisplayName; $m.User; $m.Host; $m.Address; "$m"
    "$([mailaddress]'bob@example.org')"; ([mailaddress]'bob@example.org').DisplayName -eq ''
    "$([mailaddress]::new('a@b.c', 'Al'))"
    ([System.Net.Mail.MailAddress]'"Q R" <q@r.s>').DisplayName
    [mailaddress]'A@B.c' -eq [mailaddress]'a@b.C'
    """
    assert Shell().text(script) == ["Jane Doe", "jane.doe", "example.com", "jane.doe@example.com",
                                    '"Jane Doe" <jane.doe@example.com>', "bob@example.org", "True", '"Al" <a@b.c>',
                                    "Q R", "True"]


def test_errors():
    script = """
    try { [mailaddress]'not-an-address' } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
    try { [mailaddress]::new('') } catch { $_.Exception.InnerException.Message }
    """
    assert Shell().text(script) == [
        "InvalidCastConstructorException",
        'Cannot convert value "not-an-address" to type "System.Net.Mail.MailAddress". Error: "The specified string '
        'is not in the form required for an e-mail address."',
        "The parameter 'address' cannot be an empty string. (Parameter 'address')"]
