$h = @{ 'key with space' = 1; 'k' = 'v' }
$h.'key with space'
$prop = 'k'
$h.$prop
$h."$prop"
$s = 'abc'
$m = 'ToUpper'
$s.$m()
$p = [pscustomobject]@{ Inner = [pscustomobject]@{ Value = 'deep' } }
$p.Inner.Value
$p.'Inner'.'Value'
$t = [string]
$t::Empty.Length
[string]::new('q', 2)
('a', 'b').Count
(Get-Variable -Name s).Value.Length
