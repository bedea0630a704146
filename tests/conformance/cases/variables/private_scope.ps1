$private:secret = 's'
function Peek { "[$secret]" }
Peek
$secret
function Test-Priv { $private:p = 'P'; "own: $p"; Child }
function Child { "child sees: [$p]" }
Test-Priv
$shared = 'visible'
function Reader { "reader: $shared" }
Reader
