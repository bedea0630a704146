try { 'in try'; exit 2 } finally { 'finally runs on exit' }
'never'
