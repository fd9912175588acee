/**
 * The one place text from the service (or a build) is made safe to show. Pure.
 *
 * The runner reads a log line as a workflow command when, after leading whitespace, it starts with
 * `::`, and in the legacy form wherever it contains `##[`; a line break inside service text would
 * start a new line. So every line the action prints passes through logSafe, and HTML goes through
 * escapeHtml.
 */

/** ANSI escape sequences: CSI (colours, cursor; also its C1 form), OSC, two-character escapes. */
const ANSI =
  // eslint-disable-next-line no-control-regex
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]/g;
// C0 controls other than tab and line breaks, DEL and C1 controls (NEL among them): they garble a
// log or a page, and the runner trims NEL like a space before looking for `::`. And the
// bidirectional embeddings, overrides and isolates: on screen they reorder the text after them (a
// test name could turn "FAILED in build group unit" around); without them it reads in its order.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/**
 * Line breaks: the runner ends a line at \r as well as \n; U+2028 and U+2029 are not breaks to it,
 * but its TrimStart() skips them, and a reader's page may break there.
 */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/;
/**
 * Whitespace before a `::` the runner would read as a command: every character .NET's
 * char.IsWhiteSpace accepts (what the runner's TrimStart() removes) and all JavaScript's \s.
 */
const LEADING_SPACE = /^([\s\u0085]*):(?=:)/;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '').replace(CONTROL, '');
}

/**
 * The first `end` UTF-16 units of text, or one fewer where `end` falls between the two halves of a
 * character beyond U+FFFF (an emoji): a lone half is not text, GitHub's API may refuse it, and
 * pages show it as �.
 */
function head(text: string, end: number): string {
  const last = text.charCodeAt(end - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? end - 1 : end);
}
/** The last `count` UTF-16 units of text, or one fewer where they would start with a lone half. */
function tail(text: string, count: number): string {
  const first = text.charCodeAt(text.length - count);
  return text.slice(text.length - (first >= 0xdc00 && first <= 0xdfff ? count - 1 : count));
}

/** Cuts a line to at most max characters, saying it was cut. */
export function cutLine(text: string, max: number): string {
  return text.length <= max ? text : `${head(text, max - 1)}…`;
}

/**
 * Cuts text to at most max characters in its middle, keeping its last `keep` characters: where the
 * end says as much as the start (a command, then why it failed).
 */
export function cutMiddle(text: string, max: number, keep: number): string {
  return text.length <= max ? text : `${head(text, max - keep - 3)} … ${tail(text, keep)}`;
}

/**
 * A service's or GitHub's message as the action says it: longer than any writes (a proxy's error
 * page, a hostile answer of megabytes), it is cut in its middle.
 */
export function serviceMessage(text: string): string {
  if (text.length <= SERVICE_MESSAGE_MAX) return text;
  // Neither edge inside a run of a token's characters: a credential the answer echoed, cut through,
  // would keep a part the step's redaction of whole values no longer recognises.
  let end = SERVICE_MESSAGE_MAX - SERVICE_MESSAGE_END - 3;
  while (end > 0 && TOKEN_CHAR.test(text[end - 1]!) && TOKEN_CHAR.test(text[end]!)) end--;
  let start = text.length - SERVICE_MESSAGE_END;
  while (start < text.length && TOKEN_CHAR.test(text[start - 1]!) && TOKEN_CHAR.test(text[start]!))
    start++;
  return `${head(text, end)} … ${text.slice(start).replace(/^[\udc00-\udfff]/, '')}`;
}
const SERVICE_MESSAGE_MAX = 2_000;
/** Of a message cut, its end kept: where a service says what to do. */
const SERVICE_MESSAGE_END = 500;
/** The characters of access keys, session tokens and GitHub tokens (base64 and base64url). */
const TOKEN_CHAR = /[A-Za-z0-9+/=_-]/;

/**
 * Each line made inert for the runner: a leading `::` (after whitespace) gets a space between its
 * colons, and `##[` becomes `## [`. The text stays readable; only the command syntax breaks.
 */
export function logSafe(text: string): string {
  return stripAnsi(text)
    .split(LINE_BREAK)
    .map((line) => line.replace(LEADING_SPACE, '$1: ').replaceAll('##[', '## ['))
    .join('\n');
}

/**
 * Service text on one line: a line break in it could otherwise end up as a line of its own. Each
 * run of whitespace is matched once and becomes one space if it holds a break: a pattern that
 * looked for the break after optional whitespace restarted at every space of a long run without
 * one, quadratic in it (a 100 KB test message held the step for seconds, a megabyte for minutes).
 */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, (run) => (BREAK_IN_RUN.test(run) ? ' ' : run));
}
const BREAK_IN_RUN = /[\r\n\u2028\u2029]/;

/**
 * Escapes text for the summary's HTML blocks. Markdown is not read inside an HTML block, but a
 * blank line would end the block: line breaks become spaces.
 */
export function escapeHtml(text: string): string {
  return oneLine(stripAnsi(text)).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Service text in a check run's output or a pull request comment, which are GitHub Markdown made of
 * HTML blocks: escaped as escapeHtml does, with a word joiner (U+2060, invisible) after every @ and
 * #, so that a build's text can neither mention anyone (a comment would notify them) nor link an
 * issue, and Markdown's link, emphasis and code characters as entities, so that no link or emphasis
 * forms even where Markdown is read. The marker that finds the comment again is an HTML comment:
 * escaped, `<!--` cannot open one.
 */
export function githubSafe(text: string): string {
  return escapeHtml(text.replace(/[@#]/g, '$&\u2060')).replace(
    /[[\]()*_`~\\|]/g,
    (c) => `&#${c.charCodeAt(0)};`,
  );
}

/** A link in a check run or a pull request comment: its text made safe there, its URL escaped. */
export function githubAnchor(text: string, url: string | undefined): string {
  return url ? `<a href="${escapeHtml(url)}">${githubSafe(text)}</a>` : githubSafe(text);
}

/** Shorter values are not hidden: taking every "on" or "42" out of the text would garble it. */
export const MIN_SECRET_LENGTH = 4;
/**
 * Nor credentials shorter than this: real ones are longer, and a stand-in's (LocalStack's `test`)
 * would take words out of group names and batch ids.
 */
const MIN_TOKEN_LENGTH = 8;

/** A token's letters and digits in a run this long are its own: no text holds them by chance. */
const TOKEN_RUN = /[A-Za-z0-9]{10,}/g;

/**
 * The forms a secret value takes in text, longest first, for redact: as given, escaped for a page
 * (escapeHtml, githubSafe), URL-encoded and inside a JSON string, so that text may be redacted
 * before or after it is escaped. With `token` (a credential, a token: random text), also each run
 * of ten or more letters and digits in it: the runs are the same in every encoding an echo may use
 * (escaped slashes, \u002B, lower-case %2b), which only the characters between them change.
 */
export function secretForms(
  secrets: Iterable<string>,
  options: { token?: boolean } = {},
): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < (options.token ? MIN_TOKEN_LENGTH : MIN_SECRET_LENGTH)) continue;
    for (const form of [
      secret,
      escapeHtml(secret),
      githubSafe(secret),
      encodeURIComponent(secret),
      JSON.stringify(secret).slice(1, -1),
      ...(options.token ? (secret.match(TOKEN_RUN) ?? []) : []),
    ])
      forms.add(form);
  }
  // Longest first: a secret that contains another is hidden whole.
  return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * Text with each of secretForms' forms replaced by `***`, as the runner masks its log. The runner
 * masks only its log; a comment, a check run and the job summary are ours to keep clean.
 */
export function redact(text: string, forms: readonly string[]): string {
  let out = text;
  for (const form of forms) out = out.replaceAll(form, '***');
  return out;
}

/** A sentence's first letter upper-cased: "the last 20 lines" opening a line. */
export const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
