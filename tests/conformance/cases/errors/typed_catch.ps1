try { throw [System.ArgumentException]::new('bad arg') } catch [System.ArgumentException] { "arg: $($_.Exception.Message)" } catch { 'generic' }
try { throw [System.ArgumentException]::new('bad arg') } catch { $_.Exception.GetType().FullName }
try { throw [System.ArgumentNullException]::new('p') } catch [System.ArgumentException] { 'base class matched' }
try { throw [System.InvalidOperationException]::new('nope') } catch [System.ArgumentException] { 'wrong' } catch [System.InvalidOperationException] { 'invalid op' }
try { throw [System.IO.FileNotFoundException]::new('nf') } catch [System.ArgumentException], [System.IO.IOException] { 'multi-type catch' }
try { throw [System.InvalidOperationException]::new('nope') } catch [System.ArgumentException] { 'wrong' } catch { "fallback: $($_.Exception.GetType().Name)" }
try { [int]::Parse('x') } catch [System.FormatException] { 'format exception' }
try { [int]::Parse('x') } catch [System.Management.Automation.MethodInvocationException] { 'method invocation' }
try { throw 'plain' } catch [System.Management.Automation.RuntimeException] { 'runtime exception' }
try { throw 'plain' } catch [System.Exception] { 'System.Exception catches everything' }
$e = [System.Exception]::new('custom')
try { throw $e } catch { $_.Exception.Message }
