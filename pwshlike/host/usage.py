"""The ``-Help`` text, in the layout of pwsh's ``UsageHelp``/``ExtendedHelp``,
listing the parameters pwshlike implements."""

USAGE = """\
Usage: pwshlike [[-File] <filePath> [args]]
                [-Command { - | <string> [<CommandParameters>] } ]
                [-EncodedCommand <Base64EncodedCommand>]
                [-ExecutionPolicy <ExecutionPolicy>] [-InputFormat {Text}]
                [-Interactive] [-NoExit] [-NoLogo] [-NonInteractive] [-NoProfile]
                [-OutputFormat {Text}] [-Version] [-WorkingDirectory <directoryPath>]

       pwshlike -h | -Help | -? | /?

All parameters are case-insensitive."""

EXTENDED = """


-File | -f

    Runs the script at the given path, binding the arguments that follow it
    to the script's param() block: "-Name value" and "-Switch" pass named
    parameters, "-Switch:$false" a boolean, other words positional strings.
    If the value of File is "-", the command text is read from standard input.

    This is the default parameter if no parameters are present but values are
    present in the command line, so "pwshlike script.ps1 args" and scripts
    starting with "#!/usr/bin/env pwshlike" work.

    The exit code is the value given to an exit statement, 1 after a
    terminating error, and 0 otherwise.

-Command | -c

    Executes the specified commands (all remaining arguments, joined with
    spaces) as though they were typed at the prompt, and then exits, unless
    the NoExit parameter is specified. If the value of Command is "-", the
    command text is read from standard input.

    The exit code is the value given to an exit statement, otherwise 0 when
    the last command succeeded ($? is $true) and 1 when it did not.

-EncodedCommand | -e | -ec

    Accepts a Base64-encoded UTF-16LE string version of a command.

-ExecutionPolicy | -ex | -ep

    Accepted for compatibility and ignored.

-InputFormat | -inp | -if
-OutputFormat | -o | -of

    Only "Text" is supported.

-Interactive | -i

    Present an interactive prompt to the user. Inverse for NonInteractive
    parameter.

-NoExit | -noe

    Does not exit after running startup commands.

-NoLogo | -nol

    Hides the banner text at startup of interactive sessions.

-NonInteractive | -noni

    Any attempts to use interactive features, like 'Read-Host', result in
    statement terminating errors rather than hanging.

-NoProfile | -nop

    Does not load the profiles from $XDG_CONFIG_HOME/powershell
    (~/.config/powershell): profile.ps1 and Microsoft.PowerShell_profile.ps1.

-Version | -v

    Displays the version of pwshlike. Additional parameters are ignored.

-WorkingDirectory | -wd

    Sets the initial working directory.

-Help, -?, /?

    Displays this help.
"""
