"""Positioning and matching error records, as catch, trap and the error
policy need them.

The statement compiler (``try``/``catch``, ``trap``) and the execution
context's error policy both use these; they live here, below both, so the
compiler never imports ``context.py``.
"""

from __future__ import annotations

from ..dotnet.errors import ErrorRecord, InvocationInfo, RuntimeException

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional


def find_handler(exception: BaseException, type_lists: list[Optional[tuple]]) -> int:
    """pwsh's FindMatchingHandlerByType over catch/trap type lists (None is
    catch-all): exact type, then subclass, then catch-all; -1 if none."""
    cls = type(exception)
    for i, types in enumerate(type_lists):
        if types is not None and cls in types:
            return i
    for i, types in enumerate(type_lists):
        if types is not None and isinstance(exception, types):
            return i
    for i, types in enumerate(type_lists):
        if types is None:
            return i
    return -1


def set_position(rte: RuntimeException, extent: Any) -> None:
    """pwsh's UpdateExceptionErrorRecordPosition: gives the error record an
    InvocationInfo at ``extent`` unless it already has one."""
    if extent is None:
        return
    record = rte.error_record
    if record.invocation_info is None:
        record.invocation_info = InvocationInfo(None, "", extent)


def record_with_exception(record: ErrorRecord, owner: BaseException, exception: BaseException) -> ErrorRecord:
    """pwsh's ``new ErrorRecord(record, exception)``: a copy whose exception
    is replaced only when the record stood for its owning RuntimeException
    (pwsh's ParentContainsErrorRecordException case)."""
    if record.exception is not owner or exception is owner:
        return record
    copy = ErrorRecord.__new__(ErrorRecord)
    for slot in ErrorRecord.__slots__:
        if slot != "__weakref__":  # the slot that lets a record carry instance members
            setattr(copy, slot, getattr(record, slot))
    copy.exception = exception
    copy._category_info = None
    return copy
