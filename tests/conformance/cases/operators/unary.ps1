-5 + 3
-(2 + 3)
+5
-'3'
(-'3').GetType().Name
- -5
-bnot 0
!$true
,1 | ForEach-Object { $_.GetType().Name }
(,(1, 2)).Count
