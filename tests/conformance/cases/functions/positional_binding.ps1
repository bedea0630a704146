function Pos { param([Parameter(Position = 1)] $Second, [Parameter(Position = 0)] $First) "$First then $Second" }
Pos a b
function Sw2 { param([switch]$S, $V) "S=$($S.IsPresent) V=$V" }
Sw2 x
Sw2 -S x
function Rem { param($First, [Parameter(ValueFromRemainingArguments)] $Rest) "$First | $($Rest -join ',')" }
Rem 1 2 3
function Mand { param([Parameter(Mandatory)] $M, $O = 'o') "$M $O" }
Mand -M m
Mand m p
function Colon { param([int]$N) $N * 2 }
Colon -N:21
