'start'
throw 'fatal'
'never'
