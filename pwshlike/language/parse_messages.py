"""PowerShell's message texts for the parse errors (ParserStrings.resx,
PowerShell's own wording), by error id: what :func:`.errors.message`
formats.  A module of its own so that a script that parses without error
never loads the table."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # tokenizer
    "TerminatorExpectedAtEndOfString": "The string is missing the terminator: {0}.",
    "MissingTerminatorMultiLineComment": "The terminator '#>' is missing from the multiline comment.",
    "IncompleteString": "Incomplete string token.",
    "UnexpectedCharactersAfterHereStringHeader":
        "No characters are allowed after a here-string header but before the end of the line.",
    "WhitespaceBeforeHereStringFooter": "White space is not allowed before the string terminator.",
    "IncompleteDollarSubexpressionReference": "$(subexpression) is missing the closing ')'.",
    "IncompleteDollarVariableReference":
        "${{variable}} reference starting is missing the closing '}}'.",
    "EmptyVariableReference":
        "An empty ${} variable reference was found. A name is required inside the braces.",
    "InvalidBracedVariableReference": "Variable reference is not valid. The variable name is missing.",
    "OpenBraceNeedsToBeBackTickedInVariableName": "Use `{ instead of { in variable names.",
    "InvalidVariableReference":
        "Variable reference is not valid. '$' was not followed by a valid variable name character. "
        "Consider using ${} to delimit the name.",
    "InvalidVariableReferenceWithDrive":
        "Variable reference is not valid. ':' was not followed by a valid variable name character. "
        "Consider using ${} to delimit the name.",
    "InvalidUnicodeEscapeSequence":
        "The Unicode escape sequence is not valid. A valid sequence is `u{ followed by one to six "
        "hex digits and a closing '}'.",
    "InvalidUnicodeEscapeSequenceValue":
        "The Unicode escape sequence value is out of range. The maximum value is 0x10FFFF.",
    "MissingUnicodeEscapeSequenceTerminator": "The Unicode escape sequence is missing the closing '}'.",
    "TooManyDigitsInUnicodeEscapeSequence":
        "The Unicode escape sequence contains more than the maximum of six hex digits between braces.",
    "BadNumericConstant": "The numeric constant {0} is not valid.",
    "UnrecognizedToken": "Unrecognized token in source text.",
    # script blocks, statements
    "UnexpectedToken": "Unexpected token '{0}' in expression or statement.",
    "MissingEndCurlyBrace": "Missing closing '}' in statement block or type definition.",
    "MissingNamedBlocks":
        "unexpected token '{0}', expected 'begin', 'process', 'end', or 'dynamicparam'.",
    "MissingNamedStatementBlock": "Missing statement block after '{0}'.",
    "DuplicateScriptCommandClause": "Script command clause '{0}' has already been defined.",
    "MissingStatementTerminator": "Missing a newline or semicolon.",
    "ReservedKeywordNotAllowed": "The '{0}' keyword is not supported in this version of the language.",
    "UnexpectedAttribute": "Unexpected attribute '{0}'.",
    "TypeNotAllowedBeforeStatement": "Unexpected type [{0}] was found before statement.",
    "TypeNotAllowedBeforeParam": "Unexpected type [{0}] was found in the parameter statement.",
    "MissingOpenParenthesisInIfStatement": "Missing '(' after '{0}' in if statement.",
    "IfStatementMissingCondition": "Missing condition in if statement after '{0} ('.",
    "MissingEndParenthesisAfterStatement": "Missing closing ')' after expression in '{0}' statement.",
    "MissingStatementBlock": "Missing statement block after {0} ( condition ).",
    "MissingStatementBlockAfterElse": "Missing statement block after 'else' keyword.",
    "InvalidSwitchFlag": "The parameter {0} is not valid for the switch statement.",
    "MissingFilenameOption":
        "Cannot process the 'switch' statement because of a missing file name argument to the -file "
        "option.",
    "PipelineValueRequired":
        "A switch statement must have one of the following:  '-file file_name' or '( expression )'.",
    "MissingEndParenthesisInSwitchStatement": "Missing ')' after expression in switch statement.",
    "MissingCurlyBraceInSwitchStatement": "Missing '{' in switch statement.",
    "MissingSwitchConditionExpression": "Missing condition in switch statement clause.",
    "MissingSwitchStatementClause": "Missing statement block in switch statement clause.",
    "MultipleSwitchDefaultClauses": "A switch statement can have only one default clause.",
    "InvalidForeachFlag": "The parameter {0} is not valid for the foreach statement.",
    "MissingThrottleLimit":
        "The ThrottleLimit parameter of the foreach statement is missing a value. Supply a throttle "
        "limit to the parameter.",
    "KeywordParameterReservedForFutureUse": "The {0} '-{1}' parameter is reserved for future use.",
    "ThrottleLimitRequiresParallelFlag":
        "The ThrottleLimit parameter is only supported on foreach statements that use the Parallel "
        "parameter.",
    "MissingOpenParenthesisAfterKeyword": "Missing opening '(' after keyword '{0}'.",
    "MissingVariableNameAfterForeach":
        "Missing variable name after foreach.\nThe correct form is: foreach ($a in $b) {...}",
    "MissingInInForeach":
        "Missing 'in' after variable in foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
    "MissingForeachExpression":
        "Missing expression in foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
    "MissingEndParenthesisAfterForeach":
        "Missing closing ')' after expression part of foreach loop.\nThe correct form is: "
        "foreach ($a in $b) {...}",
    "MissingForeachStatement":
        "Missing statement body in foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
    "MissingLoopStatement": "Missing statement body in {0} loop.",
    "MissingExpressionAfterKeyword": "Missing expression after '{0}' in loop.",
    "MissingWhileOrUntilInDoWhile": "Missing while or until keyword in do loop.",
    "MissingNameAfterKeyword": "Missing name after {0} keyword.",
    "MissingFunctionBody": "Missing function body in function declaration.",
    "MissingTypeBody": "Missing type body for '{0}'.",
    "TypeNameExpected": "Type name expected.",
    "MemberAlreadyDefined": "The member '{0}' is already defined.",
    "MissingEndParenthesisInFunctionParameterList": "Missing ')' in function parameter list.",
    "InvalidFunctionParameter":
        "Parameter declarations are a comma-separated list of variable names with optional "
        "initializer expressions.",
    "OnlyOneParameterListAllowed":
        "The param statement cannot be used if arguments were specified in the function declaration.",
    "DuplicateFormalParameter": "Duplicate parameter ${0} in parameter list.",
    "MissingTrapStatement": "The 'trap' statement was incomplete. A trap statement requires a body.",
    "MissingTryStatementBlock": "The Try statement is missing its statement block.",
    "MissingCatchOrFinally": "The Try statement is missing its Catch or Finally block.",
    "MissingCatchHandlerBlock": "The Catch block is missing its statement block.",
    "MissingFinallyStatementBlock": "The Finally block is missing its statement block.",
    "MissingTypeLiteralToken": "Missing type literal.",
    "EmptyCatchNotLast": "Catch block must be the last catch block.",
    "MissingStatementBlockForDataSection": "The Data section is missing its statement block.",
    "InvalidParameterForDataSectionStatement":
        "The \"{0}\" parameter of the Data section is not valid. The valid Data section parameter "
        "is SupportedCommand.",
    "MissingValueForSupportedCommandInDataSectionStatement":
        "The SupportedCommand parameter of the Data section is missing a value. Supply a cmdlet or "
        "function name to the parameter.",
    # restricted language (data sections, CheckRestrictedLanguage)
    "InvalidScriptBlockInDataSection":
        "A Begin statement block, Process statement block, or parameter statement is not allowed in a "
        "Data section.",
    "ScriptBlockNotSupportedInDataSection":
        "Script block literals are not allowed in restricted language mode or a Data section.",
    "ParameterDeclarationNotSupportedInDataSection":
        "Parameter declarations are not allowed in restricted language mode or a Data section.",
    "AttributeNotSupportedInDataSection":
        "Attributes are not allowed in restricted language mode or a Data section.",
    "FunctionDeclarationNotSupportedInDataSection":
        "Function declarations are not allowed in restricted language mode or a Data section.",
    "TrapStatementNotSupportedInDataSection":
        "The Trap statement is not allowed in restricted language mode or a Data section.",
    "SwitchStatementNotSupportedInDataSection":
        "The switch statement is not allowed in restricted language mode or a Data section.",
    "DataSectionStatementNotSupportedInDataSection":
        "The data statement is not allowed in restricted language mode or another Data section.",
    "ForeachStatementNotSupportedInDataSection":
        "Foreach statements are not allowed in restricted language mode or a Data section.",
    "DoWhileStatementNotSupportedInDataSection":
        "The Do and While statements are not allowed in restricted language mode or a Data section.",
    "ForWhileStatementNotSupportedInDataSection":
        "For and While statements are not allowed in restricted language mode or a Data section.",
    "TryStatementNotSupportedInDataSection":
        "The Try statement is not allowed in restricted language mode or a Data section.",
    "FlowControlStatementNotSupportedInDataSection":
        "Flow control statements such as Break, Continue, Return, Exit, and Throw are not allowed in "
        "restricted language mode or a Data section.",
    "AssignmentStatementNotSupportedInDataSection":
        "Assignment statements are not allowed in restricted language mode or a Data section.",
    "RedirectionNotSupportedInDataSection":
        "Redirection is not allowed in restricted language mode or a Data section.",
    "PropertyReferenceNotSupportedInDataSection":
        "Property references are not allowed in restricted language mode or a Data section.",
    "MethodCallNotSupportedInDataSection":
        "Method calls are not allowed in restricted language mode or a Data section.",
    "ArrayReferenceNotSupportedInDataSection":
        "Array references are not allowed in restricted language mode or a Data section.",
    "DotSourcingNotSupportedInDataSection":
        "Dot sourcing is not allowed in restricted language mode or a Data section.",
    "OperatorNotSupportedInDataSection":
        "The '{0}' operator is not allowed in restricted language mode or a Data section.",
    "CmdletNotInAllowedListForDataSection":
        "The command '{0}' is not allowed in restricted language mode or a Data section.",
    "VariableReferenceNotSupportedInDataSection":
        "A variable that cannot be referenced in restricted language mode or a Data section is being "
        "referenced. Variables that can be referenced include the following: {0}.",
    "DefaultAllowedVariablesInDataSection": "$PSCulture, $PSUICulture, $true, $false, $null",
    "TypeNotAllowedInDataSection":
        "The type {0} is not allowed in restricted language mode or a Data section.",
    # pipelines and commands
    "EmptyPipeElement": "An empty pipe element is not allowed.",
    "EmptyPipelineChainElement": "A pipeline chain operator must be followed by a pipeline.",
    "BackgroundOperatorInPipelineChain":
        "Background operators can only be used at the end of a pipeline chain.",
    "ExpressionsMustBeFirstInPipeline": "Expressions are only allowed as the first element of a pipeline.",
    "ExpectedValueExpression": "You must provide a value expression following the '{0}' operator.",
    "MissingExpression": "Missing expression after '{0}' in pipeline element.",
    "MissingArgument": "Missing argument in parameter list.",
    "ParameterRequiresArgument": "Parameter {0} requires an argument.",
    "MissingFileSpecification": "Missing file specification after redirection operator.",
    "RedirectionNotSupported": "The '{0}' operator is reserved for future use.",
    "StreamAlreadyRedirected": "The {0} for this command is already redirected.",
    "InvalidLeftHandSide":
        "The assignment expression is not valid. The input to an assignment operator must be an "
        "object that is able to accept assignments, such as a variable or a property.",
    # expressions
    "ExpectedExpression": "An expression was expected after '('.",
    "MissingEndParenthesisInExpression": "Missing closing ')' in expression.",
    "MissingEndParenthesisInSubexpression": "Missing closing ')' in subexpression.",
    "MissingExpressionAfterOperator": "Missing expression after unary operator '{0}'.",
    "MissingExpressionAfterToken": "Missing expression after '{0}'.",
    "MissingColonInTernaryExpression": "Missing ':' in the ternary expression.",
    "MissingPropertyName": "Missing property name after reference operator.",
    "MissingArrayIndexExpression": "Array index expression is missing or not valid.",
    "MissingEndSquareBracket": "Missing ']' after array index expression.",
    "MissingEndParenthesisInMethodCall": "Missing ')' in method call.",
    "MissingEqualsInHashLiteral": "Missing '=' operator after key in hash literal.",
    "MissingStatementInHashLiteral": "Missing statement after '=' in hash literal.",
    "DuplicateKeyInHashLiteral": "Duplicate keys '{0}' are not allowed in hash literals.",
    "SplattingNotPermitted":
        "The splatting operator '@' cannot be used to reference variables in an expression. '@{0}' "
        "can be used only as an argument to a command. To reference variables in an expression use "
        "'${0}'.",
    "SplattingNotPermittedInArgumentList":
        "Splatted variables like '@{0}' cannot be part of a comma-separated list of arguments.",
    "OrderedAttributeOnlyOnHashLiteralNode": "The {0} attribute can be specified only on a hash literal node.",
    # types and attributes
    "MissingTypename": "Missing type name after '['.",
    "EndSquareBracketExpectedAtEndOfType": "Missing ] at end of type token.",
    "EndSquareBracketExpectedAtEndOfAttribute": "Missing ] at end of attribute or type literal.",
    "ArrayHasTooManyDimensions": "Array has too many dimensions. The limit is 32 dimensions, but {0} was specified.",
    "MissingExpressionInNamedArgument": "Missing statement after '=' in named argument.",
    "DuplicateNamedArgument": "Duplicate named arguments '{0}' are not allowed.",
    "MissingAssemblyNameSpecification": "The type name is missing the assembly name specification.",
    # statements pwsh accepts only in some places, or not at all here
    "MissingUsingStatementDirective": "Missing using directive",
    "MissingUsingItemName": "Missing using name",
    "UsingMustBeAtStartOfScript": "A 'using' statement must appear before any other statements in a script.",
    "WorkflowNotSupportedInPowerShellCore": "Workflow is not supported in PowerShell 6+.",
    "UnexpectedKeyword": "Unexpected keyword '{0}'.",
    "MissingStatementAfterKeyword": "Missing statement body after keyword '{0}'.",
    "OperatorRequiresVariableOrProperty": "The '{0}' operator works only on variables or on properties.",
    "ControlLeavingFinally": "Flow of control cannot leave a Finally block.",
    "ScriptTooComplicated": "Processing was stopped because the script is too complex.",
    "UnrecoverableParserError": "Unrecoverable error in PowerShell.",
    # classes
    "MissingPropertyTerminator": "Missing ';' or end-of-line in property definition.",
    "IncompleteMemberDefinition": "Missing a property name or method definition.",
    "MissingMethodParameterList": "Missing '(' in class method parameter list.",
    "MissingBaseCtorCall": "Missing 'base' after ':' in a base class constructor call.",
    "DuplicateQualifier": "Duplicate '{0}' qualifier",
    "TooManyTypes": "Only one type may be specified on class members.",
    "ParamBlockNotAllowedInMethod": "A param block is not allowed in a class method.",
    "NamedBlockNotAllowedInMethod": "A named block is not allowed in a class method.",
    "ConstructorCantHaveReturnType": "A constructor cannot specify a return type.",
    "MethodHasCodePathNotReturn": "Not all code path returns value within method.",
    "VoidMethodHasReturn": "Invalid return statement within void method.",
    "NonVoidMethodMissingReturnValue": "Invalid return statement within non-void method.",
    "NonStaticMemberAccessInStaticMember": ("Cannot access the non-static member '{0}' in a static method or "
                                            "initializer of a static property."),
    "LabelNotFound": "Label '{0}' not found inside the method.",
    "MultipleTypeConstraintsOnMethodParam": "Multiple type constraints are not allowed on a method parameter.",
    "TypeNotFound": "Unable to find type [{0}].",
    # using statements
    "UsingStatementNotSupported": "This syntax of the 'using' statement is not supported.",
    "InvalidNamespaceValue": "The specified namespace in the 'using' statement contains invalid characters.",
    "InvalidValueForUsingItemName": "'{0}' is not a valid value for using name.",
    "RequiresModuleInvalid": "The argument for the Module parameter is not valid. {0}",
    "WildCardModuleNameError": "Wildcard characters are not supported for module names.",
    "ModuleNotFoundDuringParse": "Could not find the module '{0}'.",
}
