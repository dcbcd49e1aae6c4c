import { describe, expect, test } from 'vitest';
import { paragraphs, plainText, spans } from '../../../src/components/quiz/inline';

describe('quiz text markup', () => {
  test('backticks make code spans', () => {
    expect(spans('run `docker ps -a` now')).toEqual([
      { code: false, text: 'run ' },
      { code: true, text: 'docker ps -a' },
      { code: false, text: ' now' },
    ]);
    expect(spans('`a``b`')).toEqual([
      { code: true, text: 'a' },
      { code: true, text: 'b' },
    ]);
  });

  test('a lone backtick and an empty pair stay text', () => {
    expect(spans('a ` b')).toEqual([{ code: false, text: 'a ` b' }]);
    expect(spans('a `` b')).toEqual([{ code: false, text: 'a `` b' }]);
  });

  test('HTML in a text is just text', () => {
    expect(spans('<b>x</b> `<i>`')).toEqual([
      { code: false, text: '<b>x</b> ' },
      { code: true, text: '<i>' },
    ]);
  });

  test('each non-blank line is a paragraph', () => {
    expect(paragraphs('one\n\n two \n')).toEqual(['one', 'two']);
    expect(plainText('a `b`\nc')).toBe('a b c');
  });
});
