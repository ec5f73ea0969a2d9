import type { JsonDocument, JsonNode as Node } from '../json/parse';
import { LineIndex } from '../json/line-index';
import { forEachStringValue, propertyValue } from '../json/nodes';
import { createStringOffsetMapper } from '../json/string-offsets';
import { parseValue, type ParsedValue } from '../expressions';
import { ruleDescriptor } from './codes';
import { armLiteral, isArmExpression } from './arm';
import type { ActivityInfo, PipelineInfo } from './pipeline-model';
import { DEFAULT_LIMITS, type Fix, type OffsetRange, type Problem, type RelatedLocation, type Severity, type ValidateOptions } from './types';

export type ResolvedOptions = Required<Omit<ValidateOptions, 'severities'>> & Pick<ValidateOptions, 'severities'>;

/** A string value as ADF sees it: ARM escapes removed, with the offset shift that removal caused. */
export interface AdfString {
  readonly node: Node;
  readonly value: string;
  /** Characters of the decoded JSON string dropped before `value` (1 for an ARM `[[` escape). */
  readonly shift: number;
}

/** Activity-level keys whose values are never expressions. */
const NON_EXPRESSION_KEYS = new Set(['name', 'type', 'description', 'dependsOn', 'state', 'onInactiveMarkAs', 'externalReferences']);

const LITERAL: ParsedValue = { kind: 'literal', segments: [], errors: [] };

export class ValidationContext {
  readonly problems: Problem[] = [];
  readonly options: ResolvedOptions;
  private lines?: LineIndex;
  private readonly stringCache = new Map<ActivityInfo, AdfString[]>();
  private readonly upstreamCache = new Map<ActivityInfo, Set<ActivityInfo>>();
  private readonly parseCache = new Map<Node, ParsedValue>();

  constructor(
    readonly document: JsonDocument,
    readonly pipelines: readonly PipelineInfo[],
    options: ValidateOptions = {},
  ) {
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

  report(code: string, range: OffsetRange, message: string, extra: { related?: RelatedLocation[]; fix?: Fix; severity?: Severity } = {}): void {
    const override = this.options.severities?.[code];
    if (override === 'off') return;
    const severity = override ?? extra.severity ?? ruleDescriptor(code)?.severity ?? 'error';
    const problem: Problem = { range, severity, code, message };
    if (extra.related?.length) (problem as { related?: RelatedLocation[] }).related = extra.related;
    if (extra.fix && extra.fix.edits.length) (problem as { fix?: Fix }).fix = extra.fix;
    this.problems.push(problem);
  }

  /** The range of a node (a string includes its quotes). */
  rangeOf(node: Node): OffsetRange {
    return { start: node.offset, end: node.offset + node.length };
  }

  /** Range of an activity's name, or of the activity's opening brace when it has none. */
  activityRange(activity: ActivityInfo): OffsetRange {
    return activity.nameNode ? this.rangeOf(activity.nameNode) : { start: activity.node.offset, end: activity.node.offset + 1 };
  }

  /** File range of [start, end) inside a string value as ADF sees it (after ARM unescaping). */
  rangeInString(s: AdfString, start: number, end: number): OffsetRange {
    const mapper = createStringOffsetMapper(this.text, s.node);
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

  /** Every string of an activity that ADF evaluates as possible dynamic content (nested activities excluded). */
  activityStrings(activity: ActivityInfo): AdfString[] {
    const cached = this.stringCache.get(activity);
    if (cached) return cached;
    const out: AdfString[] = [];
    const nestedArrays = new Set(activity.childScopes.map((s) => s.arrayNode));
    const inArm = activity.pipeline.inArmTemplate;
    for (const prop of activity.node.children ?? []) {
      const [keyNode, valueNode] = prop.children ?? [];
      if (!keyNode || !valueNode || NON_EXPRESSION_KEYS.has(String(keyNode.value))) continue;
      forEachStringValue(
        valueNode,
        (n) => {
          const s = this.adfString(n, inArm);
          if (s) out.push(s);
        },
        (n) => nestedArrays.has(n),
      );
    }
    this.stringCache.set(activity, out);
    return out;
  }

  /** The string parsed as ADF dynamic content (cached: several rules look at the same strings). */
  parsed(s: AdfString): ParsedValue {
    if (s.value.indexOf('@') === -1) return LITERAL;
    let parsed = this.parseCache.get(s.node);
    if (!parsed) {
      parsed = parseValue(s.value);
      this.parseCache.set(s.node, parsed);
    }
    return parsed;
  }

  /** The activity strings that sit inside `node` (e.g. a url, a body or a header value). */
  stringsWithin(activity: ActivityInfo, node: Node | undefined): AdfString[] {
    if (!node) return [];
    const end = node.offset + node.length;
    return this.activityStrings(activity).filter((s) => s.node.offset >= node.offset && s.node.offset < end);
  }

  /** The string of a value written either as a plain string or as `{"value": "...", "type": "Expression"}`. */
  valueString(activity: ActivityInfo, node: Node | undefined): AdfString | undefined {
    const target = node?.type === 'object' ? propertyValue(node, 'value') : node;
    if (!target || target.type !== 'string') return undefined;
    return this.adfString(target, activity.pipeline.inArmTemplate);
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
