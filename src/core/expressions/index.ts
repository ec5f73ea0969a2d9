// Public API of the ADF expression language: parse, inspect and (see evaluator) evaluate expressions.
export type {
  BooleanLiteralNode,
  CallNode,
  ExpressionError,
  ExpressionErrorCode,
  ExpressionFix,
  ExpressionNode,
  ExpressionNodeKind,
  ExpressionSegment,
  IndexNode,
  LiteralSegment,
  MemberNode,
  NullLiteralNode,
  NumberLiteralNode,
  ParsedValue,
  Segment,
  Span,
  StringLiteralNode,
} from './ast';
export { isExpressionValue, parseExpression, parseValue, type ParsedExpression } from './parser';
export { describeToken, scanExpression, type Token, type TokenKind } from './scanner';
export { describeArity, FUNCTIONS, lookupFunction, type FunctionCategory, type FunctionInfo } from './functions';
export {
  cannotBe,
  declaredType,
  describeType,
  functionTypes,
  parameterType,
  parseTypeText,
  staticTypeOf,
  type FunctionTypes,
  type StaticType,
  type TypeEnvironment,
  type TypeKind,
} from './static-types';
export { childrenOf, isCallOf, nodePathAt, walkExpression, walkParsedValue, type ExpressionVisitor } from './walk';
export {
  findReferences,
  findReferencesInNode,
  type ExpressionReference,
  type ExpressionReferenceKind,
  type FindReferencesOptions,
} from './references';
export {
  evaluate,
  evaluateNode,
  evaluateString,
  evaluateValue,
  isSupportedFunction,
  SUPPORTED_FUNCTIONS,
} from './evaluator';
export { ExpressionMemo } from './parse-memo';
export type { ActivityRunView, EvaluationContext, PipelineContext } from './evaluation-context';
export { EvaluationError, type EvaluationErrorCode } from './evaluation-error';
export { DEFAULT_EVALUATION_BUDGET, type EvaluationBudget } from './budget';
export { toAdfString, toJsonText, type JsonValue } from './values';
