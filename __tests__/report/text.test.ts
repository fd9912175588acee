import {
  cutLine,
  cutMiddle,
  escapeHtml,
  githubSafe,
  logSafe,
  MIN_SECRET_LENGTH,
  oneLine,
  redact,
  secretForms,
  serviceMessage,
  stripAnsi,
} from '../../src/report/text.js';
import { DOTNET_WHITESPACE, FORGED_COMMANDS, runnerCommands } from '../runner-commands.js';

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
  it('drops the bidirectional controls that reorder text on screen, keeps marks and joiners', () => {
    const controls = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';
    expect(stripAnsi(`unit ${controls}FAILED`)).toBe('unit FAILED');
    expect(escapeHtml('a\u202eb')).toBe('ab');
    // Marks (LRM, RLM) reorder nothing on their own; joiners hold emoji and words together.
    expect(stripAnsi('\u200e\u200f👩\u200d💻 a\u2060b')).toBe('\u200e\u200f👩\u200d💻 a\u2060b');
  });
  const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  it('never cuts between the two halves of an emoji (a lone half is not text GitHub can show)', () => {
    // U+10FFFF: the highest pair of halves (U+DBFF, U+DFFF), where a range check ends.
    for (const text of ['💥'.repeat(20), `x${'💥'.repeat(20)}`, '\u{10FFFF}'.repeat(20)]) {
      for (const max of [9, 10, 11]) {
        expect(cutLine(text, max)).not.toMatch(LONE_SURROGATE);
        expect(cutLine(text, max).length).toBeLessThanOrEqual(max);
        expect(cutMiddle(text, max + 10, 4)).not.toMatch(LONE_SURROGATE);
        expect(cutMiddle(text, max + 10, 5)).not.toMatch(LONE_SURROGATE);
        expect(cutMiddle(text, max + 10, 5).length).toBeLessThanOrEqual(max + 10);
      }
    }
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

/** What may not reach the log or the summary: C0 controls but tab and line feed, DEL, C1 controls. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const hex = (c: string) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

describe('logSafe read as the runner reads it: every .NET whitespace character before every command', () => {
  // Where hostile text can sit in what the action prints: alone, after each kind of line break
  // (the runner ends a line at \r as well as \n), after a colour code, after more whitespace.
  const placements: Array<[string, (text: string) => string]> = [
    ['alone', (t) => t],
    ['after \\n', (t) => `ok\n${t}`],
    ['after \\r\\n', (t) => `ok\r\n${t}`],
    ['after a lone \\r', (t) => `ok\r${t}`],
    ['after \\r at the start', (t) => `\r${t}`],
    ['after a colour code', (t) => `\u001b[31m${t}`],
    ['after NEL and LINE SEPARATOR', (t) => `\u0085\u2028 ${t}`],
    ['after a C1 control', (t) => `\u009b${t}`],
  ];

  it.each(DOTNET_WHITESPACE.map((ws) => [hex(ws), ws]))('U+%s', (_, ws) => {
    for (const command of FORGED_COMMANDS)
      for (const [where, place] of placements) {
        const printed = logSafe(place(`${ws}${command}`));
        expect({ where, commands: runnerCommands(printed) }).toEqual({ where, commands: [] });
        expect(printed).not.toMatch(CONTROL);
        // Still readable: the command's text is there, its `::` opened by one space.
        expect(printed).toContain(`: ${command.slice(1)}`);
      }
  });

  it('keeps the legacy ##[ form inert behind every whitespace character and control', () => {
    for (const ws of [...DOTNET_WHITESPACE, '\u0085', '\u009b', '\u0000'])
      expect(runnerCommands(logSafe(`${ws}##[error]FORGED #${ws}#[error]FORGED`))).toEqual([]);
  });

  it('turns U+2028 and U+2029 into line breaks and drops C0 and C1 controls but tab', () => {
    expect(logSafe('a\u2028b\u2029c')).toBe('a\nb\nc');
    expect(logSafe('a\u0085b\u0000c\u007fd\u009fe\tf')).toBe('abcde\tf');
  });
});

describe('oneLine and escapeHtml: the summary shows forged commands as text', () => {
  it.each(DOTNET_WHITESPACE.map((ws) => [hex(ws), ws]))('U+%s', (_, ws) => {
    for (const command of FORGED_COMMANDS) {
      const html = escapeHtml(`${ws}${command}`);
      expect(html).not.toMatch(CONTROL);
      expect(html).not.toContain('\n');
      expect(html).toContain(escapeHtml(command));
    }
  });

  it('puts text broken by \\r, NEL, LINE and PARAGRAPH SEPARATOR on one line', () => {
    expect(oneLine('a\rb\u2028c\u2029 d')).toBe('a b c d');
  });

  it('takes a long run of spaces with no line break in it in one pass (a hostile test message)', () => {
    // Quadratic before: each space started a match that ran to the end of the run (15 seconds and more on a shared runner).
    const text = `x${' '.repeat(100_000)}y`;
    const started = performance.now();
    expect(oneLine(text)).toBe(text);
    expect(escapeHtml(`${text}\n  z`)).toBe(`${text} z`);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('joins each whitespace run around a line break into one space, and leaves other runs', () => {
    expect(oneLine('a  \r\n \n  b   c\t\td \u2028')).toBe('a b   c\t\td ');
  });
});

describe('githubSafe: service text in a check run or a pull request comment', () => {
  it.each([
    ['@octocat please look', '@\u2060octocat please look'],
    ['@org/team', '@\u2060org/team'],
    ['fixes #12', 'fixes #\u206012'],
    ['[x](https://evil.example)', '&#91;x&#93;&#40;https://evil.example&#41;'],
    [
      '![i](x) **b** _i_ `c` ~s~ a|b \\',
      '!&#91;i&#93;&#40;x&#41; &#42;&#42;b&#42;&#42; &#95;i&#95; &#96;c&#96; &#126;s&#126; a&#124;b &#92;',
    ],
    ['<!-- codebuild-batch-retry -->', '&#60;!-- codebuild-batch-retry --&#62;'],
    ['<img src=x onerror=alert(1)>', '&#60;img src=x onerror=alert&#40;1&#41;&#62;'],
    ['two\nlines', 'two lines'],
  ])('%j → %j', (input, expected) => {
    expect(githubSafe(input)).toBe(expected);
  });
});

describe('redact: a secret value in any form a sink may hold it', () => {
  const token = 'IQoJb3JpZ2luX2VjE+a/b==';
  const password = 'p@ss_w0rd<&>';
  // JSON escapes its quotes and backslash.
  const quoted = 'say "hi" C:\\now';
  it.each([
    ['as given', `echo ${token} back`, 'echo *** back'],
    ['twice', `${token}:${token}`, '***:***'],
    ['escaped for the summary', escapeHtml(`value ${password}`), 'value ***'],
    ['escaped for GitHub', githubSafe(`value ${password}`), 'value ***'],
    ['URL-encoded', `token=${encodeURIComponent(token)}`, 'token=***'],
    ['inside a JSON string', JSON.stringify({ quoted }), '{"quoted":"***"}'],
    ['a secret holding another is hidden whole', `${token}XYZW`, '***'],
  ])('%s', (_, text, expected) => {
    expect(redact(text, secretForms([token, password, quoted, `${token}XYZW`]))).toBe(expected);
  });

  it("a value's runs of letters and digits count only for a token: an env value's words stay", () => {
    const value = 'production-database';
    expect(redact('the production database', secretForms([value]))).toBe('the production database');
    expect(secretForms([value], { token: true })).toContain('production');
  });

  it('hides values of 4 characters and more; credentials of 8 and more', () => {
    expect(redact('pin 7391 set', secretForms(['7391']))).toBe('pin *** set');
    expect(redact('key abcd1234 set', secretForms(['abcd1234'], { token: true }))).toBe(
      'key *** set',
    );
    // A stand-in's credential (LocalStack's `test`) would take words out of group names.
    expect(secretForms(['test'], { token: true })).toEqual([]);
    expect(secretForms(['abcd123'], { token: true })).toEqual([]);
  });

  it(`leaves values shorter than ${MIN_SECRET_LENGTH} characters and text without secrets as they are`, () => {
    expect(secretForms(['on', '42', '739'])).toEqual([]);
    expect(redact('nothing here', secretForms([token]))).toBe('nothing here');
  });
});

// A session token holds '+', '/' and '=': the forms other encoders give those, which an echo of the
// request's headers (a proxy's or a front end's error page) may carry.
describe('redact: a session token as other encoders write it', () => {
  const token = 'IQoJb3JpZ2luX2VjE+a/b==';
  it.each([
    [
      'JSON with escaped slashes (PHP json_encode)',
      '{"x-amz-security-token":"IQoJb3JpZ2luX2VjE+a\\/b=="}',
    ],
    [
      'JSON with \\u escapes (.NET System.Text.Json)',
      '{"x-amz-security-token":"IQoJb3JpZ2luX2VjE\\u002Ba/b=="}',
    ],
    ['lower-case percent-encoding (.NET HttpUtility)', 'token=IQoJb3JpZ2luX2VjE%2ba%2fb%3d%3d'],
  ])('%s', (_, text) => {
    expect(redact(text, secretForms([token], { token: true }))).not.toContain('IQoJb3JpZ2luX2VjE');
  });
});

describe('serviceMessage: a message of a service cut to 2,000 characters', () => {
  const token = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+abc=';
  it.each([
    ['across the cut of its start', 1_480],
    ['across the cut of its end', 5_000 - 520],
  ])('moves a cut off a token it would go through (%s)', (_, at) => {
    const text = `${'a b '.repeat(1_250).slice(0, at)}${token}${' c d'.repeat(1_250)}`.slice(
      0,
      5_000,
    );
    const cut = serviceMessage(text);
    expect(cut.length).toBeLessThanOrEqual(2_000);
    // Whole or not at all: the step's redaction of whole values then finds it.
    const parts = cut.match(/[A-Za-z0-9+/=_-]{10,}/g) ?? [];
    for (const part of parts) expect(part === token || !token.includes(part)).toBe(true);
  });

  it('keeps a message that fits as it is', () => {
    expect(serviceMessage('x'.repeat(2_000))).toBe('x'.repeat(2_000));
  });

  it('cuts one long run of token characters to nothing rather than in part', () => {
    expect(serviceMessage(`bad: ${'A'.repeat(2_000_000)}`)).toBe('bad:  … ');
  });
});
