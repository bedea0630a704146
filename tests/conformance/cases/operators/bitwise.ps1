5 -band 3
-bnot 5
5 -bor 0x03
5 -bxor 3
10 -band 3
10 -bor 3
10 -bxor 3
-bNot 10
102 -shl 2
102 -shr 1
102 -shr 2
1 -shl 10
