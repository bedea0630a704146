function Show-Params { param($Name, $Count, [switch]$Loud) "Name=$Name Count=$Count Loud=$($Loud.IsPresent)" }
$h = @{ Name = 'n'; Count = 2 }
Show-Params @h
$h2 = @{ Name = 'x'; Loud = $true }
Show-Params @h2
$arr = 'p', 5
Show-Params @arr
Show-Params @h -Count 9
Show-Params -Loud @h
function Test1 { param($a, $b, $c) "a = $a"; "b = $b"; "c = $c" }
function Test2 {
    param($a, $b, $c)
    Test1 @PSBoundParameters
    Test1 -b $PSBoundParameters.b -c $PSBoundParameters.c
}
Test2 -a 1 -b 2 -c 3
function Pass-Args { Show-Params @args }
Pass-Args -Name z -Count 1
$o = [ordered]@{ Count = 7; Name = 'ord' }
Show-Params @o
