function F { try { 'try'; return 'ret' } finally { 'finally' } }
F
try { 'body' } finally { 'cleanup' }
try { try { throw 'inner' } finally { 'inner finally' } } catch { "outer caught $_" }
foreach ($i in 1..3) { try { if ($i -eq 2) { break }; "i=$i" } finally { "finally $i" } }
foreach ($i in 1..2) { try { continue } finally { "finally on continue $i" } }
try { throw 'x' } catch { 'catch' } finally { 'finally after catch' }
