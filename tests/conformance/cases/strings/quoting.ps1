$i = 5
"The value of $i is $i."
'The value of $i is $i.'
"The value of `$i is $i."
"The value of $(2+3) is 5."
'It''s'
"He said ""hi"""
"Use a quotation mark (`") to begin a string."
'As they say, "live and learn."'
"As they say, 'live and learn.'"
"$i.Length"
"${i}th"
$s = 'abc'
"len: $($s.Length)"
$arr = 1, 2, 3
"$arr[0]"
"$($arr[0])"
$h = @{ k = 'v' }
"$($h.k)"
"$($h)"
"a" + 'b' + "c"
