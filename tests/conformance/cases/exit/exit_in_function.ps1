function Quit { 'quitting'; exit 4 }
'x'
Quit
'never'
