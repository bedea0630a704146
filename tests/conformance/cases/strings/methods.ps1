$s = 'Hello World'
$s.Length
$s.ToUpper()
$s.ToLower()
$s.Substring(6)
$s.Substring(0, 5)
$s.IndexOf('o')
$s.LastIndexOf('o')
$s.IndexOf('z')
$s.Replace('World', 'There')
$s.Contains('World')
$s.Contains('world')
$s.StartsWith('Hell')
$s.EndsWith('d')
$s.Split(' ')[1]
'  pad  '.Trim()
'xxhixx'.Trim('x')
'  left'.TrimStart()
'right  '.TrimEnd() + '|'
'a,b,,c'.Split(',').Count
'abc'.PadLeft(5, '*')
'abc'.PadRight(5, '-') + '|'
$s[0]
$s[-1]
'abc'.ToCharArray().Count
[string]::Join('-', @('a', 'b'))
'Hello'.Insert(5, '!')
'Hello'.Remove(1, 3)
$s.Equals('hello world')
'abc'.CompareTo('abd')
[string]::IsNullOrEmpty('')
[string]::IsNullOrEmpty($null)
[string]::IsNullOrWhiteSpace('  ')
[string]::Concat('a', 'b', 'c')
[string]::new('z', 3)
[string]::Empty.Length
