function Stop-Loop { break }
foreach ($i in 1..3) {
    "before $i"
    Stop-Loop
    "after $i"
}
'loop ended by break from function'
function Continue-Loop { continue }
foreach ($i in 1..2) { Continue-Loop; "not printed $i" }
'done'
