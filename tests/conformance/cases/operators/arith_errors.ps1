try { 16 + "file" } catch { $_.Exception.Message -like 'Cannot convert value "file" to type "System.Int32".*' }
try { [int]'abc' } catch { $_.FullyQualifiedErrorId; [string]$_.CategoryInfo.Category }
$zero = 0
try { 1 / $zero } catch { $_.Exception.Message }
try { 1 / $zero } catch [System.DivideByZeroException] { 'caught DivideByZeroException' }
try { @{a = 1} + 2 } catch { $_.Exception.Message }
