function ArgsAndParams { param($first) "first=$first"; "rest=$($args -join ',')"; "count=$($args.Count)" }
ArgsAndParams 1 2 3
function NoParams { "args: $($args -join '|')" }
NoParams a 'b c' 3
function Second { $args[1] }
Second x y z
function ArgTypes { $args[0].GetType().Name; $args[1].GetType().Name }
ArgTypes 42 text
