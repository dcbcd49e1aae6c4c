import { describe, expect, test } from 'vitest';
import { LineEditor } from '../../../src/components/terminal/line-editor';

function type(editor: LineEditor, data: string) {
  return LineEditor.keys(data).map((key) => editor.press(key));
}

describe('LineEditor', () => {
  test('splits escape sequences from plain keys', () => {
    expect(LineEditor.keys('a\x1b[Db\x1b[3~\x1bOH\r')).toEqual(['a', '\x1b[D', 'b', '\x1b[3~', '\x1bOH', '\r']);
  });

  test('inserts at the cursor and submits the whole line', () => {
    const editor = new LineEditor({ entries: [] });
    const events = type(editor, 'dcker\x1b[D\x1b[D\x1b[D\x1b[Do\r');
    expect(events.at(-1)).toEqual({ kind: 'submit', line: 'docker' });
    expect(editor.buffer).toBe('');
  });

  test('Home/End, Ctrl+A/E/K/U/W and Delete edit like readline', () => {
    const editor = new LineEditor({ entries: [] });
    type(editor, 'docker ps -a');
    type(editor, '\x17');
    expect(editor.buffer).toBe('docker ps ');
    type(editor, '\x01\x1b[3~');
    expect(editor.buffer).toBe('ocker ps ');
    type(editor, '\x1b[C\x1b[C\x0b');
    expect(editor.buffer).toBe('oc');
    type(editor, '\x05X\x15');
    expect(editor.buffer).toBe('');
    type(editor, '\x19');
    expect(editor.buffer).toBe('ocX');
  });

  test('history: up recalls older entries, down returns to the draft', () => {
    const editor = new LineEditor({ entries: ['ls', 'docker images'] });
    type(editor, 'dra');
    type(editor, '\x1b[A');
    expect(editor.buffer).toBe('docker images');
    type(editor, '\x1b[A\x1b[A');
    expect(editor.buffer).toBe('ls');
    type(editor, '\x1b[B\x1b[B');
    expect(editor.buffer).toBe('dra');
  });

  test('Ctrl+C, Ctrl+D on an empty line, Ctrl+L and Tab are events', () => {
    const editor = new LineEditor({ entries: [] });
    expect(type(editor, '\x03\x04\x0c\t')).toEqual([
      { kind: 'interrupt' },
      { kind: 'eof' },
      { kind: 'clear-screen' },
      { kind: 'complete' },
    ]);
  });
});
