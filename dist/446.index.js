export const id = 446;
export const ids = [446];
export const modules = {

/***/ 446:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ LOGS_SERVICE),
/* harmony export */   createLogs: () => (/* binding */ createLogs)
/* harmony export */ });
/* unused harmony export eventLines */
/* harmony import */ var _codebuild_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3895);

const LOGS_SERVICE = {
    signingName: 'logs',
    target: 'Logs_20140328',
    // GetLogEvents's times are longs (milliseconds), not timestamps: nothing to turn.
    timestamps: new Set(),
    // A tail is not worth a longer wait.
    requestTimeoutMs: 10_000,
};
/** GetLogEvents returns at most this many events per call. */
const MAX_EVENTS = 10_000;
/** The events' messages as lines: an event is usually one line with its line break, but may hold several. */
function eventLines(events, lines) {
    const all = events.flatMap((e) => (e.message ?? '').replace(/\r?\n$/, '').split(/\r?\n/));
    return all.slice(Math.max(0, all.length - lines));
}
function createLogs(options = {}) {
    let getLogEvents;
    const connect = () => (getLogEvents ??= (async () => {
        const { route } = options;
        if (!options.client && route?.direct) {
            const call = (0,_codebuild_js__WEBPACK_IMPORTED_MODULE_0__/* .directCall */ .a2)(route, options, LOGS_SERVICE);
            return (input, signal) => call('GetLogEvents', input, signal);
        }
        const { sdkGetLogEvents } = await Promise.all(/* import() */[__webpack_require__.e(319), __webpack_require__.e(646), __webpack_require__.e(451), __webpack_require__.e(44), __webpack_require__.e(31)]).then(__webpack_require__.bind(__webpack_require__, 8031));
        return sdkGetLogEvents(options);
    })());
    return {
        async tail(logGroupName, logStreamName, lines, signal) {
            try {
                // From the tail: the newest `limit` events, oldest first. Each event holds at least one line.
                const out = await (await connect())({
                    logGroupName,
                    logStreamName,
                    startFromHead: false,
                    limit: Math.min(MAX_EVENTS, lines),
                }, signal);
                return eventLines(out.events ?? [], lines);
            }
            catch (thrown) {
                if (thrown.name === 'ResourceNotFoundException')
                    return undefined;
                throw (0,_codebuild_js__WEBPACK_IMPORTED_MODULE_0__/* .toServiceError */ .N1)('GetLogEvents', thrown, { service: 'CloudWatch Logs' });
            }
        },
    };
}


/***/ })

};
