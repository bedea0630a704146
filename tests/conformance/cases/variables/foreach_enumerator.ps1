$i = 0
foreach ($num in ("one", "two", "three")) {
    "Iteration: $i"
    $i++
    "Num: $num"
    "Current: $($foreach.Current)"
    if ($foreach.Current -eq "two") {
        "Before MoveNext (Current): $($foreach.Current)"
        $foreach.MoveNext() | Out-Null
        "After MoveNext (Current): $($foreach.Current)"
        "Num hasn't changed: $num"
    }
}
