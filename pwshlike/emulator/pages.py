"""The HTML a person (or headless Chromium) sees: sign-in, consent, device
login, errors.

Plain HTML forms with a little CSS, no script except the form_post
auto-submit.  Every control a test drives has a stable id: #username,
#password, #signin, #accept, #cancel, #code, #next, #approve, #decline.
The pages say they are the emulator's, so nobody mistakes them for
Microsoft's.
"""

from __future__ import annotations

from html import escape
from typing import Iterable, Optional

from .errors import AadError

_STYLE = """
body{font-family:"Segoe UI",Helvetica,Arial,sans-serif;background:#f2f2f2;margin:0;color:#1b1b1b}
main{max-width:440px;margin:8vh auto;background:#fff;padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
h1{font-size:1.5rem;font-weight:600;margin:0 0 16px}
.banner{font-size:.8rem;color:#605e5c;margin-bottom:24px}
label{display:block;margin:12px 0 4px}
input[type=text],input[type=email],input[type=password]{width:100%;box-sizing:border-box;padding:6px 0;
border:0;border-bottom:1px solid #666;font-size:1rem}
.buttons{margin-top:24px;text-align:right}
button{min-width:108px;padding:6px 12px;font-size:1rem;border:1px solid #8a8886;background:#fff;cursor:pointer}
button.primary{background:#0067b8;border-color:#0067b8;color:#fff}
.error{color:#e81123;margin:12px 0}
ul{padding-left:20px}
.details{font-size:.8rem;color:#605e5c;word-break:break-all}
"""


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'<meta name="viewport" content="width=device-width,initial-scale=1"><style>{_STYLE}</style></head>'
            f'<body><main><div class="banner">pwshlike Azure AD emulator</div>{body}</main></body></html>')


def _hidden(interaction_id: str) -> str:
    return f'<input type="hidden" name="interaction" value="{escape(interaction_id)}">'


def _error(message: Optional[str]) -> str:
    return f'<div class="error" id="error">{escape(message)}</div>' if message else ""


def _scope_list(scopes: Iterable[str]) -> str:
    items = "".join(f"<li>{escape(s)}</li>" for s in scopes)
    return f"<ul id=\"scopes\">{items}</ul>" if items else ""


def sign_in(interaction_id: str, app_name: str, where: str, username: str = "", error: Optional[str] = None) -> str:
    return _page("Sign in to your account", f"""
<h1>Sign in</h1>
<p>to continue to <b>{escape(app_name)}</b> ({escape(where)})</p>
{_error(error)}
<form method="post" action="/login">{_hidden(interaction_id)}
<label for="username">Email or user name</label>
<input type="email" id="username" name="username" value="{escape(username)}" autocomplete="username" required>
<label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password" required>
<div class="buttons"><button type="submit" id="signin" class="primary">Sign in</button></div>
</form>""")


def consent(interaction_id: str, app_name: str, user: str, scopes: Iterable[str]) -> str:
    return _page("Permissions requested", f"""
<h1>Permissions requested</h1>
<p>Signed in as <b>{escape(user)}</b>.</p>
<p><b>{escape(app_name)}</b> would like to:</p>
{_scope_list(scopes)}
<p>Accepting lets this app use your data as its permissions say.</p>
<form method="post" action="/consent">{_hidden(interaction_id)}
<div class="buttons">
<button type="submit" id="cancel" name="decision" value="cancel">Cancel</button>
<button type="submit" id="accept" name="decision" value="accept" class="primary">Accept</button>
</div></form>""")


def device_code(error: Optional[str] = None) -> str:
    return _page("Enter code", f"""
<h1>Enter code</h1>
<p>Enter the code displayed on your app or device.</p>
{_error(error)}
<form method="post" action="/devicelogin">
<label for="code">Code</label>
<input type="text" id="code" name="code" autocomplete="off" autofocus required>
<div class="buttons"><button type="submit" id="next" class="primary">Next</button></div>
</form>""")


def device_approve(interaction_id: str, app_name: str, user: str, scopes: Iterable[str]) -> str:
    return _page("Are you trying to sign in?", f"""
<h1>Are you trying to sign in to {escape(app_name)}?</h1>
<p>Signed in as <b>{escape(user)}</b>. Only continue if you started this sign-in on your own device.</p>
{_scope_list(scopes)}
<form method="post" action="/consent">{_hidden(interaction_id)}
<div class="buttons">
<button type="submit" id="decline" name="decision" value="cancel">Cancel</button>
<button type="submit" id="approve" name="decision" value="accept" class="primary">Continue</button>
</div></form>""")


def device_done(app_name: str, approved: bool) -> str:
    if approved:
        return _page("Signed in", f"<h1 id=\"result\">You have signed in to {escape(app_name)} on your device.</h1>"
                                  "<p>You may now close this window.</p>")
    return _page("Sign-in declined", "<h1 id=\"result\">You declined to sign in.</h1>"
                                     "<p>You may now close this window.</p>")


def signed_out() -> str:
    return _page("Signed out", "<h1 id=\"result\">You signed out of your account</h1>"
                               "<p>It's a good idea to close all browser windows.</p>")


def form_post(redirect_uri: str, parameters: dict[str, str]) -> str:
    """response_mode=form_post: the browser posts the result to the app."""
    fields = "".join(f'<input type="hidden" name="{escape(k)}" value="{escape(v)}">' for k, v in parameters.items())
    return (f'<!DOCTYPE html><html><head><title>Working...</title></head><body onload="document.forms[0].submit()">'
            f'<form method="post" action="{escape(redirect_uri)}">{fields}'
            f'<noscript><button type="submit">Continue</button></noscript></form></body></html>')


def error_page(error: AadError, trace_id: str, correlation_id: str, timestamp: str) -> str:
    return _page("Sign in error", f"""
<h1>Sorry, but we're having trouble signing you in.</h1>
<p id="message">{escape(error.description)}</p>
<div class="details">Request Id: {escape(trace_id)}<br>Correlation Id: {escape(correlation_id)}<br>
Timestamp: {escape(timestamp)}</div>""")
