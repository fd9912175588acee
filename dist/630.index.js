export const id = 630;
export const ids = [630];
export const modules = {

/***/ 2630:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   startRequest: () => (/* binding */ startRequest)
/* harmony export */ });
/* unused harmony exports GITHUB_ENV_VARS, defaultSourceVersion */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7827);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6234);


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
/**
 * The variables sent: the GitHub context (when set and not empty), then the PLAINTEXT names listed,
 * then those CodeBuild reads from Parameter Store and Secrets Manager. A variable an input names
 * replaces the GitHub context's of that name.
 */
function environmentVariables(start, env) {
    const missing = start.envVarNames.filter((name) => env[name] === undefined);
    if (missing.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .l(`Input "${_names_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.EnvVarsForCodebuild}" names ${missing.join(', ')}, not set in the step's environment: set ${missing.length > 1 ? 'them' : 'it'} under the step's env:, or leave ${missing.length > 1 ? 'them' : 'it'} out.`);
    }
    const variables = new Map();
    const plain = (name, value) => variables.set(name, { name, value, type: 'PLAINTEXT' });
    if (start.githubEnvVars) {
        for (const name of GITHUB_ENV_VARS)
            if (env[name])
                plain(name, env[name]);
    }
    for (const name of start.envVarNames)
        plain(name, env[name]);
    for (const variable of start.referencedEnvVars)
        variables.set(variable.name, variable);
    return [...variables.values()];
}
/**
 * The StartBuildBatch request of start-batch: start-overrides, then what the inputs own (project,
 * source version, environment variables, buildspec). The idempotency token is added by the caller,
 * derived from this request (token.ts). Pure.
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
    };
}


/***/ })

};
