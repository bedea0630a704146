$ss = [securestring]::new()
foreach ($ch in 'abc'.ToCharArray()) { $ss.AppendChar($ch) }
$ss.Length
$ss.GetType().Name
$cred = [pscredential]::new('user', $ss)
$cred.UserName
$cred.GetNetworkCredential().Password
$cred.GetType().FullName
