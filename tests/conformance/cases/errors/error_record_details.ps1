try {
    throw 'on line two'
} catch {
    $_.InvocationInfo.ScriptLineNumber
}
try { throw 42 } catch { $_.Exception.Message; $_.TargetObject }
try { Write-Error -Message 'msg' -TargetObject 'tgt' -ErrorAction Stop } catch { $_.TargetObject }
$er = [System.Management.Automation.ErrorRecord]::new([System.Exception]::new('made'), 'MyErrorId', 'InvalidData', 'target')
$er.FullyQualifiedErrorId
[string]$er.CategoryInfo.Category
$er.Exception.Message
