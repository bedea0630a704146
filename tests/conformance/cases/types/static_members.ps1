[math]::Max(3, 7)
[math]::Min(3, 7)
[math]::Abs(-4)
[math]::Pow(2, 10)
[math]::Sqrt(16)
[math]::PI -gt 3.14
[int]::MaxValue
[int]::MinValue
[long]::MaxValue
[byte]::MaxValue
[int]::Parse('42')
[double]::Parse('1.5')
[convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('hello'))
[Text.Encoding]::UTF8.GetString([convert]::FromBase64String('aGVsbG8='))
[Text.Encoding]::UTF8.GetBytes('hé').Count
[convert]::ToInt32('ff', 16)
[convert]::ToString(255, 2)
[System.IO.Path]::GetFileName('/x/y/z.txt')
[System.IO.Path]::GetExtension('/x/y/z.txt')
[System.IO.Path]::GetFileNameWithoutExtension('/x/y/z.txt')
[char]::IsDigit('5')
[char]::ToUpper('a')
[Text.Encoding]::UTF8.WebName
[string]::Format('{0}+{1}', 1, 2)
[int]::MaxValue.GetType().Name
