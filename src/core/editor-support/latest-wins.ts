// Keeps stale results out: a result computed for an older version of a document never replaces a newer one.

/** The newest version whose results were accepted, per document key. */
export class LatestVersionGate {
  private readonly accepted = new Map<string, number>();

  /**
   * True (and records `version`) when a result for `version` may be shown: no result for a newer version of the
   * same document was accepted before it.
   */
  accept(key: string, version: number): boolean {
    const previous = this.accepted.get(key);
    if (previous !== undefined && previous > version) return false;
    this.accepted.set(key, version);
    return true;
  }

  /** Forgets a document (closed or deleted): its next result is accepted whatever its version. */
  forget(key: string): void {
    this.accepted.delete(key);
  }
}
