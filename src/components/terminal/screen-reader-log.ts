const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\x1b[()][A-Za-z0-9]|\x1b./g;

/**
 * Mirrors terminal output, as plain text, into a role="log" region so that screen readers announce
 * it. Text nodes only: typed or printed text never becomes HTML.
 */
export class ScreenReaderLog {
  private line = '';
  private static readonly MAX_LINES = 200;

  constructor(private readonly region: HTMLElement) {}

  append(text: string): void {
    const plain = text.replace(ANSI, '').replace(/\r/g, '');
    const parts = (this.line + plain).split('\n');
    this.line = parts.pop() ?? '';
    for (const part of parts) this.addLine(part);
  }

  private addLine(text: string): void {
    const div = this.region.ownerDocument.createElement('div');
    div.textContent = text;
    this.region.append(div);
    while (this.region.childElementCount > ScreenReaderLog.MAX_LINES) this.region.firstElementChild?.remove();
  }
}
