export const id = 359;
export const ids = [359];
export const modules = {

/***/ 9359:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sdkClient: () => (/* binding */ sdkClient),
/* harmony export */   sdkSend: () => (/* binding */ sdkSend)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9574);
/* harmony import */ var _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2673);
/* harmony import */ var _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4383);
/* harmony import */ var _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9892);
/* harmony import */ var _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5142);
/* harmony import */ var _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8608);
/* harmony import */ var _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2378);
/* harmony import */ var _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3534);
/* harmony import */ var _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1229);
/* harmony import */ var _codebuild_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3895);


/**
 * CodeBuild through the SDK's client, for setups the action does not call directly (endpoints.ts):
 * profiles, SSO, instance roles, other partitions, FIPS. Loaded only then, or with a client handed in.
 */
const COMMANDS = {
    BatchGetBuildBatches: _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_1__/* .BatchGetBuildBatchesCommand */ .Y,
    BatchGetBuilds: _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_2__/* .BatchGetBuildsCommand */ .z,
    BatchGetReports: _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_3__/* .BatchGetReportsCommand */ .N,
    DescribeTestCases: _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_4__/* .DescribeTestCasesCommand */ .k,
    ListBuildBatchesForProject: _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_5__/* .ListBuildBatchesForProjectCommand */ .u,
    RetryBuildBatch: _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_6__/* .RetryBuildBatchCommand */ .k,
    StartBuildBatch: _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_7__/* .StartBuildBatchCommand */ .O,
    StopBuildBatch: _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_8__/* .StopBuildBatchCommand */ .O,
};
function sdkClient(options) {
    return new _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_9__/* .CodeBuildClient */ .b((0,_codebuild_js__WEBPACK_IMPORTED_MODULE_0__/* .sdkClientConfig */ .kM)(options, _codebuild_js__WEBPACK_IMPORTED_MODULE_0__/* .CODEBUILD_SERVICE */ .So));
}
function sdkSend(client) {
    return (operation, input, signal) => {
        const Command = COMMANDS[operation];
        return client.send(new Command(input), { abortSignal: signal });
    };
}


/***/ })

};
