function D { param($a = 2, $b = $a * 3) $b }
D
D -a 5
D -b 1
function Now { param($stamp = (Get-Variable -Name PID -ValueOnly)) $stamp -eq $PID }
Now
function WithScript { param($x = $script:fromScript) $x }
$script:fromScript = 'script default'
WithScript
