export const id = 508;
export const ids = [508];
export const modules = {

/***/ 4508:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  defaultSessionName: () => (/* binding */ defaultSessionName),
  refreshMarginMs: () => (/* binding */ refreshMarginMs),
  roleCredentials: () => (/* binding */ roleCredentials),
  stsKind: () => (/* binding */ stsKind)
});

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/credential-providers/dist-es/fromWebToken.js
const fromWebToken = (init) => {
    return async (args) => {
        const { fromWebToken: _fromWebToken } = await __webpack_require__.e(/* import() */ 715).then(__webpack_require__.bind(__webpack_require__, 8715));
        return _fromWebToken({ ...init })(args);
    };
};

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/legacy-root-exports/util-identity-and-auth/memoizeIdentityProvider.js
var memoizeIdentityProvider = __webpack_require__(4649);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(7827);
// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/aws/setup.ts
var setup = __webpack_require__(1440);
;// CONCATENATED MODULE: ./src/aws/credentials.ts





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
    const failure = (0,aws_errors/* toServiceError */.N)('AssumeRoleWithWebIdentity', thrown);
    if (!(failure instanceof aws_errors/* ServiceError */._))
        return failure;
    const refusal = (0,setup/* explainStsRefusal */.It)({
        code: failure.code,
        message: failure.detail,
        requestId: failure.requestId,
        roleArn: role.arn,
        subject: (0,setup/* subjectOf */.et)(token),
        audience: role.audience,
        durationSeconds: role.durationSeconds,
    });
    if (refusal)
        return new errors/* ActionError */.l(refusal);
    const unreachable = (0,setup/* unreachableEndpoint */.A1)(failure.code, (0,setup/* endpointOverride */.Ku)(env, 'STS'));
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
    const error = new aws_errors/* ServiceError */._(failure.operation, failure.code, detail, failure.requestId, kind);
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
            throw new errors/* ActionError */.l(setup/* NO_ID_TOKEN */.Uj);
        let token;
        try {
            token = await options.getIdToken(role.audience);
        }
        catch (thrown) {
            // GitHub's token service failing says nothing about the batch: the wait polls through it.
            const detail = (thrown instanceof Error ? thrown.message : String(thrown))
                .replace(/\s+/g, ' ')
                .trim();
            throw rephrased(new aws_errors/* ServiceError */._('GetIDToken', 'IDTokenRequestFailed', detail, undefined, 'transient'), 'GitHub OIDC');
        }
        const requestedAt = now();
        let identity;
        try {
            // The SDK's piece: AssumeRoleWithWebIdentity through its own STS client, in the calling client's
            // region, at AWS_ENDPOINT_URL_STS when set. A new token each time, so a new provider each time.
            identity = await fromWebToken({
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
    return (0,memoizeIdentityProvider/* memoizeIdentityProvider */.K4)(assume, (identity) => {
        const left = identity.expiration.getTime() - now();
        return left < refreshMarginMs(lifetimes.get(identity) ?? left);
    }, (identity) => identity.expiration !== undefined);
}


/***/ })

};
