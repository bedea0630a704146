try { try { throw 'x' } catch { 'first'; throw } } catch { "second: $($_.Exception.Message)" }
try { try { throw 'orig' } catch { throw "wrapped: $($_.Exception.Message)" } } catch { $_.Exception.Message }
function Inner { throw 'from inner' }
function Outer { try { Inner } catch { "outer handled: $_" } }
Outer
try {
    try { throw [System.ArgumentException]::new('a') } catch [System.InvalidOperationException] { 'wrong' }
} catch [System.ArgumentException] { 'propagated to outer' }
function Deep3 { throw 'deep' }
function Deep2 { Deep3; 'not reached 2' }
function Deep1 { Deep2; 'not reached 1' }
try { Deep1 } catch { "caught from depth: $_" }
