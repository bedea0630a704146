"""Get-Culture and Get-UICulture: the session's cultures, a culture by name,
or every culture the system knows.

As pwsh's GetCultureCommand, -Name is checked against the names
``[cultureinfo]::GetCultures('AllCultures')`` gives (a ValidateSet whose
values are produced when a name is first checked, so the list of cultures
is read only then), and the session's own culture object is returned when
a name matches it, unless -NoUserOverrides asks for the culture's defaults.
"""

from __future__ import annotations

from typing import Any

from pwshlike.commands.cmdlet import Cmdlet, Parameter, cmdlet
from pwshlike.commands.metadata import ValidationError
from pwshlike.commands.validation import validate_not_null
from pwshlike.dotnet import cultures
from pwshlike.dotnet.culture_data import all_culture_names
from pwshlike.dotnet.values import iter_collection


def _validate_culture_names(value: Any) -> None:
    """pwsh's ValidateSet(typeof(ValidateCultureNamesGenerator)): the
    culture names the system has, compared without regard to case."""
    items = iter_collection(value)
    names = [value] if items is None else list(items)
    all_names = all_culture_names()
    known = {name.lower() for name in all_names}
    for name in names:
        text = "" if name is None else str(name)
        if text.lower() not in known:
            allowed = ",".join(all_names)
            raise ValidationError(
                f'The argument "{text}" does not belong to the set "{allowed}" specified by the ValidateSet '
                'attribute. Supply an argument that is in the set and then try the command again.',
                "ValidateSetFailure")


@cmdlet("Get-Culture", default_parameter_set="CurrentCulture", output_types=("System.Globalization.CultureInfo",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2097017")
class GetCultureCommand(Cmdlet):
    """Gets the current culture set in the session, or the cultures you name.

    Without parameters Get-Culture returns the session's current culture
    (the one ToString(), -f and formatted output use), which pwshlike takes
    from the LC_ALL, LC_MESSAGES or LANG environment variable as .NET does on
    Linux; C, POSIX or no setting at all give the invariant culture.  With
    -Name it returns the named cultures, and with -ListAvailable every culture
    the system knows.  Change the current culture for the session with
    [cultureinfo]::CurrentCulture = 'de-DE'."""

    help_examples = [
        ("Example 1: Get the current culture", "Get-Culture",
         "Shows the LCID, name and display name of the culture the session formats numbers and dates with."),
        ("Example 2: Look at another culture's formats",
         "(Get-Culture -Name de-DE).DateTimeFormat.ShortDatePattern",
         "Returns dd.MM.yyyy, the short date pattern of German (Germany)."),
        ("Example 3: Find cultures by display name",
         "Get-Culture -ListAvailable | Where-Object EnglishName -like '*Swiss*'",
         "Lists every culture whose English name mentions Swiss."),
    ]

    name = Parameter("String[]", sets={"Name": {"position": 0, "value_from_pipeline": True}},
                     validators=(validate_not_null(), _validate_culture_names),
                     help="The names of the cultures to get, such as en-US or fr-FR; an empty string is the "
                          "invariant culture.")
    no_user_overrides = Parameter("SwitchParameter", sets={"CurrentCulture": {}, "Name": {}},
                                  help="Returns the culture with its default settings, not the session's own "
                                       "culture object (which a script may have changed).")
    list_available = Parameter("SwitchParameter", sets={"ListAvailable": {}},
                               help="Gets every culture the system supports.")

    def process_record(self) -> None:
        if self.parameter_set_name == "ListAvailable":
            for culture in cultures.all_cultures():
                self.write_object(culture)
            return
        session_culture = cultures.current()
        if self.parameter_set_name == "CurrentCulture":
            self.write_object(cultures.get_culture(session_culture.Name) if self.no_user_overrides
                              else session_culture)
            return
        for name in self.name or ():
            text = "" if name is None else str(name)
            if not self.no_user_overrides and text.lower() == session_culture.Name.lower():
                self.write_object(session_culture)
            else:
                self.write_object(cultures.get_culture(text))


@cmdlet("Get-UICulture", output_types=("System.Globalization.CultureInfo",),
        help_uri="https://go.microsoft.com/fwlink/?LinkID=2096613")
class GetUICultureCommand(Cmdlet):
    """Gets the current user interface culture of the session.

    The UI culture is the language messages are shown in.  On Linux it comes
    from the same environment setting as the current culture (LC_ALL,
    LC_MESSAGES or LANG); [cultureinfo]::CurrentUICulture = 'fr-FR' changes
    it for the session."""

    help_examples = [
        ("Example 1: Get the UI culture", "Get-UICulture",
         "Shows the LCID, name and display name of the session's user interface culture."),
        ("Example 2: Get the UI culture's name", "(Get-UICulture).Name",
         "Returns the name alone, the same value as $PSUICulture."),
    ]

    def process_record(self) -> None:
        self.write_object(cultures.current_ui())
