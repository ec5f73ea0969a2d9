import {
  type JsonDocument,
  type JsonNode as Node,
  LineIndex,
  propertyValue,
  createStringOffsetMapper,
  type StringOffsetMapper,
} from '../json';
import type { ExpressionReference, ParsedValue } from '../expressions';
import type { PipelineDocument } from './pipeline-document';
import { ruleDescriptor } from './codes';
import { armLiteral, isArmExpression } from './arm';
import type { ActivityInfo, PipelineInfo } from './pipeline-model';
import {
  DEFAULT_LIMITS,
  type Fix,
  type OffsetRange,
  type Problem,
  type RelatedLocation,
  type Severity,
  type ValidateOptions,
} from './types';

export type ResolvedOptions = Required<Omit<ValidateOptions, 'severities'>> & Pick<ValidateOptions, 'severities'>;

/** A string value as ADF sees it: ARM escapes removed, with the offset shift that removal caused. */
export interface AdfString {
  readonly node: Node;
  readonly value: string;
  /** Characters of the decoded JSON string dropped before `value` (1 for an ARM `[[` escape). */
  readonly shift: number;
}

/** Activity-level keys whose values are never expressions. */
const NON_EXPRESSION_KEYS = new Set([
  'name',
  'type',
  'description',
  'dependsOn',
  'state',
  'onInactiveMarkAs',
  'externalReferences',
]);

const LITERAL: ParsedValue = { kind: 'literal', segments: [], errors: [] };

export class ValidationContext {
  readonly problems: Problem[] = [];
  readonly options: ResolvedOptions;
  private lines?: LineIndex;
  private readonly stringCache = new Map<ActivityInfo, AdfString[]>();
  private readonly upstreamCache = new Map<ActivityInfo, Set<ActivityInfo>>();
  private readonly mapperCache = new Map<Node, StringOffsetMapper>();

  readonly document: JsonDocument;
  readonly pipelines: readonly PipelineInfo[];

  constructor(
    private readonly parsedDocument: PipelineDocument,
    options: ValidateOptions = {},
  ) {
    this.document = parsedDocument.json;
    this.pipelines = parsedDocument.pipelines;
    this.options = {
      maxActivities: options.maxActivities ?? DEFAULT_LIMITS.maxActivities,
      maxParameters: options.maxParameters ?? DEFAULT_LIMITS.maxParameters,
      maxExpressionLength: options.maxExpressionLength ?? DEFAULT_LIMITS.maxExpressionLength,
      maxPipelineBytes: options.maxPipelineBytes ?? DEFAULT_LIMITS.maxPipelineBytes,
      checkDespiteSyntaxErrors: options.checkDespiteSyntaxErrors ?? false,
      severities: options.severities,
    };
  }

  get text(): string {
    return this.document.text;
  }

  get lineIndex(): LineIndex {
    this.lines ??= new LineIndex(this.document.text);
    return this.lines;
  }

  /**
   * Adds a problem. A fix may be given as a function: it is then computed only when someone reads
   * `problem.fix` (fixes built with jsonc-parser's modify re-read the whole text, too slow to do eagerly).
   */
  report(
    code: string,
    range: OffsetRange,
    message: string,
    extra: { related?: RelatedLocation[]; fix?: Fix | (() => Fix | undefined); severity?: Severity } = {},
  ): void {
    const override = this.options.severities?.[code];
    if (override === 'off') return;
    const severity = override ?? extra.severity ?? ruleDescriptor(code)?.severity ?? 'error';
    const problem: Problem = { range, severity, code, message };
    if (extra.related?.length) (problem as { related?: RelatedLocation[] }).related = extra.related;
    const fix = extra.fix;
    if (typeof fix === 'function') {
      let computed: Fix | undefined | null = null;
      Object.defineProperty(problem, 'fix', {
        enumerable: true,
        configurable: true,
        get: (): Fix | undefined => {
          if (computed === null) {
            const value = fix();
            computed = value && value.edits.length ? value : undefined;
          }
          return computed;
        },
      });
    } else if (fix && fix.edits.length) {
      (problem as { fix?: Fix }).fix = fix;
    }
    this.problems.push(problem);
  }

  /** The range of a node (a string includes its quotes). */
  rangeOf(node: Node): OffsetRange {
    return { start: node.offset, end: node.offset + node.length };
  }

  /** Range of an activity's name, or of the activity's opening brace when it has none. */
  activityRange(activity: ActivityInfo): OffsetRange {
    return activity.nameNode
      ? this.rangeOf(activity.nameNode)
      : { start: activity.node.offset, end: activity.node.offset + 1 };
  }

  /** File range of [start, end) inside a string value as ADF sees it (after ARM unescaping). */
  rangeInString(s: AdfString, start: number, end: number): OffsetRange {
    let mapper = this.mapperCache.get(s.node);
    if (!mapper) {
      mapper = createStringOffsetMapper(this.text, s.node);
      this.mapperCache.set(s.node, mapper);
    }
    return { start: mapper.toFileOffset(start + s.shift), end: mapper.toFileOffset(end + s.shift) };
  }

  /** The string as ADF sees it, or undefined when it is an ARM expression (only known at deployment). */
  adfString(node: Node, inArm: boolean): AdfString | undefined {
    if (node.type !== 'string' || typeof node.value !== 'string') return undefined;
    if (!inArm) return { node, value: node.value, shift: 0 };
    if (isArmExpression(node.value)) return undefined;
    const { value, shift } = armLiteral(node.value);
    return { node, value, shift };
  }

  /**
   * Every string of an activity that may be ADF dynamic content (it contains `@`), nested activities
   * excluded. Plain strings are left out: no expression rule needs them.
   */
  activityStrings(activity: ActivityInfo): AdfString[] {
    const cached = this.stringCache.get(activity);
    if (cached) return cached;
    const out: AdfString[] = [];
    const nestedArrays = activity.childScopes.length
      ? new Set(activity.childScopes.map((s) => s.arrayNode))
      : undefined;
    const inArm = activity.pipeline.inArmTemplate;
    const text = this.text;
    // Subtrees whose text holds no `@` cannot hold dynamic content: one indexOf skips them whole.
    let nextAt = text.indexOf('@', activity.node.offset);
    const visit = (node: Node): void => {
      if (nextAt === -1) return;
      const end = node.offset + node.length;
      if (nextAt < node.offset) nextAt = text.indexOf('@', node.offset);
      if (nextAt === -1 || nextAt >= end) return;
      if (node.type === 'string') {
        const s = this.adfString(node, inArm);
        if (s) out.push(s);
        return;
      }
      if (nestedArrays?.has(node)) return;
      const children = node.children;
      if (!children) return;
      for (let i = 0; i < children.length; i++) {
        const child = children[i];
        visit(child.type === 'property' ? (child.children?.[1] ?? child) : child);
      }
    };
    for (const prop of activity.node.children ?? []) {
      const [keyNode, valueNode] = prop.children ?? [];
      if (!keyNode || !valueNode || NON_EXPRESSION_KEYS.has(String(keyNode.value))) continue;
      visit(valueNode);
    }
    this.stringCache.set(activity, out);
    return out;
  }

  /** The activity's possible dynamic-content strings that sit inside `node` (e.g. a url or a header value). */
  stringsWithin(activity: ActivityInfo, node: Node | undefined): AdfString[] {
    if (!node) return [];
    const end = node.offset + node.length;
    return this.activityStrings(activity).filter((s) => s.node.offset >= node.offset && s.node.offset < end);
  }

  /** The string parsed as ADF dynamic content (cached: several rules look at the same strings). */
  parsed(s: AdfString): ParsedValue {
    if (s.value.indexOf('@') === -1) return LITERAL;
    return this.parsedDocument.expressions.parse(s.value);
  }

  /** A raw string value parsed as ADF dynamic content (kept in the document's memo). */
  parseString(value: string): ParsedValue {
    return value.indexOf('@') === -1 ? LITERAL : this.parsedDocument.expressions.parse(value);
  }

  /** The string of a value written either as a plain string or as `{"value": "...", "type": "Expression"}`. */
  valueString(activity: ActivityInfo, node: Node | undefined): AdfString | undefined {
    const target = node?.type === 'object' ? propertyValue(node, 'value') : node;
    if (!target || target.type !== 'string') return undefined;
    return this.adfString(target, activity.pipeline.inArmTemplate);
  }

  /** What a parsed string refers to (cached: the expression, web and batch rules all ask). */
  references(parsed: ParsedValue): ExpressionReference[] {
    return parsed.kind === 'literal' ? [] : this.parsedDocument.expressions.references(parsed);
  }

  /** Activities that always finish before `activity` starts: its dependsOn closure and its containers' closures. */
  upstreamOf(activity: ActivityInfo): Set<ActivityInfo> {
    const cached = this.upstreamCache.get(activity);
    if (cached) return cached;
    const result = new Set<ActivityInfo>();
    this.upstreamCache.set(activity, result); // guards against cycles
    for (const dep of activity.dependsOn) {
      if (dep.target === undefined) continue;
      for (const target of activity.scope.byName.get(dep.target.toLowerCase()) ?? []) {
        if (target === activity || result.has(target)) continue;
        result.add(target);
        for (const t of this.upstreamOf(target)) result.add(t);
      }
    }
    if (activity.container) for (const t of this.upstreamOf(activity.container)) result.add(t);
    return result;
  }

  /** Value node at a key of an activity's typeProperties. */
  typeProperty(activity: ActivityInfo, key: string): Node | undefined {
    return propertyValue(activity.typeProperties, key);
  }
}
