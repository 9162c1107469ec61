/**
 * COPY text collected in one reusable byte buffer: a bulk load that sends many batches fills the same memory each
 * time instead of leaving a batch's worth of strings to the garbage collector (they live long enough to be
 * promoted, and the old generation then grows with the file). Hand `bytes()` to a CopyFn and `clear()` only after
 * that COPY has settled.
 */
export class CopyBuffer {
  private buffer: Buffer;
  private used = 0;
  /** Lines appended since the last clear. */
  lines = 0;

  constructor(capacity: number) {
    this.buffer = Buffer.allocUnsafe(capacity);
  }

  /** Bytes held. */
  get byteLength(): number {
    return this.used;
  }

  /** Appends one line of COPY text (ending in a newline); grows only if a line would not fit. */
  push(line: string): void {
    const worst = line.length * 3;
    if (this.used + worst > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.used + worst));
      this.buffer.copy(grown, 0, 0, this.used);
      this.buffer = grown;
    }
    this.used += this.buffer.write(line, this.used, 'utf8');
    this.lines += 1;
  }

  /** The bytes held, as a view on the buffer (valid until the next push or clear). */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.used);
  }

  clear(): void {
    this.used = 0;
    this.lines = 0;
  }
}
