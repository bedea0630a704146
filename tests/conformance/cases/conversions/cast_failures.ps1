try { [int]'abc' } catch { $_.Exception.Message -like 'Cannot convert value "abc" to type "System.Int32".*' }
try { [NoSuchTypeXyz]'x' } catch { $_.Exception.Message; $_.FullyQualifiedErrorId; [string]$_.CategoryInfo.Category }
$r = try { [datetime]'not a date' } catch { 'bad date' }
$r
