function Get-Upper {
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)] [string]$Text)
    process { $Text.ToUpper() }
}
'a', 'b' | Get-Upper
Get-Upper -Text 'c'
function Get-Name {
    [CmdletBinding()]
    param([Parameter(ValueFromPipelineByPropertyName)] $Name)
    process { "name=$Name" }
}
[pscustomobject]@{ Name = 'n1' }, [pscustomobject]@{ Name = 'n2' } | Get-Name
function Collect {
    param([Parameter(ValueFromPipeline)] $Item)
    begin { $all = @() }
    process { $all += $Item }
    end { "collected $($all.Count): $($all -join ',')" }
}
1..4 | Collect
