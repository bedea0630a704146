filter Double { $_ * 2 }
1, 2, 3 | Double
function Measure-It {
    begin { $total = 0; 'begin' }
    process { $total += $_; "process $_" }
    end { "end total=$total" }
}
1, 2, 3 | Measure-It
Measure-It
function OnlyEnd { end { "end sees: $($input -join ',')" } }
4, 5 | OnlyEnd
function Begin-Only { begin { 'begin only' } }
1, 2 | Begin-Only
