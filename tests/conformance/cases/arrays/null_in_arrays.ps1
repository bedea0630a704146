$a = "one", $null, "three"
$a.Count
"one", $null, "three" | ForEach-Object { "Hello " + $_ }
$calendar = @($null, $null, "Meeting", $null, $null, "Team Lunch", $null)
$days = "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"
$currentDay = 0
foreach ($day in $calendar) {
    if ($day -ne $null) {
        "Appointment on $($days[$currentDay]): $day"
    }
    $currentDay++
}
