$sb = { param($x) $x * 2 }
& $sb 21
$sb.Invoke(5)
$sb2 = { "args: $($args -join ',')" }
& $sb2 1 2
$greeting = 'hi'
$sb3 = { $greeting }
& $sb3
$sb4 = { $local = 'set' }
& $sb4
$null -eq $local
. $sb4
$local
$sb.GetType().Name
$sb5 = { 1; 2; 3 }
(& $sb5).Count
"[" + { 'x' }.ToString() + "]"
(1..3 | & { process { $_ * 3 } }) -join ','
$named = { param($First, $Second) "$First/$Second" }
& $named -Second b -First a
$cmd = 'Write-Output'
& $cmd 'via string name'
$block = [scriptblock]::Create('1 + 41')
& $block
