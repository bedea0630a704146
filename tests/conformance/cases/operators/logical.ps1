$true -and $true
$true -and $false
$false -or $true
$false -or $false
$true -xor $false
$true -xor $true
-not $true
!$false
!0
-not ''
-not 'x'
(1 -eq 1) -and (2 -eq 2)
$script:called = $false
function Side { $script:called = $true; $true }
$null = $false -and (Side)
$script:called
$null = $true -or (Side)
$script:called
$null = $true -and (Side)
$script:called
