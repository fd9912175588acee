// bottleneck's light build (no clustering), which Octokit's retry and throttling plugins import: the
// same module, so the bundle holds one copy. Its types are the package's own.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
