export const id = 624;
export const ids = [624];
export const modules = {

/***/ 2624:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Budget: () => (/* binding */ Budget),
  CANCELLED_NOTE: () => (/* binding */ CANCELLED_NOTE),
  FINISH_BUDGET_MS: () => (/* binding */ FINISH_BUDGET_MS),
  GitHubReport: () => (/* binding */ GitHubReport),
  eventFromContext: () => (/* binding */ eventFromContext),
  openGitHubReport: () => (/* binding */ openGitHubReport)
});

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 21 modules
var github = __webpack_require__(1758);
// EXTERNAL MODULE: ./src/config/github-inputs.ts
var github_inputs = __webpack_require__(5205);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(7827);
// EXTERNAL MODULE: ./src/report/diagnosis.ts
var diagnosis = __webpack_require__(2471);
// EXTERNAL MODULE: ./src/report/links.ts
var report_links = __webpack_require__(3303);
// EXTERNAL MODULE: ./src/report/outcome.ts
var outcome = __webpack_require__(5066);
// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(7994);
// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(5655);
;// CONCATENATED MODULE: ./src/report/checks.ts





/** The Checks API's limit on an output's summary and text (characters; bytes for the summary). */
const OUTPUT_MAX_BYTES = 65_535;
/** A title is a line in the checks box. */
const TITLE_MAX = 120;
/** `<check-name>/<group>`, on one line. */
function checkRunName(checkName, group) {
    return (0,report_text/* oneLine */.TN)((0,report_text/* stripAnsi */.aJ)(`${checkName}/${group}`));
}
const FAILED = new Set(['FAILED', 'FAULT', 'TIMED_OUT']);
/**
 * Where a group's check run stands: SUCCEEDED → success; FAILED, FAULT, TIMED_OUT → failure (neutral
 * with ignore-failure); STOPPED → cancelled, or skipped when it never ran because a group it depends
 * on failed; CANCELLED (the step stopped waiting) → cancelled. A group that has not ended is in
 * progress or queued, unless the batch is over (it never ran: skipped) or the step is.
 */
function checkState(group, batch, stepEnded) {
    const completed = (conclusion) => ({ status: 'completed', conclusion });
    if (group.status === 'SUCCEEDED')
        return completed('success');
    if (FAILED.has(group.status))
        return completed(group.ignoreFailure ? 'neutral' : 'failure');
    if (group.status === 'STOPPED')
        return completed(group.blockedBy.length > 0 ? 'skipped' : group.ignoreFailure ? 'neutral' : 'cancelled');
    if (group.status === outcome/* CANCELLED */.gD)
        return completed('cancelled');
    if (batch.complete)
        return completed(group.status === 'PENDING' ? 'skipped' : 'cancelled');
    if (stepEnded)
        return completed('cancelled');
    return { status: group.status === 'IN_PROGRESS' ? 'in_progress' : 'queued' };
}
/** The diagnosis of one group; service text is never used as a plain object's key. */
function diagnosisOf(diagnosis, id) {
    return diagnosis?.groups.get(id);
}
function title(group, state, found) {
    const build = group.attempts > 1 ? ` (build ${group.attempts})` : '';
    let text;
    if (state.status === 'queued')
        text = `Waiting to run${build}`;
    else if (state.status === 'in_progress')
        text = `Running${build}`;
    else if (state.conclusion === 'success')
        text = group.flaky
            ? `Succeeded after failing earlier in this batch${build}`
            : `Succeeded${build}`;
    else if (state.conclusion === 'skipped')
        text =
            group.blockedBy.length > 0 ? `Not run: ${group.blockedBy.join(', ')} failed` : 'Never ran';
    else if (state.conclusion === 'cancelled')
        text = group.status === 'STOPPED' ? 'Stopped' : 'Cancelled: the step stopped following it';
    else {
        const ignored = state.conclusion === 'neutral' ? ' (ignore-failure)' : '';
        text = `${group.status}${ignored}${found?.reason ? `: ${found.reason}` : ''}`;
    }
    return (0,report_text/* cutLine */.Hh)((0,report_text/* oneLine */.TN)((0,report_text/* stripAnsi */.aJ)(text)), TITLE_MAX);
}
const code = (text) => `<code>${(0,report_text/* githubSafe */.Fv)(text)}</code>`;
/** The failing cases listed (at most `max`), then how many more there are. */
function casesPart(found, max) {
    const listed = found.failingCases.slice(0, max);
    const more = found.moreCases + found.failingCases.length - listed.length;
    const items = listed.map((c) => {
        const status = c.status === 'FAILED' ? '' : ` ${(0,report_text/* githubSafe */.Fv)(c.status)}`;
        const message = c.message ? `: ${(0,report_text/* githubSafe */.Fv)(c.message)}` : '';
        const duration = c.durationMs === undefined ? '' : ` (${(0,outcome/* formatDuration */.a3)(c.durationMs)})`;
        return `<li>${code((0,diagnosis/* caseName */.cY)(c))}${status}${message}${duration}</li>`;
    });
    if (more > 0)
        items.push(`<li>… and ${more} more failing test case${more > 1 ? 's' : ''}</li>`);
    return items.length > 0 ? `<ul>\n${items.join('\n')}\n</ul>` : '';
}
/** Notes on the log a summary can hold; the tail itself goes in the text. */
/** The status line, the reason and notes, tests, failing cases (at most `cases`), links. */
function checks_summary(group, outcome, state, found, context, cases) {
    const ignored = group.ignoreFailure && group.status !== 'SUCCEEDED';
    const marker = ignored ? summary/* IGNORED_MARKER */.aI : (0,summary/* statusMarker */.Bs)(group.status);
    const batch = `${outcome.projectName ?? outcome.id.split(':')[0] ?? ''} #${outcome.number ?? '?'}`;
    const line = [
        `${marker} <strong>${(0,report_text/* githubSafe */.Fv)(group.status)}</strong>`,
        `build group ${code(group.identifier)}`,
        group.attempts > 1 ? `build ${group.attempts} of this group in this batch` : '',
        `batch ${(0,report_text/* githubAnchor */.b0)(batch, (0,report_links/* batchConsoleUrl */.b7)(outcome.arn))}`,
    ].filter(Boolean);
    const notes = [
        found?.reason && !group.blockedBy.length ? found.reason : '',
        group.blockedBy.length > 0
            ? `Not run: ${group.blockedBy.join(', ')} failed, and this group depends on it.`
            : '',
        group.flaky ? 'Flaky: a build of this group failed earlier in this batch, then it passed.' : '',
        ignored ? 'ignore-failure: this group does not fail the batch.' : '',
        context.stepEnded && state.conclusion === 'cancelled' ? context.stepEnded : '',
    ].filter(Boolean);
    const tests = (0,summary/* testsCell */.g)(found?.tests);
    const links = [
        group.buildArn ? (0,report_text/* githubAnchor */.b0)('Build', (0,report_links/* buildConsoleUrl */.BG)(group.buildArn)) : '',
        // Read with the diagnosis, once the batch is final: a green group's run is not updated for it.
        found?.logsLink && group.status !== 'SUCCEEDED' ? (0,report_text/* githubAnchor */.b0)('Logs', found.logsLink) : '',
    ].filter(Boolean);
    return [
        `<p>${line.join(' · ')}</p>`,
        ...notes.map((n) => `<p>${(0,report_text/* githubSafe */.Fv)(n)}</p>`),
        tests ? `<p>Tests: ${(0,report_text/* githubSafe */.Fv)(tests)}</p>` : '',
        found && cases > 0 ? casesPart(found, cases) : '',
        (0,summary/* logElsewhere */.L0)(found?.log, report_text/* githubAnchor */.b0),
        links.length > 0 ? `<p>${links.join(' · ')}</p>` : '',
    ]
        .filter(Boolean)
        .join('\n\n');
}
/** A log line inside <pre>: escaped (mentions are not read in <pre>), never blank. */
const preLine = (line) => (0,report_text/* escapeHtml */.ZD)(line).replace(/^\s*$/, '&#160;');
/** The log tail, newest lines first to go in, within the Checks API's limit. */
function logText(found) {
    if (found?.log?.kind !== 'tail' || found.log.lines.length === 0)
        return undefined;
    const lines = found.log.lines.map(preLine);
    const room = OUTPUT_MAX_BYTES - 200;
    let used = 0;
    let start = lines.length;
    while (start > 0 && used + Buffer.byteLength(lines[start - 1]) + 1 <= room) {
        used += Buffer.byteLength(lines[start - 1]) + 1;
        start -= 1;
    }
    const cut = start > 0 ? ` (${start} earlier lines left out: the Checks API takes 64 KiB)` : '';
    const shown = lines.length - start;
    return `<p>${capitalised((0,summary/* lastLines */.w$)(shown))}${cut}:</p>\n\n<pre>\n${lines.slice(start).join('\n')}\n</pre>`;
}
const capitalised = (text) => text.charAt(0).toUpperCase() + text.slice(1);
/** What one group's check run shows, within the Checks API's limits. */
function checkRunBody(group, outcome, context) {
    const found = diagnosisOf(context.diagnosis, group.identifier);
    const state = checkState(group, outcome, context.stepEnded !== undefined);
    // Only failing cases can make a summary large: fewer of them until it fits.
    let text = '';
    for (const cases of [Infinity, 5, 0]) {
        text = checks_summary(group, outcome, state, found, context, cases);
        if (Buffer.byteLength(text) <= OUTPUT_MAX_BYTES)
            break;
    }
    if (Buffer.byteLength(text) > OUTPUT_MAX_BYTES)
        text = `<p>${(0,report_text/* githubSafe */.Fv)(`${group.identifier}: ${group.status}`)}</p>`;
    const log = logText(found);
    const detailsUrl = (0,report_links/* buildConsoleUrl */.BG)(group.buildArn) ?? (0,report_links/* batchConsoleUrl */.b7)(outcome.arn);
    return {
        name: checkRunName(context.checkName, group.identifier),
        status: state.status,
        ...(state.conclusion ? { conclusion: state.conclusion } : {}),
        external_id: `${outcome.id}/${group.identifier}`,
        ...(detailsUrl ? { details_url: detailsUrl } : {}),
        output: { title: title(group, state, found), summary: text, ...(log ? { text: log } : {}) },
    };
}
/** Every group's check run, by group identifier. */
function checkRunBodies(outcome, context) {
    return new Map(outcome.groups.map((g) => [g.identifier, checkRunBody(g, outcome, context)]));
}
function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}
/**
 * The calls that take GitHub from what it shows (`sent`: each group's run as last accepted) to what
 * it should show: a create for a group it has no run for, an update for a run that differs, nothing
 * for a run that is as it should be. A group's run is never created twice.
 */
function planCheckRuns(sent, wanted) {
    const calls = [];
    for (const [group, body] of wanted) {
        const shown = sent.get(group);
        if (!shown)
            calls.push({ kind: 'create', group, body });
        else if (!same(shown, body))
            calls.push({ kind: 'update', group, body });
    }
    return calls;
}
/** A full 40-hex commit SHA: what a check run's head_sha must be. */
const SHA = /^[0-9a-f]{40}$/i;
/**
 * The commit the check runs belong to: for a batch this step started, the commit CodeBuild built
 * (resolved, or the SHA it was asked for); otherwise a pull request's head commit, else GITHUB_SHA.
 */
function checksCommit(options) {
    const { started } = options;
    for (const version of [started?.resolvedSourceVersion, started?.sourceVersion])
        if (version && SHA.test(version))
            return version.toLowerCase();
    return options.headSha || options.sha || undefined;
}

;// CONCATENATED MODULE: ./src/report/comment.ts



/** A comment body may hold 65,536 characters. */
const COMMENT_MAX_CHARS = 65_536;
/**
 * The hidden first line that finds this comment again: the project and the job, percent-encoded so
 * that nothing in them can end the HTML comment early.
 */
function commentMarker(project, job) {
    return `<!-- codebuild-batch-retry project=${encodeURIComponent(project)} job=${encodeURIComponent(job)} -->`;
}
/**
 * Whether a listed comment is this target's: its body begins with the marker, and a bot wrote it (the
 * job's token writes as github-actions[bot], an app's as its own bot). A person's comment that
 * quotes the marker is left alone.
 */
function isOurComment(comment, marker) {
    return comment.user?.type === 'Bot' && (comment.body ?? '').startsWith(`${marker}\n`);
}
/**
 * What to do with the comment: with `always`, write it; with `failure`, write it for a batch that did
 * not succeed, and for one that did only edit a comment already there, to say it is green now.
 */
function commentAction(mode, succeeded, existing) {
    if (mode === 'never' || (mode === 'failure' && succeeded && !existing))
        return 'none';
    return existing ? 'update' : 'create';
}
function statusCell(group) {
    const ignored = group.ignoreFailure && group.status !== 'SUCCEEDED';
    const marker = ignored ? summary/* IGNORED_MARKER */.aI : (0,summary/* statusMarker */.Bs)(group.status);
    const note = group.blockedBy.length > 0
        ? ' (not run)'
        : group.flaky
            ? ' (flaky)'
            : ignored
                ? ' (ignore-failure)'
                : '';
    return `${marker} ${(0,report_text/* githubSafe */.Fv)(group.status + note)}`;
}
function row(group, diagnosis) {
    const found = diagnosis?.groups.get(group.identifier);
    const cells = [
        `<code>${(0,report_text/* githubSafe */.Fv)(group.identifier)}</code>`,
        statusCell(group),
        (0,report_text/* githubSafe */.Fv)((0,summary/* testsCell */.g)(found?.tests)),
        String(group.attempts),
    ];
    return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
}
const HEAD = '<tr><th>Build group</th><th>Status</th><th>Tests</th><th>Attempts</th></tr>';
/**
 * The comment: the marker, a headline, a compact table of the groups (status, tests, attempts) and
 * links to the batch and the run. Within GitHub's 65,536 characters: when every group does not fit,
 * the groups that succeeded are counted instead of listed, then the rest are cut with a count.
 */
function commentBody(input) {
    const { outcome } = input;
    const batchUrl = (0,report_links/* batchConsoleUrl */.b7)(outcome.arn);
    const name = `${outcome.projectName ?? outcome.id.split(':')[0] ?? ''} #${outcome.number ?? '?'}`;
    const green = input.greenNow ? ' — green now' : '';
    const head = [
        input.marker,
        `<h3>${(0,summary/* statusMarker */.Bs)(outcome.status)} CodeBuild batch ${(0,report_text/* githubAnchor */.b0)(name, batchUrl)}: ${(0,report_text/* githubSafe */.Fv)(outcome.status)}${green}</h3>`,
        `<p>${(0,report_text/* githubSafe */.Fv)(input.headline)}</p>`,
        ...(input.groupsNote ? [`<p><em>${(0,report_text/* githubSafe */.Fv)(input.groupsNote)}</em></p>`] : []),
    ].join('\n');
    const links = [
        batchUrl ? (0,report_text/* githubAnchor */.b0)('Batch in the CodeBuild console', batchUrl) : '',
        input.runUrl ? (0,report_text/* githubAnchor */.b0)('Workflow run', input.runUrl) : '',
    ].filter(Boolean);
    const foot = `<p>${[...links, input.runUrl ? 'its job summary has each group’s reason, tests and log tail' : ''].filter(Boolean).join(' · ')}</p>`;
    const table = (rows, note = '') => `${head}\n<table>\n${HEAD}\n${rows.map((g) => row(g, input.diagnosis)).join('\n')}\n</table>${note}\n${foot}\n`;
    const all = table(outcome.groups);
    if (all.length <= COMMENT_MAX_CHARS)
        return all;
    const red = outcome.groups.filter((g) => g.status !== 'SUCCEEDED');
    const succeeded = `\n<p>${outcome.groups.length - red.length} more build groups succeeded.</p>`;
    let shown = red.length;
    for (;;) {
        const cut = red.length - shown;
        const body = table(red.slice(0, shown), `${succeeded}${cut > 0 ? `\n<p>… and ${cut} more build groups that did not succeed (see the job summary).</p>` : ''}`);
        if (body.length <= COMMENT_MAX_CHARS || shown === 0)
            return body;
        shown = Math.floor(shown / 2);
    }
}

;// CONCATENATED MODULE: ./src/github/checks.ts


/** The calls over Octokit, for one repository and commit. */
function checkRunApi(octokit, repo, headSha, retries) {
    const request = (signal) => {
        const left = retries();
        return { signal, ...(left === undefined ? {} : { retries: left }) };
    };
    return {
        async create(body, signal) {
            const { data } = await octokit.rest.checks.create({
                ...repo,
                head_sha: headSha(),
                ...body,
                request: request(signal),
            });
            return data.id;
        },
        async update(id, body, signal) {
            await octokit.rest.checks.update({
                ...repo,
                check_run_id: id,
                ...body,
                request: request(signal),
            });
        },
    };
}
/**
 * The check runs of one step: what GitHub shows of each group (as last accepted) and what it should
 * show, and one call at a time between them (GitHub asks for writes one at a time); when the batch
 * changes faster than GitHub answers, only its newest state is sent. A read that shows the batch
 * ended is held until the step reports it (the runs are completed with the diagnosis, one update
 * each) or retries it (the ended state is sent whole, then the retry's reads move the runs back).
 */
class CheckRuns {
    options;
    ids = new Map();
    sent = new Map();
    wanted = new Map();
    checkName;
    held;
    latest;
    running = false;
    work = Promise.resolve();
    stopped = false;
    /** After a failed call, what was wanted then: the same again is not sent again. */
    failedAt;
    /** After a rate limit: no call before its reset (epoch ms). */
    notBefore = 0;
    /** An attempt's end is being sent whole; the retry's reads wait in `queued`. */
    ended = false;
    queued;
    constructor(options) {
        this.options = options;
        this.checkName = options.checkName;
    }
    /** A believed state of the batch. */
    seen(batch) {
        this.latest = batch;
        if (batch.complete === true) {
            this.held = batch;
            return;
        }
        this.held = undefined;
        this.want((0,outcome/* describeBatch */.sn)(batch), {}, 'after-ended');
    }
    /**
     * A retry was accepted: the ended state held is shown, all of it, before the retry's reads move
     * the runs back (they wait until then), so each run completes once per attempt.
     */
    retried() {
        if (!this.held)
            return;
        const ended = this.held;
        this.held = undefined;
        this.want((0,outcome/* describeBatch */.sn)(ended), {}, 'ended');
    }
    /** The step's cancellation: groups still running are completed as cancelled, with this note. */
    cancelled(note) {
        const batch = this.held ?? this.latest;
        this.held = undefined;
        this.release();
        if (batch)
            this.want((0,outcome/* describeBatch */.sn)(batch, { interrupted: true }), { stepEnded: note });
    }
    /** The final report; `stepEnded` for groups the step stopped following before they ended. */
    finished(outcome, context, batch) {
        this.held = undefined;
        this.latest = batch;
        this.release();
        this.want(outcome, context);
    }
    /** Resolves when nothing is being sent. */
    idle() {
        return this.work;
    }
    /** No more calls in this step. */
    stop() {
        this.stopped = true;
    }
    /**
     * What is wanted now. `ended`: an attempt's end, sent whole before what comes `after-ended`
     * (which waits in `queued` meanwhile).
     */
    want(outcome, context, order) {
        if (this.stopped || outcome.groups.length === 0)
            return;
        this.checkName ??= outcome.projectName || outcome.id.split(':')[0] || 'CodeBuild';
        const bodies = checkRunBodies(outcome, { ...context, checkName: this.checkName });
        if (this.ended && order === 'after-ended') {
            this.queued = bodies;
            return;
        }
        this.wanted = bodies;
        if (this.failedAt !== undefined) {
            if (this.failedAt === snapshot(this.wanted))
                return;
            if ((this.options.now ?? Date.now)() < this.notBefore)
                return;
            this.failedAt = undefined;
        }
        if (!this.running) {
            this.running = true;
            this.work = this.drain();
        }
        if (order === 'ended')
            this.ended = true;
    }
    /** The ended state need not be sent whole any more: what came after it is wanted now. */
    release() {
        this.ended = false;
        if (this.queued)
            this.wanted = this.queued;
        this.queued = undefined;
    }
    /** One call at a time until GitHub shows what is wanted; what is wanted may change meanwhile. */
    async drain() {
        for (;;) {
            const next = this.stopped ? undefined : planCheckRuns(this.sent, this.wanted)[0];
            const signal = this.options.signal();
            const waiting = next?.kind === 'create' && this.options.ready?.() === false;
            if (!next && this.ended && !signal.aborted) {
                // The attempt's end is shown: now the retry's reads.
                this.release();
                continue;
            }
            if (!next || signal.aborted || waiting) {
                this.release();
                this.running = false;
                return;
            }
            try {
                const id = this.ids.get(next.group);
                if (next.kind === 'create' || id === undefined)
                    this.ids.set(next.group, await this.options.api.create(next.body, signal));
                else
                    await this.options.api.update(id, next.body, signal);
                this.sent.set(next.group, next.body);
            }
            catch (error) {
                const failure = signal.aborted ? { stop: true } : this.options.failed(error);
                if (failure.stop)
                    this.stopped = true;
                else {
                    this.failedAt = snapshot(this.wanted);
                    this.notBefore = failure.notBefore ?? 0;
                }
                this.release();
                this.running = false;
                return;
            }
        }
    }
}
function snapshot(wanted) {
    return JSON.stringify([...wanted]);
}

;// CONCATENATED MODULE: ./src/github/comment.ts

/** The calls over Octokit, for one pull request. */
function commentApi(octokit, where, retries) {
    const request = (signal) => {
        const left = retries();
        return { signal, ...(left === undefined ? {} : { retries: left }) };
    };
    return {
        async find(marker, signal) {
            // Oldest first, 100 a page: the pages stop at the first comment that is ours.
            for await (const { data } of octokit.paginate.iterator(octokit.rest.issues.listComments, {
                ...where,
                per_page: 100,
                request: request(signal),
            })) {
                const ours = data.find((comment) => isOurComment(comment, marker));
                if (ours)
                    return ours.id;
            }
            return undefined;
        },
        async create(body, signal) {
            await octokit.rest.issues.createComment({ ...where, body, request: request(signal) });
        },
        async update(id, body, signal) {
            await octokit.rest.issues.updateComment({
                owner: where.owner,
                repo: where.repo,
                comment_id: id,
                body,
                request: request(signal),
            });
        },
    };
}
/**
 * Writes the pull request's comment once the step has reported: finds this target's comment, then
 * edits it or creates it as pr-comment says. What it did, for the debug log.
 */
async function writeComment(api, mode, input, signal) {
    const existing = await api.find(input.marker, signal);
    const action = commentAction(mode, input.succeeded, existing !== undefined);
    if (action === 'none')
        return 'the batch succeeded and no earlier comment reported it red';
    const body = commentBody({
        ...input,
        greenNow: mode === 'failure' && input.succeeded && existing !== undefined,
    });
    if (existing !== undefined) {
        await api.update(existing, body, signal);
        return `edited comment ${existing}`;
    }
    await api.create(body, signal);
    return 'created the comment';
}

// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(4475);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(3251);
var light_default = /*#__PURE__*/__webpack_require__.n(light);
;// CONCATENATED MODULE: ./src/github/octokit.ts




/**
 * The retry plugin's own list of statuses it never resends, and 429: a secondary limit answered 429
 * names its wait in retry-after, which only the throttling plugin reads (the retry plugin would
 * resend after its own 1 s).
 */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 451, 429];
/** A limit is waited out at most this many times for one request. */
const LIMIT_RETRIES = 2;
/**
 * getOctokit(token, options, retry, throttling). The throttling plugin waits out primary and
 * secondary limits when the wait fits the budget; it writes one request at a time, but without its
 * default 1 s between writes: the check runs of a batch's groups change together, and 1 s each
 * would hold the end of the step for as many seconds as there are groups.
 */
function createClient(token, options) {
    const log = (message) => options.debug(`Octokit: ${message}`);
    const onLimit = (after, _request, _octokit, retries) => retries < LIMIT_RETRIES && options.fits(after * 1000);
    return (0,github/* getOctokit */.Q)(token, {
        userAgent: 'codebuild-batch-retry',
        log: { debug: () => undefined, info: () => undefined, warn: log, error: log },
        retry: { doNotRetry: DO_NOT_RETRY },
        throttle: {
            write: new (light_default()).Group({ maxConcurrent: 1, minTime: 0 }),
            onRateLimit: onLimit,
            onSecondaryRateLimit: onLimit,
        },
    }, dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
}
function isRequestError(error) {
    return error instanceof Error && typeof error.status === 'number';
}
/** "403 Resource not accessible by integration (request 1A2B:…)": status, GitHub's message, request id. */
function detailOf(error) {
    const data = error.response?.data;
    const message = typeof data?.message === 'string' ? data.message : error.message;
    const id = error.response?.headers['x-github-request-id'];
    return `${error.status} ${message}${id ? ` (request ${id})` : ''}`;
}
function classify(error, signal) {
    if (signal?.aborted || error?.name === 'AbortError')
        return { kind: 'aborted' };
    if (!isRequestError(error))
        return { kind: 'other', detail: error instanceof Error ? error.message : String(error) };
    const detail = detailOf(error);
    const headers = error.response?.headers ?? {};
    const message = error.message;
    if (error.status === 401)
        return { kind: 'credentials', detail };
    if ((error.status === 403 || error.status === 429) &&
        (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(message))) {
        const reset = Number(headers['x-ratelimit-reset']);
        const after = Number(headers['retry-after']);
        const resetAt = headers['x-ratelimit-remaining'] === '0' && reset > 0
            ? new Date(reset * 1000)
            : after > 0
                ? new Date(Date.now() + after * 1000)
                : undefined;
        return { kind: 'rate-limit', detail, ...(resetAt ? { resetAt } : {}) };
    }
    if (error.status === 403 && /not accessible by integration/i.test(message))
        return { kind: 'permission', detail };
    if (error.status === 500 && !error.response)
        // Octokit's answer to a request that got no response: the network's message, not GitHub's.
        return { kind: 'other', detail: `no answer: ${message}` };
    return { kind: 'other', detail };
}

;// CONCATENATED MODULE: ./src/github/report.ts








/**
 * Where people look besides the summary: a check run per build group on the commit, and a comment on
 * the pull request. Loaded (with Octokit) only when checks or pr-comment asks for it. Whatever GitHub
 * answers, the step's result stays as the batch made it: a failure is one warning (or one notice).
 */
/**
 * The report's last calls (completions, the comment) take at most this long once the step has
 * reported. GitHub's secondary limits ask for 60 s when they name no wait: one such wait fits.
 */
const FINISH_BUDGET_MS = 60_000;
/** Of the step's budget after cancellation, this much is left for the summary and the exit. */
const CANCEL_RESERVE_MS = 500;
/** The retry plugin waits 1, 4, then 9 s before its resends. */
const RESEND_WAITS_MS = [1_000, 4_000, 9_000];
const CANCELLED_NOTE = 'The workflow was cancelled while this build group had not ended: the step stopped following it.';
/** The event from @actions/github's context (GITHUB_* variables and the event file). */
function eventFromContext() {
    const payload = github/* context */._.payload;
    const pr = payload.pull_request;
    let repo;
    try {
        repo = github/* context */._.repo;
    }
    catch {
        repo = undefined;
    }
    const baseRepo = pr?.base?.repo?.full_name ?? payload.repository?.full_name;
    const headSha = typeof pr?.head?.sha === 'string' ? pr.head.sha : undefined;
    const onPullRequest = (github/* context */._.eventName ?? '').startsWith('pull_request') && typeof pr?.number === 'number';
    const attempt = Number.isInteger(github/* context */._.runAttempt) ? `/attempts/${github/* context */._.runAttempt}` : '';
    return {
        name: github/* context */._.eventName,
        repo,
        sha: github/* context */._.sha || undefined,
        headSha,
        pullRequest: onPullRequest
            ? { number: pr.number, fromFork: (pr?.head?.repo?.full_name ?? '') !== baseRepo }
            : undefined,
        runUrl: repo && Number.isInteger(github/* context */._.runId)
            ? `${github/* context */._.serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${github/* context */._.runId}${attempt}`
            : undefined,
        job: github/* context */._.job || undefined,
    };
}
/** The step's time for GitHub: none left after cancellation's budget, or after the finish budget. */
class Budget {
    clock;
    end;
    stopAll = new AbortController();
    constructor(clock) {
        this.clock = clock;
    }
    /** The workflow is cancelled: what is left of the step's budget, less the summary's reserve. */
    cancel(budgetMs) {
        this.until(this.clock.now() + budgetMs - CANCEL_RESERVE_MS);
    }
    /** The step has reported: its last calls now have FINISH_BUDGET_MS. */
    finishing() {
        this.until(this.clock.now() + FINISH_BUDGET_MS);
    }
    until(end) {
        this.end = this.end === undefined ? end : Math.min(this.end, end);
    }
    /** Time left, once a deadline is set. */
    left() {
        return this.end === undefined ? undefined : Math.max(0, this.end - this.clock.now());
    }
    /** Whether a wait for a rate limit ends in time; while the step waits, within FINISH_BUDGET_MS. */
    fits(waitMs) {
        return waitMs <= (this.left() ?? FINISH_BUDGET_MS);
    }
    /** The resends of a 5xx whose waits fit (all of them while the step waits for the batch). */
    retries() {
        const left = this.left();
        if (left === undefined)
            return undefined;
        let total = 0;
        return RESEND_WAITS_MS.filter((wait) => (total += wait) <= left).length;
    }
    /** Every call's signal: aborted once the budget is spent. */
    get signal() {
        return this.stopAll.signal;
    }
    abort() {
        this.stopAll.abort();
    }
}
const WHAT = {
    checks: 'Check runs were',
    comment: "The pull request's comment was",
};
const PERMISSION = {
    checks: 'checks: write',
    comment: 'pull-requests: write',
};
class GitHubReport {
    options;
    budget;
    edges;
    checks;
    commentTo;
    comment = Promise.resolve();
    latest;
    sha;
    reported = false;
    said = new Set();
    constructor(options, budget, edges) {
        this.options = options;
        this.budget = budget;
        this.edges = edges;
        const { settings, io, cancelled } = options;
        const { event } = edges;
        const retries = () => this.budget.retries();
        if (settings.checks) {
            if (!event.repo || (!event.sha && !event.headSha && !options.started))
                io.warning('Check runs were not written: the repository or commit is unknown (GITHUB_REPOSITORY and GITHUB_SHA are not set).');
            else
                this.checks = new CheckRuns({
                    api: edges.checks(() => this.headSha(), retries),
                    checkName: settings.checkName,
                    signal: () => this.budget.signal,
                    failed: (error) => this.failed('checks', error),
                    ready: () => this.commitKnown(),
                });
        }
        if (settings.prComment !== 'never') {
            if (!event.pullRequest || !event.repo)
                io.debug(`pr-comment: ${settings.prComment} does nothing on ${event.name ?? 'this'} events: the comment goes on pull requests.`);
            else
                this.commentTo = edges.comment(event.pullRequest.number, retries);
        }
        const onCancel = () => {
            this.budget.cancel(options.cancelBudgetMs);
            this.guard(() => this.checks?.cancelled(CANCELLED_NOTE));
        };
        if (cancelled.aborted)
            onCancel();
        else
            cancelled.addEventListener('abort', onCancel, { once: true });
    }
    seen(batch) {
        this.latest = batch;
        this.guard(() => this.checks?.seen(batch));
    }
    retried() {
        this.guard(() => this.checks?.retried());
    }
    finished(report) {
        this.latest = report.batch;
        this.reported = true;
        const cancelled = this.options.cancelled.aborted;
        const stepEnded = cancelled
            ? CANCELLED_NOTE
            : report.outcome.complete
                ? undefined
                : report.headline;
        this.guard(() => this.checks?.finished(report.outcome, { diagnosis: report.diagnosis, stepEnded }, report.batch));
        const to = this.commentTo;
        if (!to)
            return;
        // After cancellation the check runs come first: there may be no time for both.
        const after = cancelled ? (this.checks?.idle() ?? Promise.resolve()) : Promise.resolve();
        this.comment = after.then(() => this.writeComment(to, report));
    }
    async settle() {
        this.budget.finishing();
        const done = Promise.all([this.checks?.idle(), this.comment]).then(() => true);
        const timer = new AbortController();
        const inTime = await Promise.race([
            done,
            this.options.clock.sleep(this.budget.left() ?? 0, timer.signal).then(() => false),
        ]);
        timer.abort();
        if (inTime)
            return;
        this.budget.abort();
        this.checks?.stop();
        if (!this.options.cancelled.aborted)
            this.options.io.warning(`GitHub did not take the report's last calls within ${FINISH_BUDGET_MS / 1000} s: the check runs or the pull request's comment may not show the end of the batch.`);
    }
    /**
     * A batch this step started on a branch or tag: its commit is known once CodeBuild has resolved it
     * (after DOWNLOAD_SOURCE), or, at the latest, when the step reports.
     */
    commitKnown() {
        if (this.sha || !this.options.started || this.reported)
            return true;
        return checksCommit({ started: this.latest }) !== undefined;
    }
    /** The commit of the check runs, fixed at the first: see checksCommit. */
    headSha() {
        this.sha ??= checksCommit({
            started: this.options.started ? this.latest : undefined,
            headSha: this.edges.event.headSha,
            sha: this.edges.event.sha,
        });
        if (!this.sha)
            throw new Error('no commit to put them on (GITHUB_SHA is not set)');
        return this.sha;
    }
    async writeComment(to, report) {
        const { outcome } = report;
        if (outcome.groups.length === 0 || this.budget.signal.aborted)
            return;
        const { event } = this.edges;
        try {
            const did = await writeComment(to, this.options.settings.prComment, {
                marker: commentMarker(outcome.projectName || outcome.id.split(':')[0] || '', event.job ?? ''),
                outcome,
                headline: report.headline,
                groupsNote: report.groupsNote,
                diagnosis: report.diagnosis,
                runUrl: event.runUrl,
                succeeded: outcome.status === 'SUCCEEDED',
            }, this.budget.signal);
            this.options.io.debug(`pr-comment: ${did} on pull request #${event.pullRequest?.number}.`);
        }
        catch (error) {
            this.failed('comment', error);
        }
    }
    /** One warning (or notice) per feature and kind of failure; whether the feature stops. */
    failed(feature, error) {
        const failure = classify(error, this.budget.signal);
        const { io } = this.options;
        const once = (key, say) => {
            if (this.said.has(key))
                return;
            this.said.add(key);
            say();
        };
        const what = WHAT[feature];
        switch (failure.kind) {
            case 'aborted':
                io.debug(`${what} not finished: the step's time for GitHub ran out.`);
                return { stop: true };
            case 'permission':
                if (this.edges.event.pullRequest?.fromFork)
                    once('fork', () => io.notice(`No check runs or pull request comment: this pull request comes from a fork, and GitHub gives its workflows a read-only token (GitHub answered ${failure.detail}).`));
                else
                    once(`${feature}:permission`, () => io.warning(`${what} not written: GitHub answered ${failure.detail}. The job's token needs "${PERMISSION[feature]}": add it to the job's "permissions:" (for example permissions: { contents: read, ${PERMISSION[feature]} }).`));
                return { stop: true };
            case 'credentials':
                once('credentials', () => io.warning(`${what} not written: GitHub refused the token (${failure.detail}). Check the "${github_inputs/* INPUT_GITHUB_TOKEN */.zN}" input; by default it is the job's own token.`));
                return { stop: true };
            case 'rate-limit':
                once(`${feature}:rate-limit`, () => io.warning(`${what} not brought up to date: GitHub's rate limit for this token ${failure.resetAt ? `is spent until ${failure.resetAt.toISOString()}` : 'asks for a wait'}, longer than the step can wait (${failure.detail}).${feature === 'checks' ? ' They are tried again at the batch’s next change after that.' : ''}`));
                return { stop: false, notBefore: failure.resetAt?.getTime() };
            default:
                once(`${feature}:other`, () => io.warning(`${what} not written: ${failure.detail.startsWith('no commit') ? failure.detail : `GitHub answered ${failure.detail}`}.${feature === 'checks' ? ' They are tried again at the batch’s next change.' : ''}`));
                return { stop: false };
        }
    }
    /** A fault in this code must not fail the step either. */
    guard(call) {
        try {
            call();
        }
        catch (error) {
            this.options.io.warning(`Check runs: ${(0,errors/* messageOf */.b)(error)}`);
        }
    }
}
/** What the step gets when github-token is empty: nothing goes anywhere. */
const NOWHERE = {
    seen: () => undefined,
    retried: () => undefined,
    finished: () => undefined,
    settle: async () => undefined,
};
/** The report over @actions/github's context and Octokit, as the runner edge opens it. */
function openGitHubReport(options) {
    const { settings, io } = options;
    if (settings.token === '') {
        io.warning(`Input "${github_inputs/* INPUT_GITHUB_TOKEN */.zN}" is empty: no check runs or pull request comment. Leave it out to use the job's own token.`);
        return NOWHERE;
    }
    const budget = new Budget(options.clock);
    const octokit = createClient(settings.token, {
        fits: (ms) => budget.fits(ms),
        debug: (message) => io.debug(message),
    });
    const event = eventFromContext();
    const repo = event.repo ?? { owner: '', repo: '' };
    return new GitHubReport(options, budget, {
        event,
        checks: (headSha, retries) => checkRunApi(octokit, repo, headSha, retries),
        comment: (number, retries) => commentApi(octokit, { ...repo, issue_number: number }, retries),
    });
}


/***/ })

};
