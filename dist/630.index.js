export const id = 630;
export const ids = [630];
export const modules = {

/***/ 2630:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   startRequest: () => (/* binding */ startRequest)
/* harmony export */ });
/* unused harmony exports GITHUB_ENV_VARS, defaultSourceVersion */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7827);

/** The GitHub context a started build gets unless disable-github-env-vars is true. */
const GITHUB_ENV_VARS = [
    'GITHUB_SHA',
    'GITHUB_REF',
    'GITHUB_REPOSITORY',
    'GITHUB_RUN_ID',
    'GITHUB_RUN_ATTEMPT',
    'GITHUB_ACTOR',
    'GITHUB_EVENT_NAME',
    'GITHUB_HEAD_REF',
    'GITHUB_BASE_REF',
];
/** The workflow's commit: a pull request's head, not the merge commit GITHUB_SHA names then. */
function defaultSourceVersion(context) {
    const pullRequest = context.eventName === 'pull_request' || context.eventName === 'pull_request_target';
    return (pullRequest ? context.headSha : undefined) || context.sha || undefined;
}
/** PLAINTEXT overrides: the GitHub context (when set and not empty), then the names listed. */
function environmentVariables(start, env) {
    const missing = start.envVarNames.filter((name) => env[name] === undefined);
    if (missing.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`Input "env-vars-for-codebuild" names ${missing.join(', ')}, not set in the step's environment: set ${missing.length > 1 ? 'them' : 'it'} under the step's env:, or leave ${missing.length > 1 ? 'them' : 'it'} out.`);
    }
    const values = new Map();
    if (start.githubEnvVars) {
        for (const name of GITHUB_ENV_VARS)
            if (env[name])
                values.set(name, env[name]);
    }
    for (const name of start.envVarNames)
        values.set(name, env[name]);
    return [...values].map(([name, value]) => ({ name, value, type: 'PLAINTEXT' }));
}
/**
 * The StartBuildBatch request of start-batch: start-overrides, then what the inputs own (project,
 * source version, environment variables, buildspec) and the idempotency token. Pure.
 */
function startRequest(projectName, start, context) {
    const sourceVersion = start.overrideSource
        ? (start.sourceVersion ?? defaultSourceVersion(context))
        : undefined;
    const variables = environmentVariables(start, context.env);
    return {
        ...start.overrides,
        projectName,
        ...(sourceVersion ? { sourceVersion } : {}),
        ...(variables.length > 0 ? { environmentVariablesOverride: variables } : {}),
        ...(start.buildspecOverride ? { buildspecOverride: start.buildspecOverride } : {}),
        idempotencyToken: context.idempotencyToken,
    };
}


/***/ })

};
