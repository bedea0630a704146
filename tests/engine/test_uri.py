"""``[uri]`` (System.Uri): parts in .NET's escaped form, ToString's
unescaped one, relative URIs and resolution, the static helpers, and
``[System.Web.HttpUtility]::ParseQueryString``'s NameValueCollection."""

from __future__ import annotations

from helpers.session import Shell


def test_parts_of_an_absolute_uri():
    shell = Shell()
    script = """
    $u = [uri]'https://user:pw@Example.com:8443/a/b c/../d.txt?x=1&y=2#frag'
    $u.AbsoluteUri; $u.Host; $u.Port; $u.Scheme; $u.AbsolutePath; $u.LocalPath; $u.Query; $u.Fragment
    $u.Segments -join '|'; $u.UserInfo; $u.Authority; $u.IsDefaultPort; $u.HostNameType; "$u"
    """
    assert shell.text(script) == [
        "https://user:pw@example.com:8443/a/d.txt?x=1&y=2#frag", "example.com", "8443", "https", "/a/d.txt",
        "/a/d.txt", "?x=1&y=2", "#frag", "/|a/|d.txt", "user:pw", "example.com:8443", "False", "Dns",
        "https://user:pw@example.com:8443/a/d.txt?x=1&y=2#frag"]


def test_escaped_and_unescaped_forms_and_file_paths():
    shell = Shell()
    script = """
    $u = [uri]'http://x.com/a b'
    $u.AbsoluteUri; $u.ToString(); $u.Port
    $f = [uri]'/tmp/my file'
    $f.AbsoluteUri; $f.LocalPath; $f.IsFile; "$f"
    """
    assert shell.text(script) == ["http://x.com/a%20b", "http://x.com/a b", "80", "file:///tmp/my%20file",
                                  "/tmp/my file", "True", "/tmp/my file"]


def test_relative_uris_and_resolution():
    shell = Shell()
    script = """
    $base = [uri]'http://x.com/a/b/c'
    [uri]::new($base, '../d?q=1').AbsoluteUri
    [uri]::new($base, '/root').AbsoluteUri
    $rel = [uri]'docs/readme'
    $rel.IsAbsoluteUri; "$rel"
    try { $rel.Host } catch { $_.Exception.InnerException.GetType().FullName }
    ([uri]'http://x.com/a/b').MakeRelativeUri([uri]'http://x.com/a/c/d').ToString()
    """
    assert shell.text(script) == ["http://x.com/a/d?q=1", "http://x.com/root", "False", "docs/readme",
                                  "System.InvalidOperationException", "c/d"]


def test_static_helpers():
    shell = Shell()
    script = """
    [uri]::EscapeDataString('a b/c?d=é&e')
    [uri]::UnescapeDataString('a%20b%2Fc%C3%A9')
    [uri]::EscapeUriString('http://x/a b?c=d')
    $r = $null
    [uri]::TryCreate('http://x.com/p', [UriKind]::Absolute, [ref]$r); $r.Host
    [uri]::TryCreate('not a uri', 'Absolute', [ref]$r); $null -eq $r
    [uri]::IsWellFormedUriString('http://x.com/a b', 'Absolute')
    [uri]::IsWellFormedUriString('http://x.com/a', 'Absolute')
    [uri]::UriSchemeHttps
    """
    assert shell.text(script) == ["a%20b%2Fc%3Fd%3D%C3%A9%26e", "a b/cé", "http://x/a%20b?c=d", "True", "x.com",
                                  "False", "True", "False", "True", "https"]


def test_bad_uri_cast_and_constructor():
    shell = Shell()
    shell.run("""
    try { [uri]'http://' } catch { $cast = $_ }
    try { [uri]::new('relative') } catch { $ctor = $_ }
    """)
    cast = shell.context.get_variable_value("cast")
    ctor = shell.context.get_variable_value("ctor")
    assert cast.fully_qualified_error_id == "InvalidCastFromStringToUri"
    assert str(cast.exception.message) == ('Cannot convert value "http://" to type "System.Uri". Error: '
                                           '"Invalid URI: The hostname could not be parsed."')
    assert ctor.exception.inner_exception.message == "Invalid URI: The format of the URI could not be determined."


def test_format_list_follows_dotnet_property_order():
    shell = Shell()
    text = "\n".join(shell.text("[uri]'https://www.example.org' | Format-List | Out-String"))
    names = [line.split(":")[0].strip() for line in text.splitlines() if " : " in line]
    assert names[:6] == ["AbsolutePath", "AbsoluteUri", "LocalPath", "Authority", "HostNameType", "IsDefaultPort"]
    assert names[-3:] == ["IsAbsoluteUri", "UserEscaped", "UserInfo"]


def test_parse_query_string():
    shell = Shell()
    script = """
    $q = [System.Web.HttpUtility]::ParseQueryString('?a=1&b=x%20y&A=3')
    $q['b']; $q['a']; $q.Count; $q.AllKeys -join ','; $q.GetValues('a') -join '|'
    $q.ToString(); $q.GetType().FullName
    $q.Set('b', 'z&w'); $q.Add('c', '1'); $q.ToString()
    @($q).Count
    [System.Net.WebUtility]::UrlEncode('a b&é'); [System.Web.HttpUtility]::UrlEncode('a b&é')
    [System.Net.WebUtility]::UrlDecode('a+b%26c')
    """
    assert shell.text(script) == ["x y", "1,3", "2", "a,b", "1|3", "a=1&a=3&b=x+y",
                                  "System.Web.HttpUtility+HttpQSCollection", "a=1&a=3&b=z%26w&c=1", "3",
                                  "a+b%26%C3%A9", "a+b%26%c3%a9", "a b&c"]
