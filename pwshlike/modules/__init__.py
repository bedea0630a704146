"""PowerShell modules: what plugins declare (model, catalog), a session's
module table (import, removal, qualified names, autoloading), script
modules (.psm1, .psd1) and PSModuleInfo."""
