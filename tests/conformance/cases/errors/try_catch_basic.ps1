try { throw 'boom' } catch { $_.Exception.Message; $_.FullyQualifiedErrorId; $_.Exception.GetType().FullName; [string]$_.CategoryInfo.Category }
try { throw 'boom' } catch { "$_" }
try { throw 'boom' } catch { $_ -is [System.Management.Automation.ErrorRecord] }
try { throw 'boom' } catch { $PSItem.ToString() }
try { throw } catch { $_.Exception.Message }
try { 'no error' } catch { 'not run' }
$r = try { throw 'x' } catch { 'value from catch' }
$r
