function Adv {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string]$Name,
        [int]$Count = 1
    )
    "$Name x $Count"
}
Adv -Name a -Count 3
Adv b
Adv -Count 2 -Name c
try { Adv -Name a -Bogus 1 } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
try { Adv a 2 extra } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
try { Adv -Name a -Count notanumber } catch { $_.FullyQualifiedErrorId }
function Pick { param([ValidateSet('red', 'green')] $Color) $Color }
Pick green
Pick RED
try { Pick blue } catch { $_.FullyQualifiedErrorId }
function Bound { param($a, $b) $PSBoundParameters.Count; $PSBoundParameters.ContainsKey('b'); $PSBoundParameters['a'] }
Bound -a 1
function Aliased { param([Alias('N')] $Name) "name=$Name" }
Aliased -N z
