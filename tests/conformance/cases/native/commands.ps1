sh -c 'exit 3'
$ok = $?
$LASTEXITCODE
$ok
sh -c 'exit 0'
$ok = $?
$LASTEXITCODE
$ok
$out = sh -c 'echo one; echo two'
$out.Count
$out[1]
$out[0].GetType().Name
sh -c 'echo "[$1] [$2]"' x 'a b' ''
sh -c 'echo "$1"' x "quoted`"inner"
$env:PWSHLIKE_NATIVE = 'from-env'
sh -c 'echo $PWSHLIKE_NATIVE'
(sh -c 'printf "a\nb\n"' | ForEach-Object { "line:$_" }) -join ','
$single = sh -c 'echo only'
$single.GetType().Name
exit 0
