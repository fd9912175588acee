export const id = 446;
export const ids = [446];
export const modules = {

/***/ 446:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createLogs: () => (/* binding */ createLogs)
/* harmony export */ });
/* unused harmony export eventLines */
/* harmony import */ var _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1334);
/* harmony import */ var _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8093);
/* harmony import */ var _client_config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6925);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);



/** GetLogEvents returns at most this many events per call. */
const MAX_EVENTS = 10_000;
/** A tail is not worth a longer wait. */
const REQUEST_TIMEOUT_MS = 10_000;
/** The events' messages as lines: an event is usually one line with its line break, but may hold several. */
function eventLines(events, lines) {
    const all = events.flatMap((e) => (e.message ?? '').replace(/\r?\n$/, '').split(/\r?\n/));
    return all.slice(Math.max(0, all.length - lines));
}
function createLogs(options = {}) {
    const client = options.client ?? new _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_1__/* .CloudWatchLogsClient */ .T((0,_client_config_js__WEBPACK_IMPORTED_MODULE_2__/* .clientConfig */ .y)(options, REQUEST_TIMEOUT_MS));
    return {
        async tail(logGroupName, logStreamName, lines, signal) {
            try {
                // From the tail: the newest `limit` events, oldest first. Each event holds at least one line.
                const out = await client.send(new _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_3__/* .GetLogEventsCommand */ .h({
                    logGroupName,
                    logStreamName,
                    startFromHead: false,
                    limit: Math.min(MAX_EVENTS, lines),
                }), { abortSignal: signal });
                return eventLines(out.events ?? [], lines);
            }
            catch (thrown) {
                if (thrown.name === 'ResourceNotFoundException')
                    return undefined;
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .toServiceError */ .N)('GetLogEvents', thrown, { service: 'CloudWatch Logs' });
            }
        },
    };
}


/***/ })

};
