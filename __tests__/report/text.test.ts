import { cutLine, escapeHtml, logSafe, oneLine, stripAnsi } from '../../src/report/text.js';

/** What the runner would read as a command: `::` after leading whitespace, or `##[` anywhere. */
const isCommand = (line: string) => /^\s*::/.test(line) || line.includes('##[');

describe('logSafe: no printed line can become a workflow command', () => {
  it.each([
    ['::error::forged', ': :error::forged'],
    ['   ::set-output name=x::y', '   : :set-output name=x::y'],
    ['\t::add-mask::secret', '\t: :add-mask::secret'],
    ['text ##[error]forged', 'text ## [error]forged'],
    ['##[group]x', '## [group]x'],
    ['plain text: with colons :: inside', 'plain text: with colons :: inside'],
    ['\u001b[31m::error::red\u001b[0m', ': :error::red'],
  ])('%j → %j', (input, expected) => {
    expect(logSafe(input)).toBe(expected);
    expect(isCommand(logSafe(input))).toBe(false);
  });

  it('neutralises every line of multi-line text', () => {
    const out = logSafe('group: FAILED\r\n::error::one\n  ::warning::two\r##[error]three');
    expect(out.split('\n')).toHaveLength(4);
    for (const line of out.split('\n')) expect(isCommand(line)).toBe(false);
  });

  it('does not reopen a command by removing a colour code in between', () => {
    expect(isCommand(logSafe(':\u001b[0m:error::x'))).toBe(false);
    expect(isCommand(logSafe('#\u001b[0m#[error]x'))).toBe(false);
  });
});

describe('stripAnsi, cutLine, oneLine, escapeHtml', () => {
  it('strips colours, cursor moves, OSC links and control characters, keeps tabs', () => {
    expect(
      stripAnsi('\u001b[1;32mok\u001b[0m\t\u001b]8;;http://x\u0007link\u001b]8;;\u0007\u0008!'),
    ).toBe('ok\tlink!');
  });
  it('cuts long lines and says so', () => {
    expect(cutLine('x'.repeat(600), 500)).toHaveLength(500);
    expect(cutLine('x'.repeat(600), 500).endsWith('…')).toBe(true);
    expect(cutLine('short', 500)).toBe('short');
  });
  it('puts text on one line', () => {
    expect(oneLine('a\r\n  b\nc')).toBe('a b c');
  });
  it('escapes HTML and drops colour codes', () => {
    expect(escapeHtml('\u001b[31m<b>&</b>\u001b[0m')).toBe('&#60;b&#62;&#38;&#60;/b&#62;');
  });
});
