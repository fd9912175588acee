export const id = 31;
export const ids = [31];
export const modules = {

/***/ 8031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sdkGetLogEvents: () => (/* binding */ sdkGetLogEvents)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1334);
/* harmony import */ var _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8093);
/* harmony import */ var _logs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(446);
/* harmony import */ var _codebuild_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3895);



/**
 * GetLogEvents through the SDK's client, for setups the action does not call directly
 * (endpoints.ts). Loaded only then, or with a client handed in (tests).
 */
function sdkGetLogEvents(options) {
    // The endpoint comes from AWS_ENDPOINT_URL_CLOUDWATCH_LOGS / AWS_ENDPOINT_URL when set.
    const client = options.client ?? new _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_2__/* .CloudWatchLogsClient */ .T((0,_codebuild_js__WEBPACK_IMPORTED_MODULE_1__/* .sdkClientConfig */ .kM)(options, _logs_js__WEBPACK_IMPORTED_MODULE_0__/* .LOGS_SERVICE */ .O));
    return (input, signal) => client.send(new _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_3__/* .GetLogEventsCommand */ .h(input), { abortSignal: signal });
}


/***/ })

};
