// The expression grammar of ADF: a recursive-descent parser over the scanner's tokens that builds the tree with
// spans (calls, literals, member and index accessors). It never throws for bad input: the first problem becomes an
// ExpressionError, and the tree built up to there is kept. parser.ts classifies values and calls it per expression.
import * as l10n from '@vscode/l10n';
import type { CallNode, ExpressionError, ExpressionErrorCode, ExpressionFix, ExpressionNode, Span } from './ast';
import { describeToken, type Token } from './scanner';

/** Deeper nesting than this is reported rather than risking the call stack. */
const MAX_DEPTH = 256;

export class ExpressionParser {
  failed = false;
  readonly errors: ExpressionError[] = [];
  private index = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly source: string,
  ) {}

  parseExpression(depth: number): ExpressionNode | undefined {
    const token = this.peek();
    if (depth > MAX_DEPTH) {
      this.fail('too-deeply-nested', l10n.t('Expression nested more than {0} levels deep', MAX_DEPTH), token.span);
      return undefined;
    }
    switch (token.kind) {
      case 'string':
        this.advance();
        if (!token.terminated) {
          this.fail(
            'unterminated-string',
            l10n.t("Unterminated string: the closing single quote (') is missing"),
            token.span,
          );
        }
        return { kind: 'string', value: token.value, span: token.span };
      case 'number': {
        this.advance();
        const integer = !/[.eE]/.test(token.text);
        return { kind: 'number', value: Number(token.text), integer, raw: token.text, span: token.span };
      }
      case 'identifier': {
        const word = token.value.toLowerCase();
        if (word === 'true' || word === 'false') {
          this.advance();
          return { kind: 'boolean', value: word === 'true', span: token.span };
        }
        if (word === 'null') {
          this.advance();
          return { kind: 'null', span: token.span };
        }
        return this.parseCall(depth);
      }
      case 'eof':
        this.fail(
          'expected-value',
          l10n.t(
            'Expected a value (a string, number, true, false, null or a function call) but the expression ends here',
          ),
          this.endSpan(token),
        );
        return undefined;
      case 'unknown':
        this.reportUnexpected(token, '');
        return undefined;
      default:
        this.fail(
          'expected-value',
          l10n.t(
            'Expected a value (a string, number, true, false, null or a function call) but found {0}',
            describeToken(token),
          ),
          token.span,
        );
        return undefined;
    }
  }

  /** After a complete expression only the end may follow. */
  expectEnd(): void {
    const token = this.peek();
    if (token.kind !== 'eof') this.reportUnexpected(token, l10n.t(' after the end of the expression'));
  }

  private parseCall(depth: number): ExpressionNode | undefined {
    const nameToken = this.advance();
    const open = this.peek();
    if (open.kind !== '(') {
      this.fail(
        'expected-call',
        l10n.t(
          "Expected '(' after '{0}': an expression is a literal or a function call such as {1}()",
          nameToken.value,
          nameToken.value,
        ),
        nameToken.span,
      );
      return undefined;
    }
    this.advance();
    const args: ExpressionNode[] = [];
    const call = (end: number): CallNode => ({
      kind: 'call',
      name: nameToken.value,
      nameSpan: nameToken.span,
      args,
      span: { start: nameToken.span.start, end },
    });
    if (this.peek().kind === ')') {
      this.advance();
    } else {
      while (true) {
        const arg = this.parseExpression(depth + 1);
        if (arg) args.push(arg);
        if (this.failed) return call(this.lastEnd());
        const separator = this.peek();
        if (separator.kind === ',') {
          this.advance();
          continue;
        }
        if (separator.kind === ')') {
          this.advance();
          break;
        }
        if (separator.kind === 'eof') {
          this.fail('missing-close-paren', l10n.t("Missing ')' to close '{0}('", nameToken.value), {
            start: nameToken.span.start,
            end: open.span.end,
          });
        } else {
          this.reportUnexpected(separator, l10n.t(" in the arguments of '{0}(': expected ',' or ')'", nameToken.value));
        }
        return call(this.lastEnd());
      }
    }
    return this.parseAccessors(call(this.lastEnd()), depth);
  }

  /** `.name`, `?.name`, `[expr]` and `?[expr]` after a call. */
  private parseAccessors(target: ExpressionNode, depth: number): ExpressionNode {
    let result = target;
    while (true) {
      let optional = false;
      if (this.peek().kind === '?') {
        const question = this.advance();
        const after = this.peek();
        if (after.kind !== '.' && after.kind !== '[') {
          this.fail(
            'expected-accessor',
            l10n.t("Expected '.' or '[' after '?' but found {0}", describeToken(after)),
            question.span,
          );
          return result;
        }
        optional = true;
      }
      const accessor = this.peek();
      if (accessor.kind === '.') {
        this.advance();
        const name = this.peek();
        if (name.kind !== 'identifier') {
          this.failPropertyName(accessor, name);
          return result;
        }
        this.advance();
        result = {
          kind: 'member',
          object: result,
          name: name.value,
          nameSpan: name.span,
          optional,
          span: { start: result.span.start, end: name.span.end },
        };
      } else if (accessor.kind === '[') {
        this.advance();
        const index = this.parseExpression(depth + 1);
        const object = result;
        // After an error: the index node as far as it was parsed (or the object alone without an index).
        const partial = (): ExpressionNode =>
          index
            ? { kind: 'index', object, index, optional, span: { start: object.span.start, end: this.lastEnd() } }
            : object;
        if (this.failed) return partial();
        const close = this.peek();
        if (close.kind !== ']') {
          if (close.kind === 'eof')
            this.fail('missing-close-bracket', l10n.t("Missing ']' to close '['"), accessor.span);
          else this.reportUnexpected(close, " inside '[...]': expected ']'");
          return partial();
        }
        this.advance();
        result = {
          kind: 'index',
          object: result,
          index: index as ExpressionNode,
          optional,
          span: { start: result.span.start, end: close.span.end },
        };
      } else {
        return result;
      }
    }
  }

  private failPropertyName(dot: Token, found: Token): void {
    let fix: ExpressionFix | undefined;
    if (found.kind === 'number' && /^\d+$/.test(found.text) && !found.spaceBefore) {
      fix = {
        span: { start: dot.span.start, end: found.span.end },
        replacement: `[${found.text}]`,
        title: l10n.t('Use [{0}]', found.text),
      };
    } else if (found.kind === 'string' && found.terminated && !found.spaceBefore) {
      fix = {
        span: { start: dot.span.start, end: found.span.end },
        replacement: `[${found.text}]`,
        title: l10n.t('Use [{0}]', found.text),
      };
    }
    const hint = fix ? l10n.t('; write {0} instead', fix.replacement) : '';
    this.fail(
      'expected-property-name',
      l10n.t("Expected a property name after '.' but found {0}{1}", describeToken(found), hint),
      found.kind === 'eof' ? dot.span : found.span,
      fix,
    );
  }

  /** Reports a token that cannot stand where it is, recognising `.name-with-dash`. */
  private reportUnexpected(token: Token, context: string): void {
    const dashed = this.dashedMemberName(token);
    if (dashed) {
      const replacement = `['${dashed.name.replace(/'/g, "''")}']`;
      this.fail(
        'unexpected-character',
        l10n.t(
          "Unexpected '-' after '.{0}': '-' cannot be part of a name written after '.'; write {1} instead",
          dashed.before,
          replacement,
        ),
        { start: token.span.start, end: token.span.start + 1 },
        { span: dashed.span, replacement, title: l10n.t('Use {0}', replacement) },
      );
      return;
    }
    if (token.kind === 'unknown') {
      const hint = token.text === '"' ? l10n.t(": strings in ADF expressions use single quotes ('text')") : '';
      this.fail('unexpected-character', l10n.t("Unexpected '{0}'{1}{2}", token.text, context, hint), token.span);
      return;
    }
    if (token.kind === 'string' && !token.terminated) {
      this.fail(
        'unterminated-string',
        l10n.t("Unterminated string: the closing single quote (') is missing"),
        token.span,
      );
      return;
    }
    this.fail(
      'unexpected-token',
      l10n.t('Unexpected {0}{1}', describeToken(token), context),
      token.kind === 'eof' ? this.endSpan(token) : token.span,
    );
  }

  /** For `.GP-Int`: the name as written with dashes, the part before the dash, and the span of `.GP-Int`. */
  private dashedMemberName(token: Token): { name: string; before: string; span: Span } | undefined {
    const startsWithDash =
      (token.kind === 'unknown' && token.text === '-') || (token.kind === 'number' && token.text.startsWith('-'));
    if (!startsWithDash || token.spaceBefore || this.index < 2) return undefined;
    const name = this.tokens[this.index - 1];
    const dot = this.tokens[this.index - 2];
    if (name.kind !== 'identifier' || dot.kind !== '.' || name.span.end !== token.span.start) return undefined;
    let end = name.span.end;
    while (end < this.source.length && /[\p{L}\p{N}_$-]/u.test(this.source[end])) end++;
    return { name: this.source.slice(name.span.start, end), before: name.value, span: { start: dot.span.start, end } };
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
  }

  private advance(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return token;
  }

  private lastEnd(): number {
    return this.index > 0 ? this.tokens[this.index - 1].span.end : this.tokens[0].span.start;
  }

  /** The end of input has no width: point at the last token instead, so it can be shown. */
  private endSpan(eof: Token): Span {
    return this.index > 0 ? this.tokens[this.index - 1].span : eof.span;
  }

  private fail(code: ExpressionErrorCode, message: string, span: Span, fix?: ExpressionFix): void {
    if (this.failed) return;
    this.failed = true;
    this.errors.push(fix ? { code, message, span, fix } : { code, message, span });
  }
}
