$b = 1 + `
  2
$b
$c = 1 +
  2
$c
$arr = 1, 2,
  3
$arr.Count
$d = 'b'
  | ForEach-Object { $_ + '!' }
$d
$e = 'x' |
  ForEach-Object { $_.ToUpper() }
$e
Write-Output <# inline comment #> 'y'
# whole-line comment
<#
block comment
'not executed'
#>
'a' –eq 'a'
$f = @(
    'one'
    'two'
)
$f.Count
$h = @{
    a = 1
    b = 2
}
$h.Count
$g = 1; $g += 1; $g
