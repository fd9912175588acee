export const id = 963;
export const ids = [963];
export const modules = {

/***/ 6963:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   defaultSessionName: () => (/* binding */ defaultSessionName),
/* harmony export */   githubIdToken: () => (/* binding */ githubIdToken),
/* harmony export */   refreshMarginMs: () => (/* binding */ refreshMarginMs),
/* harmony export */   roleCredentials: () => (/* binding */ roleCredentials),
/* harmony export */   stsKind: () => (/* binding */ stsKind)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _aws_sdk_credential_providers__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8840);
/* harmony import */ var _smithy_core__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4649);
/* harmony import */ var _codebuild_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3895);
/* harmony import */ var _config_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7827);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9378);
/* harmony import */ var _setup_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1440);







/**
 * GitHub's OIDC token, by @actions/core's client. Imported here, in the chunk only role-to-assume
 * loads: @actions/core's entry brings its HTTP client (undici), which every other run does without.
 */
const githubIdToken = (audience) => (0,_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getIDToken */ .V9)(audience);
const FIVE_MINUTES_MS = 5 * 60_000;
/**
 * How long before expiry the credentials are renewed: five minutes, or a fifth of their life when
 * that is shorter. The SDK's own window is a fixed five minutes: credentials that live less than that
 * (short test lifetimes, a role capped low) would count as expired at once and be assumed again
 * before every call. A fifth of the life leaves four fifths of use and time for a failed renewal to be
 * tried again on the next call before the old credentials run out.
 */
function refreshMarginMs(lifetimeMs) {
    return Math.min(FIVE_MINUTES_MS, Math.max(0, lifetimeMs) / 5);
}
/**
 * The session name when role-session-name is empty: the repository and the run id, which CloudTrail
 * then shows for every call, within STS's 2–64 characters of [\w+=,.@-].
 */
function defaultSessionName(repository, runId) {
    const repo = (repository ?? '').replace(/\//g, '@').replace(/[^\w+=,.@-]/g, '-');
    const run = (runId ?? '').replace(/[^\w+=,.@-]/g, '-').slice(0, 30);
    const name = [repo.slice(0, 63 - run.length - (run ? 1 : 0)), run].filter(Boolean).join('-');
    return name.length >= 2 ? name.slice(0, 64) : 'codebuild-batch-retry';
}
/** Turns an STS failure into the sentence for a setup mistake, or a ServiceError with code and request id. */
function stsFailure(thrown, role, token, env) {
    const failure = (0,_codebuild_js__WEBPACK_IMPORTED_MODULE_1__/* .toServiceError */ .N1)('AssumeRoleWithWebIdentity', thrown);
    if (!(failure instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ServiceError */ ._))
        return failure;
    const refusal = (0,_setup_js__WEBPACK_IMPORTED_MODULE_3__/* .explainStsRefusal */ .It)({
        code: failure.code,
        message: failure.detail,
        requestId: failure.requestId,
        roleArn: role.arn,
        subject: (0,_setup_js__WEBPACK_IMPORTED_MODULE_3__/* .subjectOf */ .et)(token),
        audience: role.audience,
        durationSeconds: role.durationSeconds,
    });
    if (refusal)
        return new _config_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .l(refusal);
    const unreachable = (0,_setup_js__WEBPACK_IMPORTED_MODULE_3__/* .unreachableEndpoint */ .A1)(failure.code, (0,_setup_js__WEBPACK_IMPORTED_MODULE_3__/* .endpointOverride */ .Ku)(env, 'STS'));
    const kind = unreachable ? 'unreachable-endpoint' : stsKind(failure.code, failure.kind);
    return rephrased(failure, 'STS', unreachable, kind);
}
/**
 * STS failures the next attempt may not meet: ExpiredTokenException is about GitHub's token (the next
 * attempt fetches a fresh one), not AWS credentials; IDPCommunicationError is STS failing to reach
 * GitHub's keys, which AWS documents as often transient.
 */
function stsKind(code, kind) {
    if (kind === 'expired-credentials' || /^IDPCommunicationError(Exception)?$/.test(code))
        return 'transient';
    return kind;
}
/** A ServiceError that names the service it came from (ServiceError's own text says CodeBuild). */
function rephrased(failure, service, detail = failure.detail, kind = failure.kind) {
    const error = new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ServiceError */ ._(failure.operation, failure.code, detail, failure.requestId, kind);
    error.message = error.message.replace(/^CodeBuild /, `${service} `);
    return error;
}
function roleCredentials(options) {
    const { role, env, setSecret } = options;
    const now = options.now ?? Date.now;
    const sessionName = role.sessionName ?? defaultSessionName(env.GITHUB_REPOSITORY, env.GITHUB_RUN_ID);
    /** Each identity's whole life, measured from the request that got it. */
    const lifetimes = new WeakMap();
    const assume = async (properties) => {
        if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
            throw new _config_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .l(_setup_js__WEBPACK_IMPORTED_MODULE_3__/* .NO_ID_TOKEN */ .Uj);
        let token;
        try {
            token = await options.getIdToken(role.audience);
        }
        catch (thrown) {
            // GitHub's token service failing says nothing about the batch: the wait polls through it.
            const detail = (thrown instanceof Error ? thrown.message : String(thrown))
                .replace(/\s+/g, ' ')
                .trim();
            throw rephrased(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ServiceError */ ._('GetIDToken', 'IDTokenRequestFailed', detail, undefined, 'transient'), 'GitHub OIDC');
        }
        const requestedAt = now();
        let identity;
        try {
            // The SDK's piece: AssumeRoleWithWebIdentity through its own STS client, in the calling client's
            // region, at AWS_ENDPOINT_URL_STS when set. A new token each time, so a new provider each time.
            identity = await (0,_aws_sdk_credential_providers__WEBPACK_IMPORTED_MODULE_5__/* .fromWebToken */ .G)({
                roleArn: role.arn,
                roleSessionName: sessionName,
                webIdentityToken: token,
                durationSeconds: role.durationSeconds,
            })(properties);
        }
        catch (thrown) {
            throw stsFailure(thrown, role, token, env);
        }
        for (const value of [identity.accessKeyId, identity.secretAccessKey, identity.sessionToken])
            if (value)
                setSecret(value);
        if (identity.expiration)
            lifetimes.set(identity, identity.expiration.getTime() - requestedAt);
        return identity;
    };
    // The SDK's memoizer: one identity shared by every call, renewed by one call at a time once it is
    // within the margin of its expiry. The client wraps it again with its fixed five-minute window,
    // which then asks this one on each call: cheap, as this one answers from memory.
    return (0,_smithy_core__WEBPACK_IMPORTED_MODULE_6__/* .memoizeIdentityProvider */ .K4)(assume, (identity) => {
        const left = identity.expiration.getTime() - now();
        return left < refreshMarginMs(lifetimes.get(identity) ?? left);
    }, (identity) => identity.expiration !== undefined);
}


/***/ })

};
