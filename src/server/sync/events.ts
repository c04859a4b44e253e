/** In-process fan-out of the newest change-log position to the SSE listeners. */
export class CursorHub {
  private readonly listeners = new Set<(cursor: number) => void>();
  private latest = 0;

  publish(cursor: number): void {
    if (cursor <= this.latest) return;
    this.latest = cursor;
    for (const l of this.listeners) l(cursor);
  }

  subscribe(listener: (cursor: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }
}
