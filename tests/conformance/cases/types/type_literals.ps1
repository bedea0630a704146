[int].FullName
[string].Name
[hashtable].FullName
[pscustomobject].FullName
[psobject].FullName
[array].FullName
[regex].FullName
[scriptblock].FullName
[bigint].FullName
[datetime].FullName
[timespan].FullName
[guid].FullName
[decimal].Name
[double].Name
[long].Name
[bool].Name
[char].Name
[byte].Name
[float].Name
[securestring].FullName
[pscredential].FullName
[object].FullName
[Text.StringBuilder].FullName
[System.Text.StringBuilder].FullName
[int[]].Name
[string[]].FullName
[System.Collections.Generic.List[int]].Name
[System.Collections.Generic.Dictionary[string, int]].Name
[hashtable] -eq [System.Collections.Hashtable]
[int] -eq [System.Int32]
