"""A compact, readable rendering of ASTs for parser tests."""

from __future__ import annotations

from typing import Any

from pwshlike.language import ast as A


def dump(node: Any) -> str:
    """Render a node (or a list) as a short s-expression."""
    if node is None:
        return "None"
    if isinstance(node, (list, tuple)):
        return "[" + " ".join(dump(n) for n in node) + "]"
    if isinstance(node, str):
        return repr(node)
    if not isinstance(node, A.Ast):
        return repr(node)
    cls = type(node)
    if cls is A.ScriptBlockAst:
        parts = []
        if node.param_block is not None:
            parts.append(dump(node.param_block))
        for name in ("dynamicparam_block", "begin_block", "process_block", "end_block",
                     "clean_block"):
            block = getattr(node, name)
            if block is not None:
                parts.append(dump(block))
        return "{" + " ".join(parts) + "}"
    if cls is A.NamedBlockAst:
        body = " ".join(dump(s) for s in node.traps + node.statements)
        return body if node.unnamed else f"({node.block_kind} {body})"
    if cls is A.StatementBlockAst:
        return "{" + " ".join(dump(s) for s in node.traps + node.statements) + "}"
    if cls is A.PipelineAst:
        inner = " | ".join(dump(e) for e in node.pipeline_elements)
        return inner + (" &" if node.background else "")
    if cls is A.PipelineChainAst:
        return f"({dump(node.left)} {node.operator} {dump(node.right)}" + \
            (" &)" if node.background else ")")
    if cls is A.CommandExpressionAst:
        reds = "".join(" " + dump(r) for r in node.redirections)
        return dump(node.expression) + reds
    if cls is A.CommandAst:
        op = node.invocation_operator + " " if node.invocation_operator else ""
        reds = "".join(" " + dump(r) for r in node.redirections)
        return "(cmd " + op + " ".join(dump(e) for e in node.command_elements) + reds + ")"
    if cls is A.CommandParameterAst:
        if node.argument is None:
            return f"-{node.parameter_name}"
        return f"-{node.parameter_name}:{dump(node.argument)}"
    if cls is A.EndOfParametersAst:
        return "--"
    if cls is A.VerbatimArgumentAst:
        return f"(verbatim {node.text!r})"
    if cls is A.FileRedirectionAst:
        return f"({node.from_stream}{'>>' if node.append else '>'} {dump(node.location)})"
    if cls is A.MergingRedirectionAst:
        return f"({node.from_stream}>&{node.to_stream})"
    if cls is A.StringConstantExpressionAst:
        return repr(node.value) if node.string_kind != "bareword" else node.value
    if cls is A.ExpandableStringExpressionAst:
        return '(expand ' + " ".join(dump(p) for p in node.parts) + ")"
    if cls is A.ConstantExpressionAst:
        return repr(node.value)
    if cls is A.VariableExpressionAst:
        return ("@" if node.splatted else "$") + node.name
    if cls is A.UsingExpressionAst:
        return f"(using {dump(node.sub_expression)})"
    if cls is A.BinaryExpressionAst:
        return f"({dump(node.left)} {node.operator} {dump(node.right)})"
    if cls is A.UnaryExpressionAst:
        if node.postfix:
            return f"({dump(node.child)}{node.operator})"
        return f"({node.operator} {dump(node.child)})"
    if cls is A.TernaryExpressionAst:
        return f"({dump(node.condition)} ? {dump(node.if_true)} : {dump(node.if_false)})"
    if cls is A.ArrayLiteralAst:
        return "(, " + " ".join(dump(e) for e in node.elements) + ")"
    if cls is A.ParenExpressionAst:
        return "(paren " + dump(node.pipeline) + ")"
    if cls is A.SubExpressionAst:
        return "$(" + dump(node.sub_expression)[1:-1] + ")"
    if cls is A.ArrayExpressionAst:
        return "@(" + dump(node.sub_expression)[1:-1] + ")"
    if cls is A.HashtableAst:
        return "@{" + "; ".join(f"{dump(k)}={dump(v)}" for k, v in node.pairs) + "}"
    if cls is A.ScriptBlockExpressionAst:
        return dump(node.script_block)
    if cls is A.MemberExpressionAst:
        op = "::" if node.static else ("?." if node.null_conditional else ".")
        return f"({dump(node.expression)}{op}{dump(node.member)})"
    if cls is A.InvokeMemberExpressionAst:
        op = "::" if node.static else ("?." if node.null_conditional else ".")
        args = ", ".join(dump(a) for a in node.arguments)
        return f"({dump(node.expression)}{op}{dump(node.member)}({args}))"
    if cls is A.IndexExpressionAst:
        op = "?[" if node.null_conditional else "["
        return f"({dump(node.target)}{op}{dump(node.index)}])"
    if cls is A.TypeExpressionAst:
        return f"[{node.type_name.full_name}]"
    if cls is A.TypeConstraintAst:
        return f"[{node.type_name.full_name}]"
    if cls is A.ConvertExpressionAst:
        return f"({dump(node.type)}{dump(node.child)})"
    if cls is A.AttributedExpressionAst:
        return f"({dump(node.attribute)}{dump(node.child)})"
    if cls is A.AttributeAst:
        args = [dump(a) for a in node.positional_arguments]
        for n in node.named_arguments:
            args.append(n.argument_name if n.expression_omitted else
                        f"{n.argument_name}={dump(n.argument)}")
        return f"[{node.type_name.full_name}({', '.join(args)})]"
    if cls is A.ParamBlockAst:
        return "(param " + "".join(dump(a) for a in node.attributes) + \
            " ".join(dump(p) for p in node.parameters) + ")"
    if cls is A.ParameterAst:
        attrs = "".join(dump(a) for a in node.attributes)
        default = "" if node.default_value is None else "=" + dump(node.default_value)
        return attrs + dump(node.name) + default
    if cls is A.AssignmentStatementAst:
        return f"({dump(node.left)} {node.operator} {dump(node.right)})"
    if cls is A.IfStatementAst:
        out = "(if " + " ".join(f"{dump(c)} {dump(b)}" for c, b in node.clauses)
        if node.else_clause is not None:
            out += " else " + dump(node.else_clause)
        return out + ")"
    if cls is A.SwitchStatementAst:
        flags = "".join(f" -{f}" for f in sorted(node.flags))
        label = f":{node.label} " if node.label else ""
        clauses = " ".join(f"{dump(c)} {dump(b)}" for c, b in node.clauses)
        default = f" default {dump(node.default)}" if node.default is not None else ""
        return f"({label}switch{flags} {dump(node.condition)} {clauses}{default})"
    if cls is A.ForEachStatementAst:
        flags = "".join(f" -{f}" for f in sorted(node.flags))
        label = f":{node.label} " if node.label else ""
        return f"({label}foreach{flags} {dump(node.variable)} in {dump(node.condition)} " \
               f"{dump(node.body)})"
    if cls is A.ForStatementAst:
        label = f":{node.label} " if node.label else ""
        return f"({label}for {dump(node.initializer)}; {dump(node.condition)}; " \
               f"{dump(node.iterator)} {dump(node.body)})"
    if cls in (A.WhileStatementAst, A.DoWhileStatementAst, A.DoUntilStatementAst):
        word = {A.WhileStatementAst: "while", A.DoWhileStatementAst: "do-while",
                A.DoUntilStatementAst: "do-until"}[cls]
        label = f":{node.label} " if node.label else ""
        return f"({label}{word} {dump(node.condition)} {dump(node.body)})"
    if cls in (A.BreakStatementAst, A.ContinueStatementAst):
        word = "break" if cls is A.BreakStatementAst else "continue"
        return f"({word}" + ("" if node.label is None else " " + dump(node.label)) + ")"
    if cls in (A.ReturnStatementAst, A.ExitStatementAst, A.ThrowStatementAst):
        word = {A.ReturnStatementAst: "return", A.ExitStatementAst: "exit",
                A.ThrowStatementAst: "throw"}[cls]
        return f"({word}" + ("" if node.pipeline is None else " " + dump(node.pipeline)) + ")"
    if cls is A.TryStatementAst:
        out = "(try " + dump(node.body)
        for c in node.catch_clauses:
            out += " catch" + "".join(dump(t) for t in c.catch_types) + " " + dump(c.body)
        if node.finally_ is not None:
            out += " finally " + dump(node.finally_)
        return out + ")"
    if cls is A.TrapStatementAst:
        return "(trap" + ("" if node.trap_type is None else dump(node.trap_type)) + " " + \
            dump(node.body) + ")"
    if cls is A.FunctionDefinitionAst:
        word = "filter" if node.is_filter else "function"
        params = "" if node.parameters is None else \
            "(" + ", ".join(dump(p) for p in node.parameters) + ")"
        return f"({word} {node.name}{params} {dump(node.body)})"
    if cls is A.DataStatementAst:
        return f"(data {node.variable} {dump(node.body)})"
    if cls is A.ErrorStatementAst:
        return "(error-stmt " + " ".join(dump(n) for n in node.nested) + ")"
    if cls is A.ErrorExpressionAst:
        return "(error-expr " + " ".join(dump(n) for n in node.nested) + ")"
    if cls is A.UsingStatementAst:
        return f"(using {node.using_kind} {dump(node.name)})"
    return cls.__name__
