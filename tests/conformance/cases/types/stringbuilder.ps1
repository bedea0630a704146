$sb = [System.Text.StringBuilder]::new()
[void]$sb.Append('a')
[void]$sb.Append('b').Append('c')
$sb.ToString()
$sb.Length
$null = $sb.Insert(0, '>')
"$sb"
$sb2 = New-Object System.Text.StringBuilder 'init'
$sb2.ToString()
$sb3 = [System.Text.StringBuilder]::new('x')
$null = $sb3.AppendFormat('{0}-{1}', 1, 2)
$sb3.ToString()
$sb4 = New-Object -TypeName System.Text.StringBuilder
$null = $sb4.Append(42)
$sb4.ToString()
