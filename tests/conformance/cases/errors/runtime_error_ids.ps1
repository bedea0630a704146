try { $null.Foo() } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
try { 'abc'.NoSuch() } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
try { [math]::NoSuch(1) } catch { $_.Exception.Message }
try { 'abc'.Substring() } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
try { nosuch-command-xyz } catch { $_.FullyQualifiedErrorId; $_.Exception.GetType().FullName; [string]$_.CategoryInfo.Category }
try { nosuch-command-xyz } catch [System.Management.Automation.CommandNotFoundException] { 'command not found' }
try { $a = 1, 2; $a.Add(3) } catch { $_.FullyQualifiedErrorId }
$s = 'x'
try { $s.NoProp = 1 } catch { $_.Exception.Message }
