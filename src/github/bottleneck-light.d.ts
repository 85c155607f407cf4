// bottleneck/light.js (the build without Redis clustering, which the Octokit plugins load) is typed by the
// package's main declarations.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
