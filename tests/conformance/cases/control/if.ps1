$a = 5
if ($a -gt 2) { "The value $a is greater than 2." }
if ($a -gt 10) { 'big' } elseif ($a -gt 3) { 'medium' } else { 'small' }
if ($a -gt 10) { 'big' } elseif ($a -gt 7) { 'medium' } else { 'small' }
if ($null) { 'yes' } else { 'no' }
if (0) { 't' } elseif ('') { 't2' } else { 'none' }
if ('0') { 'string zero is true' }
if (@()) { 'empty array true' } else { 'empty array false' }
$r = if ($true) { 'assigned' } else { 'other' }
$r
$none = if ($false) { 'x' }
$null -eq $none
if ($a -eq 5 -and $a -lt 6) { 'both' }
if (-not ($a -eq 4)) { 'not four' }
