$ErrorActionPreference = 'Stop'
try { Write-Error 'werr'; 'not here' } catch { "caught: $($_.Exception.Message)" }
$ErrorActionPreference = 'Continue'
function NT { Write-Error 'nt' -ErrorAction SilentlyContinue; 'continued' }
NT
try { Write-Error 'x' -ErrorAction Stop; 'no' } catch { 'stopped by -ErrorAction' }
$ErrorActionPreference = 'SilentlyContinue'
Write-Error 'hidden'
'after hidden'
$ErrorActionPreference = 'Continue'
try { Write-Error -Message 'cat' -Category InvalidData -ErrorAction Stop } catch { [string]$_.CategoryInfo.Category }
function Adv { [CmdletBinding()] param() Write-Error 'adv error'; 'adv continues' }
try { Adv -ErrorAction Stop } catch { "adv stopped: $($_.Exception.Message)" }
Adv -ErrorAction SilentlyContinue
function Scoped { $ErrorActionPreference = 'Stop'; Write-Error 'scoped'; 'not reached' }
try { Scoped } catch { "scoped stop: $($_.Exception.Message)" }
$ErrorActionPreference
