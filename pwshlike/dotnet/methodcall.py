"""Calling .NET-style methods: overload (argument count) checks and
PowerShell's error wrapping, shared by instance (``members.py``) and static
(``types.py``) members.

A method is a plain Python function; its positional parameters (and their
defaults, and ``*args``) say which argument counts it accepts, like the
overloads of the .NET method it stands for.
"""

from __future__ import annotations

from .errors import (
    DotNetException, ErrorCategory, MethodException, MethodInvocationException, ParseException, RuntimeException,
    dotnet_exception_from,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Sequence

_PY_ERRORS = (ArithmeticError, ValueError, LookupError, OSError, TypeError, AttributeError, RecursionError)


def accepts(func: Callable[..., Any], count: int, skip: int = 0) -> bool:
    """Whether ``func`` takes ``count`` positional arguments after the first
    ``skip`` (the instance) ones.  A class stands for its constructor: its
    ``__init__`` after ``self`` says which counts it takes."""
    if isinstance(func, type):
        func, skip = func.__init__, skip + 1
    code = getattr(func, "__code__", None)
    if code is None:
        return True
    positional = code.co_argcount - skip
    defaults = len(getattr(func, "__defaults__", None) or ())
    if code.co_flags & 0x04:  # *args
        return count >= positional - defaults
    return positional - defaults <= count <= positional


def generic(arity: int) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Marks a modelled method as generic (``Name[T1, ..., Tn](args)``): it
    takes its ``arity`` type arguments (PSTypes) before its arguments."""
    def mark(func: Callable[..., Any]) -> Callable[..., Any]:
        func.generic_arity = arity  # type: ignore[attr-defined]
        return func
    return mark


def call_generic(name: str, func: Callable[..., Any], type_args: Sequence[Any], args: Sequence[Any],
                 prefix: Sequence[Any] = ()) -> Any:
    """Calls a generic method with its type arguments; a method that is not
    generic over that many types has no such overload (as pwsh finds none)."""
    if getattr(func, "generic_arity", None) != len(type_args):
        raise overload_not_found(name, len(args))
    return call(name, func, args, skip=len(prefix) + len(type_args), prefix=(*prefix, *type_args))


def method_not_found(type_name: str, name: str) -> RuntimeException:
    return RuntimeException(
        f"Method invocation failed because [{type_name}] does not contain a method named '{name}'.",
        error_id="MethodNotFound", category=ErrorCategory.InvalidOperation)


def overload_not_found(name: str, count: int) -> MethodException:
    return MethodException(f'Cannot find an overload for "{name}" and the argument count: "{count}".',
                           error_id="MethodCountCouldNotFindBest")


def invocation_error(name: str, count: int, exc: BaseException) -> MethodInvocationException:
    """``Exception calling "X" with "N" argument(s): "..."``; the error id
    is the inner exception's type name, as in pwsh."""
    inner = dotnet_exception_from(exc)
    return MethodInvocationException(
        f'Exception calling "{name}" with "{count}" argument(s): "{inner.message}"', inner,
        error_id=inner.short_name())


def call(name: str, func: Callable[..., Any], args: Sequence[Any], skip: int = 0,
         prefix: Sequence[Any] = ()) -> Any:
    """Calls ``func(*prefix, *args)`` after checking the argument count,
    turning .NET/Python failures into MethodInvocationException.  Script
    errors (RuntimeException) and control flow pass through unchanged; a
    ParseException is a method's own failure (``[scriptblock]::Create``),
    so it is wrapped, with the id ``ParseException`` as in pwsh."""
    if not accepts(func, len(args), skip):
        raise overload_not_found(name, len(args))
    try:
        return func(*prefix, *args)
    except ParseException as exc:
        raise invocation_error(name, len(args), exc) from exc
    except RuntimeException:
        raise
    except DotNetException as exc:
        raise invocation_error(name, len(args), exc) from exc
    except _PY_ERRORS as exc:
        raise invocation_error(name, len(args), exc) from exc
