$a = 4
Write-Output 2+2
Write-Output (2+2)
Write-Output $a+2
Write-Output a$a
Write-Output a'$a'
Write-Output a"$a"
Write-Output a$(2)
Write-Output !1
Write-Output (!1)
Write-Output -- -InputObject
Write-Output -5
(Write-Output 12).GetType().Name
(Write-Output '12').GetType().Name
(Write-Output 1.5).GetType().Name
(Write-Output abc).GetType().Name
Write-Output `$HOME
Write-Output "a b" c
Write-Output a,b
Write-Output $a.GetType().Name
Write-Output "$a-x"
