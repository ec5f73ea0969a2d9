// Who blocked the event loop: the busy stretches of a V8 CPU profile (samples with no idle between them), each
// split by what ran: our extension's code, garbage collection, or the rest (VS Code's own work in the extension
// host: its RPC, file search, port finder...). monitorEventLoopDelay tells how long the loop stalled; this tells
// whose code was running meanwhile.

/** The parts of a .cpuprofile (Profiler.stop) this reads. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string }; children?: number[] }>;
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface BusyStretch {
  /** Wall time of the stretch (ms). */
  ms: number;
  /** Time with our code on the stack, in garbage collection, and in anything else (ms). */
  oursMs: number;
  gcMs: number;
  otherMs: number;
  /** The frame that ran most in the stretch, apart from ours and GC ("function file"). */
  topOther: string;
}

export interface LongTaskReport {
  /** Busy stretches longer than the threshold, longest first. */
  stretches: BusyStretch[];
  /** The longest run of consecutive samples with our code on the stack (ms): our longest uninterrupted work. */
  longestOursMs: number;
}

/** `isOurs(url)` says whether a frame's script is ours. */
export function longTasks(profile: CpuProfile, isOurs: (url: string) => boolean, thresholdMs = 50): LongTaskReport {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const kindCache = new Map<number, 'idle' | 'gc' | 'ours' | 'other'>();
  const kindOf = (id: number): 'idle' | 'gc' | 'ours' | 'other' => {
    let kind = kindCache.get(id);
    if (kind) return kind;
    const name = byId.get(id)?.callFrame.functionName;
    kind = name === '(idle)' ? 'idle' : name === '(garbage collector)' ? 'gc' : 'other';
    for (let at: number | undefined = id; kind === 'other' && at !== undefined; at = parentOf.get(at)) {
      const url = byId.get(at)?.callFrame.url ?? '';
      // The profiler's own start and stop are not the extension host's work.
      if (url === 'node:inspector') kind = 'idle';
      else if (isOurs(url)) kind = 'ours';
    }
    kindCache.set(id, kind);
    return kind;
  };
  const frameName = (id: number): string => {
    const frame = byId.get(id)?.callFrame;
    return frame ? `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}`.trim() : '?';
  };

  const stretches: BusyStretch[] = [];
  let current: { ms: number; oursMs: number; gcMs: number; otherMs: number; others: Map<string, number> } | undefined;
  let oursRun = 0;
  let longestOursMs = 0;
  const close = (): void => {
    if (current && current.ms > thresholdMs) {
      const topOther = [...current.others].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '-';
      stretches.push({
        ms: current.ms,
        oursMs: current.oursMs,
        gcMs: current.gcMs,
        otherMs: current.otherMs,
        topOther,
      });
    }
    current = undefined;
  };
  for (let i = 0; i < profile.samples.length; i++) {
    // A sample's delta is the time since the previous one: that time is charged to this sample's state.
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const id = profile.samples[i];
    const kind = kindOf(id);
    oursRun = kind === 'ours' ? oursRun + ms : 0;
    longestOursMs = Math.max(longestOursMs, oursRun);
    if (kind === 'idle') {
      close();
      continue;
    }
    current ??= { ms: 0, oursMs: 0, gcMs: 0, otherMs: 0, others: new Map() };
    current.ms += ms;
    if (kind === 'ours') current.oursMs += ms;
    else if (kind === 'gc') current.gcMs += ms;
    else {
      current.otherMs += ms;
      const name = frameName(id);
      current.others.set(name, (current.others.get(name) ?? 0) + ms);
    }
  }
  close();
  return { stretches: stretches.sort((a, b) => b.ms - a.ms), longestOursMs };
}
